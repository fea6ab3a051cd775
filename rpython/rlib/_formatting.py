"""Run-time pieces of `fmt % args` that the flow builder cannot fold
(flowspace/flowbuilder.cpp: constant formats become concatenations of
format() calls); called on the program's behalf and compiled like it."""


def percent_spec(head, has_width, width, has_prec, prec, tail, minus, zero, text):
    """The format() spec of a %-field whose width or precision is a `*`
    (an int of the operand). As CPython's %: a negative width
    left-justifies (the '-' flag), a negative precision counts as 0.
    head: the sign and '#' flags; tail: the conversion letter (empty for
    %s %r %a %c, whose spec is only alignment and precision)."""
    if width < 0:
        minus = True
        width = -width
    spec = ""
    if text:
        if has_width:
            spec = ("<" if minus else ">") + str(width)
    else:
        if minus:
            spec = "<"
        spec += head
        if zero and not minus:
            spec += "0"
        if has_width:
            spec += str(width)
    if has_prec:
        if prec < 0:
            prec = 0
        spec += "." + str(prec)
    return spec + tail

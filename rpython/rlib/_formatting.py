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


def int_precision(v, head, tail, width, prec, minus, zero):
    """A %d/%x/%o field with a precision, the least number of digits
    (CPython's _PyUnicode_FormatLong zero-extends the digits after the sign
    and the '#' prefix), made of format() calls. head: the sign and '#'
    flags; tail: the conversion letter. As CPython's %: a negative width
    (from a `*`) left-justifies, a negative precision counts as 0, and the
    '0' flag zero-pads to the width."""
    if width < 0:
        minus = True
        width = -width
    ndigits = len(format(v, tail))
    if v < 0:
        ndigits -= 1
    n = len(format(v, head + tail))
    if prec > ndigits:
        n += prec - ndigits
    if zero and not minus and width > n:
        n = width
    text = format(v, head + "0" + str(n) + tail)
    if minus:
        return text.ljust(width)
    return text.rjust(width)


# bytes % (PEP 461): %s, %b and %c give bytes, not text.

def bytes_field(b, width, has_prec, prec, minus):
    """A %s, %b or %c field: b cut to prec bytes and padded with spaces to
    width (a negative width, from a `*`, left-justifies as the '-' flag
    does; a negative precision counts as 0). Never zero-padded: CPython's
    '0' flag pads only numbers."""
    if has_prec:
        if prec < 0:
            prec = 0
        if len(b) > prec:
            b = b[:prec]
    if width < 0:
        minus = True
        width = -width
    if minus:
        return b.ljust(width)
    return b.rjust(width)


_ONE_BYTE = [bytes([_i]) for _i in range(256)]


def byte_of_int(i):  # %c of an int
    if i < 0 or i > 255:
        raise OverflowError("%c arg not in range(256)")
    return _ONE_BYTE[i]


def byte_of_bytes(b):  # %c of a bytes or bytearray
    if len(b) != 1:
        raise TypeError("%c requires an integer in range(256) or a single byte")
    return bytes(b)

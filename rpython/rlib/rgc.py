"""rpython.rlib.rgc: talking to the garbage collector, as in RPython.

  collect()                 a full collection (minor + complete major)
  can_move(obj)             whether obj may still move (young, under
                            incminimark); untranslated: True (CPython does
                            not tell)
  pin(obj) / unpin(obj)     keep obj at its address; translated, pinning a
                            young object promotes it (old objects never
                            move), so pin() always succeeds
  add_memory_pressure(n)    n bytes of raw memory owned by GC objects: the
                            next major collection comes that much sooner
  get_stats(what)           a number about the heap; `what` is one of the
                            constants below (untranslated: collections
                            counted by collect(), 0 for sizes)

Translated, these are runtime calls (gc/rpygc.h; docs/GC.md).
"""

import gc as _gc

__all__ = ["collect", "can_move", "pin", "unpin", "add_memory_pressure", "get_stats",
           "TOTAL_MEMORY", "PEAK_MEMORY", "MINOR_COLLECTIONS", "MAJOR_COLLECTIONS",
           "TOTAL_ALLOCATED", "NURSERY_SIZE", "MEMORY_PRESSURE"]

# Must match RPY_STAT_* in gc/rpygc.h.
TOTAL_MEMORY = 0
PEAK_MEMORY = 1
MINOR_COLLECTIONS = 2
MAJOR_COLLECTIONS = 3
TOTAL_ALLOCATED = 4
NURSERY_SIZE = 5
MEMORY_PRESSURE = 6

_state = {"majors": 0, "pressure": 0}
_pinned = set()


def collect():
    _gc.collect()
    _state["majors"] += 1
    _state["pressure"] = 0


def can_move(obj):
    return True


def pin(obj):
    _pinned.add(id(obj))
    return True


def unpin(obj):
    _pinned.discard(id(obj))


def _is_pinned(obj):
    return id(obj) in _pinned


def add_memory_pressure(n):
    if n > 0:
        _state["pressure"] += n


def get_stats(what):
    if what == MAJOR_COLLECTIONS or what == MINOR_COLLECTIONS:
        return _state["majors"]
    if what == MEMORY_PRESSURE:
        return _state["pressure"]
    if 0 <= what <= 6:
        return 0
    return -1

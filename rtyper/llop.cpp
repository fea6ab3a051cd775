#include "rtyper/llop.h"

#include <unordered_map>

namespace rpy {

const LLOpInfo* llop_info(const std::string& name) {
  static const std::unordered_map<std::string, LLOpInfo> table = [] {
    // Arithmetic follows Python: int_floordiv and int_mod round toward
    // negative infinity; shifts by 64 or more give 0 or -1.
    LLOpInfo ops[] = {
        {"same_as", false, true, nullptr, nullptr},
        {"int_add", false, true, nullptr, nullptr},
        {"int_sub", false, true, nullptr, nullptr},
        {"int_mul", false, true, nullptr, nullptr},
        {"int_floordiv", false, true, nullptr, nullptr},
        {"int_mod", false, true, nullptr, nullptr},
        {"int_and", false, true, nullptr, nullptr},
        {"int_or", false, true, nullptr, nullptr},
        {"int_xor", false, true, nullptr, nullptr},
        {"int_lshift", false, true, nullptr, nullptr},
        {"int_rshift", false, true, nullptr, nullptr},
        {"int_neg", false, true, nullptr, nullptr},
        {"int_abs", false, true, nullptr, nullptr},
        {"int_invert", false, true, nullptr, nullptr},
        {"int_lt", false, true, nullptr, nullptr},
        {"int_le", false, true, nullptr, nullptr},
        {"int_eq", false, true, nullptr, nullptr},
        {"int_ne", false, true, nullptr, nullptr},
        {"int_gt", false, true, nullptr, nullptr},
        {"int_ge", false, true, nullptr, nullptr},
        {"int_is_true", false, true, nullptr, nullptr},
        {"int_min", false, true, nullptr, nullptr},
        {"int_max", false, true, nullptr, nullptr},
        {"int_floordiv_zer", true, true, "ZeroDivisionError", "integer division or modulo by zero"},
        {"int_mod_zer", true, true, "ZeroDivisionError", "integer modulo by zero"},
        {"int_truediv_zer", true, true, "ZeroDivisionError", "division by zero"},
        // ovfcheck(): the message is rpython.rlib.rarithmetic.ovfcheck's
        {"int_add_ovf", true, true, "OverflowError", "signed integer expression did overflow"},
        {"int_sub_ovf", true, true, "OverflowError", "signed integer expression did overflow"},
        {"int_mul_ovf", true, true, "OverflowError", "signed integer expression did overflow"},
        {"int_lshift_ovf", true, true, "OverflowError", "signed integer expression did overflow"},
        {"int_neg_ovf", true, true, "OverflowError", "signed integer expression did overflow"},
        // and ZeroDivisionError first, as the division itself
        {"int_floordiv_ovf_zer", true, true, "OverflowError", "signed integer expression did overflow"},
        {"int_lshift_val", true, true, "ValueError", "negative shift count"},
        // At the entry of functions that can recurse (backendopt/stackcheck.cpp)
        {"stack_check", true, false, "RecursionError", "maximum recursion depth exceeded"},
        {"int_rshift_val", true, true, "ValueError", "negative shift count"},
        {"float_add", false, true, nullptr, nullptr},
        {"float_sub", false, true, nullptr, nullptr},
        {"float_mul", false, true, nullptr, nullptr},
        {"float_truediv", false, true, nullptr, nullptr},
        {"float_truediv_zer", true, true, "ZeroDivisionError", "float division by zero"},
        {"float_floordiv_zer", true, true, "ZeroDivisionError", "float floor division by zero"},
        {"float_mod_zer", true, true, "ZeroDivisionError", "float modulo"},
        {"float_neg", false, true, nullptr, nullptr},
        {"float_abs", false, true, nullptr, nullptr},
        {"float_lt", false, true, nullptr, nullptr},
        {"float_le", false, true, nullptr, nullptr},
        {"float_eq", false, true, nullptr, nullptr},
        {"float_ne", false, true, nullptr, nullptr},
        {"float_gt", false, true, nullptr, nullptr},
        {"float_ge", false, true, nullptr, nullptr},
        {"float_is_true", false, true, nullptr, nullptr},
        {"float_min", false, true, nullptr, nullptr},
        {"float_max", false, true, nullptr, nullptr},
        {"cast_int_to_float", false, true, nullptr, nullptr},
        {"cast_int_to_uint", false, true, nullptr, nullptr},
        {"cast_uint_to_int", false, true, nullptr, nullptr},
        {"cast_uint_to_float", false, true, nullptr, nullptr},
        {"uint_add", false, true, nullptr, nullptr},
        {"uint_sub", false, true, nullptr, nullptr},
        {"uint_mul", false, true, nullptr, nullptr},
        {"uint_and", false, true, nullptr, nullptr},
        {"uint_or", false, true, nullptr, nullptr},
        {"uint_xor", false, true, nullptr, nullptr},
        {"uint_neg", false, true, nullptr, nullptr},
        {"uint_invert", false, true, nullptr, nullptr},
        {"uint_lt", false, true, nullptr, nullptr},
        {"uint_le", false, true, nullptr, nullptr},
        {"uint_eq", false, true, nullptr, nullptr},
        {"uint_ne", false, true, nullptr, nullptr},
        {"uint_gt", false, true, nullptr, nullptr},
        {"uint_ge", false, true, nullptr, nullptr},
        {"uint_floordiv_zer", true, true, "ZeroDivisionError", "integer division or modulo by zero"},
        {"uint_mod_zer", true, true, "ZeroDivisionError", "integer modulo by zero"},
        {"uint_lshift_val", true, true, "ValueError", "negative shift count"},
        {"uint_rshift_val", true, true, "ValueError", "negative shift count"},
        {"cast_bool_to_int", false, true, nullptr, nullptr},
        {"cast_bool_to_float", false, true, nullptr, nullptr},
        {"bool_not", false, true, nullptr, nullptr},
        {"ptr_eq", false, true, nullptr, nullptr},
        {"ptr_ne", false, true, nullptr, nullptr},
        {"ptr_iszero", false, true, nullptr, nullptr},
        {"ptr_nonzero", false, true, nullptr, nullptr},
        // Allocations raise MemoryError (the heap limit, a huge length): in a
        // try block their exception exit stays, as for RPython's malloc. No
        // `exc`: the error is raised inside the allocator, not by codegen.
        {"malloc", true, false, nullptr, nullptr, true},
        {"getfield", false, false, nullptr, nullptr},
        {"setfield", false, false, nullptr, nullptr},
        {"getarrayitem", false, false, nullptr, nullptr},
        {"setarrayitem", false, false, nullptr, nullptr},
        {"getarraysize", false, false, nullptr, nullptr},
        {"int_range_len", false, true, nullptr, nullptr},  // len(range(a, b, c)), c != 0
        {"int_index_check", true, true, "IndexError", "list index out of range"},
        {"int_index_check_set", true, true, "IndexError", "list assignment index out of range"},  // l[i] = x
        {"range_check_step", true, true, "ValueError", "range() arg 3 must not be zero"},
        {"direct_call", true, false, nullptr, nullptr, true},
        {"malloc_varsize", true, false, nullptr, nullptr, true},
        // The guards of list.pop() and of a list iterator's next (rtyper/rlist.cpp):
        // int_pop_check(n) is n - 1 for n > 0; int_iter_check(i, n) passes when i < n.
        {"int_pop_check", true, true, "IndexError", "pop from empty list"},
        {"int_iter_check", true, true, "StopIteration", nullptr},
        {"indirect_call", true, false, nullptr, nullptr, true},  // first argument: a function pointer
        {"cast_pointer", false, true, nullptr, nullptr},   // between a struct and one it extends
        // x is not None and type(x) in [min, max): isinstance by subclass range
        {"isinstance_range", false, false, nullptr, nullptr},
        // Inserted by the GC transform (gctransform/), after backendopt:
        // gc_push_roots(v...) / gc_pop_roots(v...) bracket the one operation
        // that can collect between them; the pop reloads each v (moved).
        {"gc_push_roots", false, false, nullptr, nullptr},
        {"gc_pop_roots", false, false, nullptr, nullptr},
        // Before a store of a GC ref into a GC object that may be old.
        {"gc_write_barrier", false, false, nullptr, nullptr},
        {"gc_write_barrier_from_array", false, false, nullptr, nullptr},  // (array, index)
        // malloc of a fixed-size object through the inline nursery bump.
        // Only its slow path can raise (MemoryError).
        {"gc_malloc_nursery", true, false, nullptr, nullptr, true},
    };
    std::unordered_map<std::string, LLOpInfo> m;
    for (auto& o : ops) m[o.name] = o;
    return m;
  }();
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace rpy

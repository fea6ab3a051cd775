// Stand-ins for the built-in exception vtables that a translated program's
// codegen emits, so runtime unit tests can link. The class tree numbering is
// a preorder one as the rtyper computes it:
//   Exception [0, 12)
//     ValueError [1, 2)   ArithmeticError-like group: ZeroDivisionError
//     [2, 3), OverflowError [3, 4)   LookupError-like group: IndexError [4, 5),
//     KeyError [5, 6)   TypeError [6, 7)   AssertionError [7, 8)
//     StopIteration [8, 9)   RuntimeError [9, 10)   MemoryError [10, 11)
// (slot 11 is left for a test subclass of Exception).
#include <cstddef>

#include "runtime/rpy.h"

namespace {

// A prebuilt str is an rpy_string whose data array is as long as its text.
template <size_t N>
struct PrebuiltStr {
  rpy_gchdr hdr;
  Signed hash;
  Signed length;
  Signed nbytes;
  char data[N];
};

template <size_t N>
constexpr PrebuiltStr<N> prebuilt(const char (&text)[N]) {
  PrebuiltStr<N> s{{RPY_TID_STRING, RPY_GCFLAG_PREBUILT}, 0, N - 1, N - 1, {}};
  for (size_t i = 0; i < N; i++) s.data[i] = text[i];
  return s;
}

static_assert(offsetof(PrebuiltStr<4>, data) == offsetof(rpy_string, data));

#define RT_NAME(cls) \
  PrebuiltStr<sizeof(#cls)> name_##cls = prebuilt(#cls)

RT_NAME(Exception);
RT_NAME(ValueError);
RT_NAME(ZeroDivisionError);
RT_NAME(OverflowError);
RT_NAME(IndexError);
RT_NAME(KeyError);
RT_NAME(TypeError);
RT_NAME(AssertionError);
RT_NAME(StopIteration);
RT_NAME(RuntimeError);
RT_NAME(MemoryError);

}  // namespace

#define RT_VTABLE(cls, lo, hi) \
  const rpy_vtable rpy_vt_##cls = {lo, hi, reinterpret_cast<rpy_string*>(&name_##cls)}

extern "C" {
RT_VTABLE(Exception, 0, 12);
RT_VTABLE(ValueError, 1, 2);
RT_VTABLE(ZeroDivisionError, 2, 3);
RT_VTABLE(OverflowError, 3, 4);
RT_VTABLE(IndexError, 4, 5);
RT_VTABLE(KeyError, 5, 6);
RT_VTABLE(TypeError, 6, 7);
RT_VTABLE(AssertionError, 7, 8);
RT_VTABLE(StopIteration, 8, 9);
RT_VTABLE(RuntimeError, 9, 10);
RT_VTABLE(MemoryError, 10, 11);
}

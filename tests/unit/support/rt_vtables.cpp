// Stand-ins for the built-in exception vtables that a translated program's
// codegen emits, so runtime unit tests can link. The class tree numbering is
// a preorder one as the rtyper computes it:
//   Exception [0, 16)
//     ValueError [1, 5)
//       UnicodeError [2, 5): UnicodeEncodeError [3, 4), UnicodeDecodeError [4, 5)
//     ArithmeticError-like group: ZeroDivisionError [5, 6), OverflowError [6, 7)
//     LookupError [7, 10): IndexError [8, 9), KeyError [9, 10)
//     TypeError [10, 11)   AssertionError [11, 12)   StopIteration [12, 13)
//     RuntimeError [13, 14)   MemoryError [14, 15)
// (slot 15 is left for a test subclass of Exception).
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
RT_NAME(LookupError);
RT_NAME(UnicodeError);
RT_NAME(UnicodeEncodeError);
RT_NAME(UnicodeDecodeError);

}  // namespace

#define RT_VTABLE(cls, lo, hi) \
  const rpy_vtable rpy_vt_##cls = {lo, hi, reinterpret_cast<rpy_string*>(&name_##cls)}

extern "C" {
RT_VTABLE(Exception, 0, 16);
RT_VTABLE(ValueError, 1, 5);
RT_VTABLE(UnicodeError, 2, 5);
RT_VTABLE(UnicodeEncodeError, 3, 4);
RT_VTABLE(UnicodeDecodeError, 4, 5);
RT_VTABLE(ZeroDivisionError, 5, 6);
RT_VTABLE(OverflowError, 6, 7);
RT_VTABLE(LookupError, 7, 10);
RT_VTABLE(IndexError, 8, 9);
RT_VTABLE(KeyError, 9, 10);
RT_VTABLE(TypeError, 10, 11);
RT_VTABLE(AssertionError, 11, 12);
RT_VTABLE(StopIteration, 12, 13);
RT_VTABLE(RuntimeError, 13, 14);
RT_VTABLE(MemoryError, 14, 15);
}

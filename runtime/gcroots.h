// How runtime helpers keep GC refs alive and up to date across allocations,
// for the string/bytes/format helpers. Not part of the ABI.
//
// Under a moving collector every allocation may move every object, so a
// helper that allocates while it still needs an input re-reads the input from
// a shadow-stack slot (gc/rpygc.h: rpy_gcref). Under Boehm nothing moves. The
// references below are weak so that this file links against both the GC
// library that defines the shadow stack and one that does not (yet): when the
// symbol is absent its address is null and rooting is a no-op.
#pragma once
#include "runtime/rpy.h"

#pragma weak rpy_shadowstack_top
#pragma weak rpy_gc_write_barrier

namespace rpy_rt {

inline bool have_shadowstack() { return &rpy_shadowstack_top != nullptr && rpy_shadowstack_top; }

// A GC ref rooted for the life of this object (destroy in reverse order of
// creation, as C++ locals are). get() after anything that can collect.
template <class T>
class Root {
 public:
  explicit Root(T* p) {
    if (have_shadowstack()) {
      slot_ = rpy_shadowstack_top;
      *rpy_shadowstack_top++ = (void*)p;
    } else {
      local_ = p;
      slot_ = reinterpret_cast<void**>(&local_);
    }
  }
  ~Root() {
    if (slot_ != reinterpret_cast<void**>(&local_)) rpy_shadowstack_top = slot_;
  }
  Root(const Root&) = delete;
  Root& operator=(const Root&) = delete;
  T* get() const { return static_cast<T*>(*slot_); }
  void set(T* p) { *slot_ = (void*)p; }

 private:
  void** slot_;
  T* local_ = nullptr;
};

// Before storing a GC ref into an object that may be old.
inline void write_barrier(void* obj) {
  if (&rpy_gc_write_barrier != nullptr &&
      !(static_cast<rpy_gchdr*>(obj)->gcflags & RPY_GCFLAG_NO_BARRIER))
    rpy_gc_write_barrier(obj);
}

}  // namespace rpy_rt

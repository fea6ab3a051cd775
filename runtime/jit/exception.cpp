#include "runtime/jit/exception.h"

#include "runtime/jit/heap.h"

namespace rpy::jit {

namespace {
ExceptionState state;  // one global, as RPython's pos_exception: code embeds its address
}

ExceptionState& exception_state() { return state; }

void raise_exception(void* obj) {
  state.type = obj ? JitHeap::type_id_of(obj) : 0;
  state.value = obj;
}

void* take_exception() {
  void* v = state.value;
  state = ExceptionState{};
  return v;
}

}  // namespace rpy::jit

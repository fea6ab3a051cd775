// The pending exception of JIT code, modelled on RPython's exception
// transform: a function that raises stores the exception here and returns
// normally; the trace checks right after the call, with
// guard_no_exception (fails when one is pending) or guard_exception(CLS)
// (passes when the pending exception's class is CLS, returns it and
// clears the state). Machine code reads the state at its fixed address.
//
// An exception is a struct object; its class is its header's type id, as
// guard_class sees it. `type` holds that id (0: nothing pending) so a guard
// compares one word without loading the object.
//
// When a guard fails with an exception pending, it stays pending: a bridge
// attached to the guard starts with it (and usually begins with
// guard_exception); an exit to the interpreter moves it into
// ExitState::exception and clears the state, as RPython's backends save it
// in the dead frame.
#pragma once
#include <cstdint>

namespace rpy::jit {

struct ExceptionState {
  int64_t type = 0;      // the class (type id) of the pending exception, 0 if none
  void* value = nullptr;  // the exception object
};

// The one state (a global, like RPython's); backends embed its address.
ExceptionState& exception_state();

// For C functions called from traces: sets the pending exception to `obj`
// (a struct object; its type id is its class).
void raise_exception(void* obj);

// Returns the pending exception object (null if none) and clears the state.
void* take_exception();

}  // namespace rpy::jit

// syslib: low-level types of the standard-module support (rtyper/rmodules.cpp).
#pragma once
#include "rtyper/lltype.h"

namespace rpy {

// Ptr(rpy_bytes): the runtime's bytes, laid out (and type-numbered) as its str.
const LLType* BytesPtr();
// Ptr(rpy_bytearray) {length, buf: Ptr(rpy_bytes)}: the runtime's bytearray.
const LLType* ByteArrayPtr();

}  // namespace rpy

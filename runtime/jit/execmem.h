// Executable memory for the machine-code backends, W^X: code is written
// into pages mapped read-write, then switched to read-execute; a patch
// (attaching a bridge to a guard) flips the touched pages to read-write and
// back. All code of one arena lies in one reserved range, so that jumps
// between a loop and its bridges fit in a rel32 on every CPU we target.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rpy::jit {

class ExecMemory {
 public:
  // Reserves `reserve` bytes of address space (nothing is committed yet).
  explicit ExecMemory(size_t reserve = size_t{256} << 20);
  ~ExecMemory();
  ExecMemory(const ExecMemory&) = delete;
  ExecMemory& operator=(const ExecMemory&) = delete;

  // Copies `size` bytes into fresh page-aligned executable memory. The code
  // may be position-dependent: `address_of_next(size)` tells beforehand
  // where it will land.
  uint8_t* install(const uint8_t* bytes, size_t size);
  uint8_t* address_of_next() const { return base_ + used_; }

  // Overwrites `size` bytes at `at` (inside installed code).
  void patch(uint8_t* at, const void* bytes, size_t size);

  size_t bytes_used() const { return used_; }

 private:
  uint8_t* base_ = nullptr;
  size_t reserved_ = 0;
  size_t used_ = 0;
};

}  // namespace rpy::jit

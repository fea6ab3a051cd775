// Where `new` and `new_array` get memory until the precise GC exists: a
// bump allocator over large zeroed chunks, freed all at once. Objects follow
// the layout in descr.h.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/jit/descr.h"

namespace rpy::jit {

class JitHeap {
 public:
  explicit JitHeap(size_t chunk_size = 1 << 20) : chunk_size_(chunk_size) {}
  JitHeap(const JitHeap&) = delete;
  JitHeap& operator=(const JitHeap&) = delete;

  // Zeroed, 8-byte aligned. Never fails short of the system running out.
  void* allocate(size_t size);

  void* new_struct(const StructDescr& s);
  // Caller checks length >= 0.
  void* new_array(const ArrayDescr& a, int64_t length);

  static uint32_t type_id_of(const void* obj) { return *static_cast<const uint32_t*>(obj); }
  static int64_t array_length(const void* array) {
    return *reinterpret_cast<const int64_t*>(static_cast<const char*>(array) + layout::kArrayLengthOffset);
  }

  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  size_t chunk_size_;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* free_ = nullptr;
  std::byte* end_ = nullptr;
  size_t bytes_allocated_ = 0;
};

}  // namespace rpy::jit

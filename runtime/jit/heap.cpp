#include "runtime/jit/heap.h"

#include <cstring>

namespace rpy::jit {

void* JitHeap::allocate(size_t size) {
  size = (size + 7) & ~size_t{7};
  if (static_cast<size_t>(end_ - free_) < size) {
    size_t n = size > chunk_size_ ? size : chunk_size_;
    chunks_.emplace_back(new std::byte[n]());  // value-initialised: zeroed
    free_ = chunks_.back().get();
    end_ = free_ + n;
  }
  void* result = free_;
  free_ += size;
  bytes_allocated_ += size;
  return result;
}

void* JitHeap::new_struct(const StructDescr& s) {
  void* obj = allocate(static_cast<size_t>(s.size()));
  uint32_t tid = s.type_id();
  std::memcpy(static_cast<char*>(obj) + layout::kTypeIdOffset, &tid, sizeof tid);
  return obj;
}

void* JitHeap::new_array(const ArrayDescr& a, int64_t length) {
  void* obj = allocate(static_cast<size_t>(a.items_offset() + a.item_size() * length));
  uint32_t tid = a.type_id();
  std::memcpy(static_cast<char*>(obj) + layout::kTypeIdOffset, &tid, sizeof tid);
  std::memcpy(static_cast<char*>(obj) + a.length_offset(), &length, sizeof length);
  return obj;
}

}  // namespace rpy::jit

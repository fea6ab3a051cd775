#include "runtime/jit/execmem.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <new>
#include <stdexcept>

namespace rpy::jit {

namespace {
size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}
size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }
}  // namespace

ExecMemory::ExecMemory(size_t reserve) : reserved_(round_up(reserve, page_size())) {
  void* p = mmap(nullptr, reserved_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  base_ = static_cast<uint8_t*>(p);
}

ExecMemory::~ExecMemory() {
  if (base_) munmap(base_, reserved_);
}

uint8_t* ExecMemory::install(const uint8_t* bytes, size_t size) {
  size_t pages = round_up(size ? size : 1, page_size());
  if (used_ + pages > reserved_) throw std::runtime_error("JIT code arena is full");
  uint8_t* at = base_ + used_;
  if (mprotect(at, pages, PROT_READ | PROT_WRITE) != 0) throw std::runtime_error("mprotect RW failed");
  std::memcpy(at, bytes, size);
  if (mprotect(at, pages, PROT_READ | PROT_EXEC) != 0) throw std::runtime_error("mprotect RX failed");
  used_ += pages;
  return at;
}

void ExecMemory::patch(uint8_t* at, const void* bytes, size_t size) {
  uintptr_t first = reinterpret_cast<uintptr_t>(at) & ~(page_size() - 1);
  uintptr_t last = round_up(reinterpret_cast<uintptr_t>(at) + size, page_size());
  void* start = reinterpret_cast<void*>(first);
  if (mprotect(start, last - first, PROT_READ | PROT_WRITE) != 0) throw std::runtime_error("mprotect RW failed");
  std::memcpy(at, bytes, size);
  if (mprotect(start, last - first, PROT_READ | PROT_EXEC) != 0) throw std::runtime_error("mprotect RX failed");
}

}  // namespace rpy::jit

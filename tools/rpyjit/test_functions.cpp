#include "tools/rpyjit/test_functions.h"

#include <cmath>
#include <cstring>

#include "runtime/jit/descr.h"
#include "runtime/jit/exception.h"

namespace rpy::jit {

namespace {

int64_t counter = 0;

int64_t c_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
int64_t c_max(int64_t a, int64_t b) { return a > b ? a : b; }
double c_muladd(double a, double b, double c) { return a * b + c; }  // built with -ffp-contract=off
double c_sqrt(double x) { return std::sqrt(x); }
double c_scale(int64_t n, double x) { return static_cast<double>(n) * x; }
void* c_pick(void* a, void* b, int64_t first) { return first ? a : b; }
void c_count(int64_t n) { counter += n; }
int64_t c_counter() { return counter; }

// Sums an int array laid out as descr.h says.
int64_t c_sum_array(void* array) {
  if (!array) return 0;
  const char* base = static_cast<const char*>(array);
  int64_t length;
  std::memcpy(&length, base + layout::kArrayLengthOffset, 8);
  int64_t sum = 0;
  for (int64_t k = 0; k < length; k++) {
    int64_t item;
    std::memcpy(&item, base + layout::kArrayItemsOffset + 8 * k, 8);
    sum += item;
  }
  return sum;
}

// Raise the exception object they are given (RPython code would allocate
// one; the trace passes it so that its class is a descr of the trace).
int64_t c_div_or_raise(int64_t a, int64_t b, void* exc) {
  if (b == 0) {
    raise_exception(exc);
    return 0;
  }
  if (b == -1) return static_cast<int64_t>(0 - static_cast<uint64_t>(a));  // INT64_MIN / -1 wraps
  return a / b;
}
void c_raise_if(int64_t cond, void* exc) {
  if (cond) raise_exception(exc);
}

}  // namespace

void register_test_functions(CFunctionRegistry& r) {
  r.add(make_cfunction<&c_add>("c_add"));
  r.add(make_cfunction<&c_max>("c_max"));
  r.add(make_cfunction<&c_muladd>("c_muladd"));
  r.add(make_cfunction<&c_sqrt>("c_sqrt"));
  r.add(make_cfunction<&c_scale>("c_scale"));
  r.add(make_cfunction<&c_pick>("c_pick"));
  r.add(make_cfunction<&c_count>("c_count"));
  r.add(make_cfunction<&c_counter>("c_counter"));
  r.add(make_cfunction<&c_sum_array>("c_sum_array"));
  r.add(make_cfunction<&c_div_or_raise>("c_div_or_raise"));
  r.add(make_cfunction<&c_raise_if>("c_raise_if"));
}

const CFunctionRegistry& test_function_registry() {
  static const CFunctionRegistry registry = [] {
    CFunctionRegistry r;
    register_test_functions(r);
    return r;
  }();
  return registry;
}

}  // namespace rpy::jit

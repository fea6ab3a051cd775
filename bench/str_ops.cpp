// Throughput of the runtime's hot string helpers (split, join, find,
// replace, % formatting, format(), indexing). Not a test; run bench/str_ops.
// Each line: operation, ns per call, and MB/s of input text where it applies.
#include <chrono>
#include <cstdio>
#include <string>

#include "runtime/rpy.h"

namespace {

template <class F>
double ns_per_call(long iters, F f) {
  double best = 1e300;
  for (int rep = 0; rep < 3; rep++) {
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < iters; i++) f(i);
    auto t1 = std::chrono::steady_clock::now();
    double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / (double)iters;
    if (ns < best) best = ns;
  }
  return best;
}

void report(const char* name, double ns, double bytes = 0) {
  if (bytes > 0)
    printf("%-36s %10.1f ns/call %10.1f MB/s\n", name, ns, bytes / ns * 1e3);
  else
    printf("%-36s %10.1f ns/call\n", name, ns);
}

rpy_string* S(const std::string& s) { return rpy_str_from_utf8(s.data(), (Signed)s.size()); }

volatile Signed g_sink;

}  // namespace

int main(int argc, char** argv) {
  rpy_runtime_init(argc, argv);
  std::string words;
  for (int i = 0; i < 200; i++) words += "word" + std::to_string(i % 37) + (i % 5 ? " " : "  ");
  std::string csv;
  for (int i = 0; i < 200; i++) csv += std::to_string(i * 7919) + ",";
  std::string text;
  for (int i = 0; i < 2000; i++) text += "the quick brown fox jumps over the lazy dog ";
  text += "needle";
  std::string utf;
  for (int i = 0; i < 500; i++) utf += "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 ";

  rpy_string* sw = S(words);
  rpy_string* scsv = S(csv);
  rpy_string* stext = S(text);
  rpy_string* sutf = S(utf);
  rpy_string* comma = S(",");
  rpy_string* space = S(" ");
  rpy_string* needle = S("needle");
  rpy_string* fox = S("fox");
  rpy_string* cat = S("cat");
  rpy_strlist* parts = rpy_str_split(scsv, comma, -1);

  report("split() 200 words", ns_per_call(20000, [&](long) { g_sink = rpy_str_split(sw, nullptr, -1)->length; }),
         (double)words.size());
  report("split(',') 200 fields", ns_per_call(20000, [&](long) { g_sink = rpy_str_split(scsv, comma, -1)->length; }),
         (double)csv.size());
  report("','.join(201 items)", ns_per_call(20000, [&](long) { g_sink = rpy_str_join(comma, parts)->nbytes; }),
         (double)csv.size());
  report("find('needle') in 88 KB", ns_per_call(2000, [&](long) { g_sink = rpy_str_find(stext, needle, 0, INT64_MAX); }),
         (double)text.size());
  report("count('fox') in 88 KB", ns_per_call(2000, [&](long) { g_sink = rpy_str_count(stext, fox, 0, INT64_MAX); }),
         (double)text.size());
  report("replace('fox','cat') 88 KB", ns_per_call(500, [&](long) { g_sink = rpy_str_replace(stext, fox, cat, -1)->nbytes; }),
         (double)text.size());
  report("' ' in short", ns_per_call(1000000, [&](long) { g_sink = rpy_str_contains(sw, space); }));
  report("s[i] ASCII", ns_per_call(10000000, [&](long i) { g_sink = (Signed)rpy_str_getitem(stext, i % 80000); }));
  Signed ulen = sutf->length;
  report("s[i] non-ASCII sequential", ns_per_call(10000000, [&](long i) {
           g_sink = (Signed)rpy_str_getitem(sutf, i % ulen);
         }));
  report("s.lower() non-ASCII 5 KB", ns_per_call(5000, [&](long) { g_sink = rpy_str_lower(sutf)->nbytes; }),
         (double)utf.size());
  report("s.strip()", ns_per_call(1000000, [&](long) { g_sink = rpy_str_strip(sw, nullptr)->nbytes; }));

  rpy_string* fmt = S("%s=%d (%.3f) [%5s|%-8x]");
  rpy_fmtarg args[5] = {{RPY_FMTARG_STR, 0, 0, S("key")}, {RPY_FMTARG_INT, 12345, 0, nullptr},
                        {RPY_FMTARG_FLOAT, 0, 3.14159, nullptr}, {RPY_FMTARG_STR, 0, 0, S("ab")},
                        {RPY_FMTARG_INT, 255, 0, nullptr}};
  report("'%s=%d (%.3f) [%5s|%-8x]' % (...)", ns_per_call(500000, [&](long i) {
           args[1].i = i;
           g_sink = rpy_str_mod(fmt, args, 5)->nbytes;
         }));
  rpy_string* spec_i = S(">12,d");
  rpy_string* spec_f = S(".6g");
  rpy_string* spec_s = S("^20");
  report("format(i, '>12,d')", ns_per_call(1000000, [&](long i) { g_sink = rpy_format_int(i * 7919, spec_i)->nbytes; }));
  report("format(x, '.6g')", ns_per_call(1000000, [&](long i) { g_sink = rpy_format_float(i * 0.37, spec_f)->nbytes; }));
  report("format(s, '^20')", ns_per_call(1000000, [&](long) { g_sink = rpy_format_str(needle, spec_s)->nbytes; }));
  report("str(float)", ns_per_call(1000000, [&](long i) { g_sink = rpy_float2str(i * 0.37)->nbytes; }));
  rpy_runtime_shutdown();
  return 0;
}

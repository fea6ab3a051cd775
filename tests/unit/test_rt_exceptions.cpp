// Exception state, uncaught-exception reporting and buffered stdout.
#define BOOST_TEST_MODULE rt_exceptions
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdio>
#include <string>

#include "support/rt_test_util.h"

using namespace rt_test;

namespace {

// Points fd 1 and/or fd 2 at one temporary file for the lifetime of the
// object, so tests can see what reached each descriptor and in which order.
class Capture {
 public:
  explicit Capture(bool out, bool err) : out_(out), err_(err) {
    std::fflush(nullptr);
    file_ = std::tmpfile();
    if (out_) saved_out_ = dup(1), dup2(fileno(file_), 1);
    if (err_) saved_err_ = dup(2), dup2(fileno(file_), 2);
  }
  ~Capture() {
    restore();
    std::fclose(file_);
  }
  void restore() {
    if (out_) dup2(saved_out_, 1), close(saved_out_), out_ = false;
    if (err_) dup2(saved_err_, 2), close(saved_err_), err_ = false;
  }
  std::string contents() {
    std::string s;
    char buf[4096];
    off_t pos = 0;
    ssize_t n;
    while ((n = pread(fileno(file_), buf, sizeof buf, pos)) > 0) s.append(buf, (size_t)n), pos += n;
    return s;
  }

 private:
  bool out_, err_;
  int saved_out_ = -1, saved_err_ = -1;
  FILE* file_;
};

void write_str(const std::string& s) { rpy_stdout_write(S(s)); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(exceptions, ExcFixture)

// First in the file: runs while the stdout buffer is not allocated yet.
BOOST_AUTO_TEST_CASE(stdout_empty_write_before_any_output) {
  std::string got;
  {
    Capture cap(true, false);
    write_str("");
    rpy_stdout_flush();
    write_str("");
    write_str("x");
    rpy_stdout_flush();
    cap.restore();
    got = cap.contents();
  }
  BOOST_TEST(got == "x");
}

BOOST_AUTO_TEST_CASE(raise_cstr_builds_an_instance) {
  rpy_raise_cstr(&rpy_vt_KeyError, "some key");
  BOOST_TEST(rpy_exc_type == &rpy_vt_KeyError);
  BOOST_REQUIRE(rpy_exc_value != nullptr);
  BOOST_TEST(rpy_exc_value->typeptr == &rpy_vt_KeyError);
  BOOST_TEST(rpy_exc_value->hdr.tid == RPY_TID_EXCEPTION);
  auto* e = reinterpret_cast<rpy_exception*>(rpy_exc_value);
  BOOST_TEST(text(e->msg) == "some key");
  BOOST_TEST(e->msg->length == 8);

  clear_exc();
  rpy_raise_cstr(&rpy_vt_StopIteration, nullptr);
  BOOST_TEST(rpy_exc_type == &rpy_vt_StopIteration);
  BOOST_TEST(reinterpret_cast<rpy_exception*>(rpy_exc_value)->msg == nullptr);

  clear_exc();
  rpy_raise_cstr(&rpy_vt_ValueError, "caf\xc3\xa9");
  BOOST_TEST(reinterpret_cast<rpy_exception*>(rpy_exc_value)->msg->length == 4);
}

BOOST_AUTO_TEST_CASE(raise_instance_takes_type_from_instance) {
  auto* e = static_cast<rpy_exception*>(rpy_gc_malloc(RPY_TID_EXCEPTION, sizeof(rpy_exception)));
  e->typeptr = &rpy_vt_IndexError;
  e->msg = S("list index out of range", 23);
  rpy_raise_instance(static_cast<rpy_object*>(e));
  BOOST_TEST(rpy_exc_type == &rpy_vt_IndexError);
  BOOST_TEST(rpy_exc_value == static_cast<rpy_object*>(e));
}

BOOST_AUTO_TEST_CASE(issubclass_by_range) {
  BOOST_TEST(rpy_vtable_issubclass(&rpy_vt_KeyError, &rpy_vt_Exception));
  BOOST_TEST(rpy_vtable_issubclass(&rpy_vt_KeyError, &rpy_vt_KeyError));
  BOOST_TEST(!rpy_vtable_issubclass(&rpy_vt_Exception, &rpy_vt_KeyError));
  BOOST_TEST(!rpy_vtable_issubclass(&rpy_vt_ValueError, &rpy_vt_KeyError));
}

BOOST_AUTO_TEST_CASE(report_uncaught_flushes_stdout_first) {
  std::string got;
  int rc;
  {
    Capture cap(true, true);
    write_str("partial output ");
    write_str("line\n");
    rpy_raise_cstr(&rpy_vt_ValueError, "invalid literal for int() with base 10: 'x'");
    rc = rpy_report_uncaught();
    cap.restore();
    got = cap.contents();
  }
  BOOST_TEST(rc == 1);
  BOOST_TEST(got == "partial output line\nValueError: invalid literal for int() with base 10: 'x'\n");
  BOOST_TEST(rpy_exc_type == &rpy_vt_ValueError);  // state is left alone
}

BOOST_AUTO_TEST_CASE(report_uncaught_without_message) {
  std::string got;
  {
    Capture cap(false, true);
    rpy_raise_cstr(&rpy_vt_AssertionError, nullptr);
    BOOST_TEST(rpy_report_uncaught() == 1);
    cap.restore();
    got = cap.contents();
  }
  BOOST_TEST(got == "AssertionError\n");
}

BOOST_AUTO_TEST_CASE(stdout_is_buffered_until_flush) {
  std::string got_before, got_after;
  {
    Capture cap(true, false);
    write_str("hello ");
    write_str("w\xc3\xb6rld\n");
    got_before = cap.contents();
    rpy_runtime_shutdown();
    cap.restore();
    got_after = cap.contents();
  }
  BOOST_TEST(got_before == "");
  BOOST_TEST(got_after == "hello w\xc3\xb6rld\n");
}

BOOST_AUTO_TEST_CASE(stdout_large_writes_keep_order) {
  std::string expect, got, midway;
  {
    Capture cap(true, false);
    for (int i = 0; i < 20000; i++) {
      std::string piece = std::to_string(i) + (i % 7 ? "," : "\n");
      expect += piece;
      write_str(piece);
    }
    std::string big(200000, 'x');  // larger than the buffer: goes straight out
    big.back() = '\n';
    expect += big;
    write_str(big);
    write_str("tail");
    expect += "tail";
    midway = cap.contents();
    rpy_stdout_flush();
    cap.restore();
    got = cap.contents();
  }
  BOOST_TEST(midway.size() < expect.size());  // "tail" still buffered
  BOOST_TEST(midway.size() > 0u);
  BOOST_TEST(got.size() == expect.size());
  BOOST_TEST((got == expect));
}

BOOST_AUTO_TEST_SUITE_END()

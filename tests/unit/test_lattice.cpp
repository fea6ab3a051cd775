// The annotation lattice (annotator/model.h): union_of is the join the
// annotator iterates to a fixpoint with, so every merge rule it relies on is
// pinned down here, including the merges we refuse on purpose.
#include <boost/test/unit_test.hpp>
#include <pybind11/embed.h>

#include "annotator/model.h"

namespace py = pybind11;
using namespace rpy;

namespace {

// s_const on tuples and object constants reads the live Python object, and
// ConstValue::repr() of float/str constants from Python goes through py::repr.
struct Interpreter {
  py::scoped_interpreter interp;
};

ConstValue cint(int64_t i) {
  ConstValue c;
  c.kind = ConstValue::Int;
  c.i = i;
  return c;
}
ConstValue cfloat(double f) {
  ConstValue c;
  c.kind = ConstValue::Float;
  c.f = f;
  return c;
}
ConstValue cstr(const std::string& s) {
  ConstValue c;
  c.kind = ConstValue::Str;
  c.s = s;
  return c;
}

// The join as text, or "FAIL" when the two cannot be merged: one string
// compare checks kind, flags and constness together.
std::string join(const SV& a, const SV& b) {
  SV u = union_of(a, b);
  return u ? u->str() : "FAIL";
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(Interpreter);

BOOST_AUTO_TEST_SUITE(ints_and_bools)

BOOST_AUTO_TEST_CASE(bool_with_bool) {
  BOOST_TEST(join(s_bool(), s_bool()) == "bool");
  BOOST_TEST(join(s_bool(true), s_bool(false)) == "bool");
  BOOST_TEST(!union_of(s_bool(true), s_bool(false))->is_const());
}

BOOST_AUTO_TEST_CASE(bool_is_a_nonneg_int) {
  BOOST_TEST(join(s_bool(), s_int(true)) == "int>=0");
  BOOST_TEST(join(s_int(true), s_bool()) == "int>=0");
  BOOST_TEST(join(s_bool(), s_int(false)) == "int");
  BOOST_TEST(union_of(s_bool(), s_int(true))->kind == SomeValue::Integer);
}

BOOST_AUTO_TEST_CASE(nonneg_is_kept_only_when_both_sides_have_it) {
  BOOST_TEST(join(s_int(true), s_int(true)) == "int>=0");
  BOOST_TEST(join(s_int(true), s_int(false)) == "int");
  BOOST_TEST(join(s_int(false), s_int(true)) == "int");
  BOOST_TEST(join(s_int(false), s_int(false)) == "int");
}

BOOST_AUTO_TEST_CASE(int_constants) {
  BOOST_TEST(s_const(cint(3))->nonneg);
  BOOST_TEST(!s_const(cint(-3))->nonneg);
  BOOST_TEST(s_const(cint(0))->nonneg);
  // Same constant from two paths: still that constant.
  SV u = union_of(s_const(cint(3)), s_const(cint(3)));
  BOOST_REQUIRE(u);
  BOOST_TEST(u->is_const());
  BOOST_TEST(u->const_->i == 3);
  BOOST_TEST(join(s_const(cint(3)), s_const(cint(4))) == "int>=0");
  BOOST_TEST(join(s_const(cint(3)), s_const(cint(-4))) == "int");
  BOOST_TEST(join(s_const(cint(3)), s_int(true)) == "int>=0");
  BOOST_TEST(join(s_int(false), s_const(cint(3))) == "int");
}

BOOST_AUTO_TEST_CASE(equal_values_of_different_kinds_are_not_the_same_constant) {
  // True == 1 in Python, but a bool constant and an int constant are not one value.
  SV u = union_of(s_bool(true), s_const(cint(1)));
  BOOST_REQUIRE(u);
  BOOST_TEST(u->kind == SomeValue::Integer);
  BOOST_TEST(!u->is_const());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(floats)

BOOST_AUTO_TEST_CASE(float_with_float) {
  BOOST_TEST(join(s_float(), s_float()) == "float");
  BOOST_TEST(join(s_const(cfloat(1.5)), s_float()) == "float");
  SV u = union_of(s_const(cfloat(1.5)), s_const(cfloat(1.5)));
  BOOST_REQUIRE(u);
  BOOST_TEST(u->is_const());
  BOOST_TEST(join(s_const(cfloat(1.5)), s_const(cfloat(2.5))) == "float");
}

BOOST_AUTO_TEST_CASE(zero_and_negative_zero_are_different_constants) {
  // They compare equal but print differently, so folding one into the other
  // would change output.
  SV u = union_of(s_const(cfloat(0.0)), s_const(cfloat(-0.0)));
  BOOST_REQUIRE(u);
  BOOST_TEST(!u->is_const());
}

BOOST_AUTO_TEST_CASE(int_and_float_do_not_merge) {
  // Deliberate: a variable that is 3 on one path and 3.0 on another would
  // print differently in the binary than on CPython.
  BOOST_TEST(!union_of(s_int(), s_float()));
  BOOST_TEST(!union_of(s_float(), s_int()));
  BOOST_TEST(!union_of(s_int(true), s_float()));
  BOOST_TEST(!union_of(s_bool(), s_float()));
  BOOST_TEST(!union_of(s_const(cint(3)), s_const(cfloat(3.0))));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(strings_and_none)

BOOST_AUTO_TEST_CASE(str_with_str) {
  BOOST_TEST(join(s_str(), s_str()) == "str");
  BOOST_TEST(join(s_const(cstr("a")), s_const(cstr("b"))) == "str");
  SV u = union_of(s_const(cstr("a")), s_const(cstr("a")));
  BOOST_REQUIRE(u);
  BOOST_TEST(u->is_const());
}

BOOST_AUTO_TEST_CASE(none_makes_str_nullable) {
  BOOST_TEST(join(s_str(), s_none()) == "str-or-None");
  BOOST_TEST(join(s_none(), s_str()) == "str-or-None");
  BOOST_TEST(join(s_const(cstr("a")), s_none()) == "str-or-None");
  BOOST_TEST(join(s_str(true), s_str()) == "str-or-None");
  BOOST_TEST(join(s_str(), s_str(true)) == "str-or-None");
  BOOST_TEST(union_of(s_str(), s_none())->kind == SomeValue::String);
}

BOOST_AUTO_TEST_CASE(none_with_none) {
  SV u = union_of(s_none(), s_none());
  BOOST_REQUIRE(u);
  BOOST_TEST(u->kind == SomeValue::None);
  BOOST_TEST(u->is_const());
}

BOOST_AUTO_TEST_CASE(none_does_not_merge_with_numbers) {
  BOOST_TEST(!union_of(s_none(), s_int()));
  BOOST_TEST(!union_of(s_float(), s_none()));
  BOOST_TEST(!union_of(s_none(), s_bool()));
}

BOOST_AUTO_TEST_CASE(str_does_not_merge_with_numbers) {
  BOOST_TEST(!union_of(s_str(), s_int()));
  BOOST_TEST(!union_of(s_bool(), s_str()));
  BOOST_TEST(!union_of(s_str(true), s_float()));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tuples)

BOOST_AUTO_TEST_CASE(itemwise) {
  BOOST_TEST(join(s_tuple({s_int(), s_bool()}), s_tuple({s_int(true), s_int(true)})) == "tuple(int, int>=0)");
  BOOST_TEST(join(s_tuple({s_str(), s_float()}), s_tuple({s_none(), s_float()})) == "tuple(str-or-None, float)");
  BOOST_TEST(join(s_tuple({}), s_tuple({})) == "tuple()");
}

BOOST_AUTO_TEST_CASE(length_mismatch_fails) {
  BOOST_TEST(!union_of(s_tuple({s_int()}), s_tuple({s_int(), s_int()})));
  BOOST_TEST(!union_of(s_tuple({}), s_tuple({s_int()})));
}

BOOST_AUTO_TEST_CASE(item_mismatch_fails) {
  BOOST_TEST(!union_of(s_tuple({s_int(), s_str()}), s_tuple({s_int(), s_float()})));
  BOOST_TEST(!union_of(s_tuple({s_int()}), s_tuple({s_float()})));
}

BOOST_AUTO_TEST_CASE(tuple_does_not_merge_with_other_kinds) {
  BOOST_TEST(!union_of(s_tuple({s_int()}), s_int()));
  BOOST_TEST(!union_of(s_none(), s_tuple({s_int()})));
}

BOOST_AUTO_TEST_CASE(nested) {
  SV a = s_tuple({s_int(true), s_tuple({s_bool(), s_str()})});
  SV b = s_tuple({s_bool(), s_tuple({s_int(), s_none()})});
  BOOST_TEST(join(a, b) == "tuple(int>=0, tuple(int, str-or-None))");
}

BOOST_AUTO_TEST_CASE(prebuilt_tuple_constant) {
  ConstValue t = ConstValue::from_python(py::make_tuple(1, -2, "x"));
  SV s = s_const(t);
  BOOST_TEST(s->kind == SomeValue::Tuple);
  BOOST_TEST(s->is_const());
  BOOST_REQUIRE(s->items.size() == 3u);
  BOOST_TEST(s->items[0]->str() == "int>=0=1");
  BOOST_TEST(s->items[1]->str() == "int=-2");
  BOOST_TEST(s->items[2]->str() == "str='x'");
  // Two different tuple constants: items that agree keep their constant.
  SV u = union_of(s, s_const(ConstValue::from_python(py::make_tuple(1, 5, "y"))));
  BOOST_REQUIRE(u);
  BOOST_TEST(!u->is_const());
  BOOST_TEST(u->str() == "tuple(int>=0=1, int, str)");
  BOOST_TEST(without_const(s)->str() == "tuple(int>=0, int, str)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bottom)

BOOST_AUTO_TEST_CASE(impossible_is_the_identity_of_union) {
  for (SV x : {s_int(), s_bool(true), s_float(), s_str(true), s_none(), s_tuple({s_int()})}) {
    BOOST_TEST(union_of(s_impossible(), x) == x);
    BOOST_TEST(union_of(x, s_impossible()) == x);
  }
  BOOST_TEST(union_of(s_impossible(), s_impossible()) == s_impossible());
  BOOST_TEST(s_impossible()->kind == SomeValue::Impossible);
}

BOOST_AUTO_TEST_CASE(everything_contains_impossible) {
  for (SV x : {s_int(), s_bool(), s_float(), s_str(), s_none(), s_tuple({})}) {
    BOOST_TEST(contains(x, s_impossible()));
    BOOST_TEST(!contains(s_impossible(), x));
  }
  BOOST_TEST(contains(s_impossible(), s_impossible()));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(containment)

BOOST_AUTO_TEST_CASE(reflexive) {
  for (SV x : {s_int(), s_int(true), s_bool(), s_float(), s_str(), s_str(true), s_none(),
               s_tuple({s_int(), s_str()}), s_const(cint(7))})
    BOOST_TEST(contains(x, x), x->str());
  // Structurally equal but distinct objects.
  BOOST_TEST(contains(s_int(), s_int()));
  BOOST_TEST(contains(s_tuple({s_int()}), s_tuple({s_int()})));
}

BOOST_AUTO_TEST_CASE(ints) {
  BOOST_TEST(contains(s_int(), s_int(true)));
  BOOST_TEST(!contains(s_int(true), s_int()));
  BOOST_TEST(contains(s_int(), s_bool()));
  BOOST_TEST(contains(s_int(true), s_bool()));
  BOOST_TEST(!contains(s_bool(), s_int(true)));
  BOOST_TEST(contains(s_bool(), s_bool(true)));
  BOOST_TEST(!contains(s_bool(true), s_bool()));
}

BOOST_AUTO_TEST_CASE(constants) {
  BOOST_TEST(contains(s_int(true), s_const(cint(3))));
  BOOST_TEST(!contains(s_int(true), s_const(cint(-3))));
  BOOST_TEST(contains(s_int(), s_const(cint(-3))));
  BOOST_TEST(!contains(s_const(cint(3)), s_int(true)));
  BOOST_TEST(contains(s_const(cint(3)), s_const(cint(3))));
  BOOST_TEST(!contains(s_const(cint(3)), s_const(cint(4))));
}

BOOST_AUTO_TEST_CASE(strings) {
  BOOST_TEST(contains(s_str(true), s_str()));
  BOOST_TEST(contains(s_str(true), s_none()));
  BOOST_TEST(!contains(s_str(), s_str(true)));
  BOOST_TEST(!contains(s_str(), s_none()));
  BOOST_TEST(!contains(s_none(), s_str()));
}

BOOST_AUTO_TEST_CASE(unmergeable_is_never_contained) {
  BOOST_TEST(!contains(s_int(), s_float()));
  BOOST_TEST(!contains(s_float(), s_int()));
  BOOST_TEST(!contains(s_float(), s_bool()));
  BOOST_TEST(!contains(s_str(), s_int()));
  BOOST_TEST(!contains(s_tuple({s_int()}), s_tuple({s_int(), s_int()})));
}

BOOST_AUTO_TEST_CASE(tuples_itemwise) {
  BOOST_TEST(contains(s_tuple({s_int(), s_str(true)}), s_tuple({s_bool(), s_str()})));
  BOOST_TEST(!contains(s_tuple({s_bool(), s_str()}), s_tuple({s_int(), s_str()})));
  BOOST_TEST(!contains(s_tuple({s_int(), s_str()}), s_tuple({s_int(), s_none()})));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lists)

BOOST_AUTO_TEST_CASE(same_family) {
  auto def = std::make_shared<ListDef>();
  def->item = s_int();
  BOOST_TEST(join(s_list(def), s_list(def)) == "list(int)");
  BOOST_TEST(!union_of(s_list(def), s_list(def))->can_be_none);
  SV n = union_of(s_list(def), s_none());
  BOOST_REQUIRE(n);
  BOOST_TEST(n->kind == SomeValue::List);
  BOOST_TEST(n->can_be_none);
  BOOST_TEST(n->listdef == def);
  BOOST_TEST(union_of(s_none(), s_list(def))->can_be_none);
}

BOOST_AUTO_TEST_CASE(list_does_not_merge_with_other_kinds) {
  auto def = std::make_shared<ListDef>();
  def->item = s_int();
  BOOST_TEST(!union_of(s_list(def), s_int()));
  BOOST_TEST(!union_of(s_str(), s_list(def)));
  BOOST_TEST(!union_of(s_list(def), s_tuple({s_int()})));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(texts)

BOOST_AUTO_TEST_CASE(str_is_precise) {
  BOOST_TEST(s_impossible()->str() == "impossible");
  BOOST_TEST(s_bool()->str() == "bool");
  BOOST_TEST(s_bool(true)->str() == "bool=True");
  BOOST_TEST(s_bool(false)->str() == "bool=False");
  BOOST_TEST(s_int()->str() == "int");
  BOOST_TEST(s_int(true)->str() == "int>=0");
  BOOST_TEST(s_const(cint(-5))->str() == "int=-5");
  BOOST_TEST(s_float()->str() == "float");
  BOOST_TEST(s_const(cfloat(1.5))->str() == "float=1.5");
  BOOST_TEST(s_none()->str() == "None");
  BOOST_TEST(s_str()->str() == "str");
  BOOST_TEST(s_str(true)->str() == "str-or-None");
  BOOST_TEST(s_const(cstr("abc"))->str() == "str='abc'");
  BOOST_TEST(s_tuple({s_int(), s_float()})->str() == "tuple(int, float)");
  auto def = std::make_shared<ListDef>();
  def->item = s_str();
  BOOST_TEST(s_list(def)->str() == "list(str)");
}

BOOST_AUTO_TEST_CASE(constants_from_python_print_as_python_does) {
  BOOST_TEST(s_const(ConstValue::from_python(py::float_(0.1)))->str() == "float=0.1");
  BOOST_TEST(s_const(ConstValue::from_python(py::str("it's")))->str() == "str=\"it's\"");
  BOOST_TEST(s_const(ConstValue::from_python(py::bool_(true)))->str() == "bool=True");
  BOOST_TEST(s_const(ConstValue::from_python(py::none()))->str() == "None");
}

BOOST_AUTO_TEST_CASE(pretty_speaks_python) {
  BOOST_TEST(s_impossible()->pretty() == "no value");
  BOOST_TEST(s_bool(true)->pretty() == "bool");
  BOOST_TEST(s_int(true)->pretty() == "int");
  BOOST_TEST(s_const(cint(3))->pretty() == "int");
  BOOST_TEST(s_float()->pretty() == "float");
  BOOST_TEST(s_none()->pretty() == "None");
  BOOST_TEST(s_str()->pretty() == "str");
  BOOST_TEST(s_str(true)->pretty() == "str or None");
  BOOST_TEST(s_tuple({s_int(true), s_tuple({s_float(), s_str()})})->pretty() == "tuple[int, tuple[float, str]]");
  auto def = std::make_shared<ListDef>();
  def->item = s_int(true);
  BOOST_TEST(s_list(def)->pretty() == "list[int]");
}

BOOST_AUTO_TEST_CASE(without_const_keeps_the_kind) {
  BOOST_TEST(without_const(s_const(cint(3)))->str() == "int>=0");
  BOOST_TEST(without_const(s_bool(true))->str() == "bool");
  BOOST_TEST(without_const(s_const(cstr("a")))->str() == "str");
  // None has one value: it stays a constant.
  BOOST_TEST(without_const(s_none())->is_const());
  SV plain = s_int();
  BOOST_TEST(without_const(plain) == plain);
}

BOOST_AUTO_TEST_SUITE_END()

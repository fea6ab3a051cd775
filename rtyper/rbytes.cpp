// bytes and bytearray in the rtyper: each operation is a direct_call of a
// runtime function of runtime/bytes.cpp (declared with its effects in
// rtyper/rmodules.cpp), or a helper of rpython/rlib/_bytesops.py that the
// annotator chose (rtyped generically in rtype_op). The read-only
// operations with a bytearray operand (find, count, `in`, comparisons, +,
// slicing, decode, hex) read its buffer in place, through the rpy_bview_*
// and rpy_bytearray_* variants; bytes(ba) and a slice assignment from a
// bytearray (which may be the target) work on a bytes copy (as_bytes).
#include <fmt/format.h>

#include "rtyper/rmodules.h"
#include "rtyper/rtyper.h"

namespace rpy {

using namespace lltypes;

namespace {
bool int_like(const SV& s) { return s->kind == SomeValue::Integer || s->kind == SomeValue::Bool; }
bool bytes_like(const SV& s) { return s->kind == SomeValue::Bytes || s->kind == SomeValue::ByteArray; }
}  // namespace

Value* RTyper::as_bytes(Value* v) {
  if (ann(v)->kind == SomeValue::ByteArray) {
    Variable* r = call_external("rpy_bytearray_tobytes", {convert(v, ByteArrayPtr())});
    r->annotation = s_bytes();
    return r;
  }
  return convert(v, BytesPtr());
}

bool RTyper::rtype_bytes_like_op(SpaceOperation& op) {
  const std::string& opname = op.opname;
  bool inplace = opname.rfind("inplace_", 0) == 0;
  const std::string name = inplace ? opname.substr(8) : opname;
  Variable* res = op.result;
  auto A = [&](size_t i) { return ann(op.args[i]); };
  auto K = [&](size_t i) { return i < op.args.size() ? A(i)->kind : SomeValue::Impossible; };
  auto cint = [&](int64_t v) { return typed_const(ConstValue::from_python(py::int_(v)), Signed); };
  auto finish = [&](Value* r) {
    if (res->concretetype != Void && r != res) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
  };
  // base(x, y, extra...) for two bytes-likes (xa, ya: which are bytearrays):
  // rpy_bytes_<base> for two bytes, else the in-place variant
  // rpy_bview_<base>_<ab|ba|aa>.
  auto pair_call = [&](const std::string& base, Value* x, bool xa, Value* y, bool ya,
                       std::vector<Value*> extra) -> Variable* {
    std::vector<Value*> a{convert(x, xa ? ByteArrayPtr() : BytesPtr()), convert(y, ya ? ByteArrayPtr() : BytesPtr())};
    a.insert(a.end(), extra.begin(), extra.end());
    if (!xa && !ya) return call_external("rpy_bytes_" + base, a);
    return call_external(fmt::format("rpy_bview_{}_{}{}", base, xa ? 'a' : 'b', ya ? 'a' : 'b'), a);
  };
  auto is_ba = [&](Value* v) { return ann(v)->kind == SomeValue::ByteArray; };
  // Slice bounds in the runtime's convention (rpy_bytes_slice_step): None
  // start/stop become the extreme that adjust_slice maps to the right end
  // for the step's sign.
  auto slice_bounds = [&](size_t first) -> std::vector<Value*> {
    Value* step = A(first + 2)->kind == SomeValue::None ? cint(1) : convert(op.args[first + 2], Signed);
    Value* big = cint(INT64_MAX);
    Value* neg = gen("cast_bool_to_int", {gen("int_lt", {step, cint(0)}, Bool)}, Signed);
    Value* start = A(first)->kind == SomeValue::None ? gen("int_mul", {neg, big}, Signed) : convert(op.args[first], Signed);
    Value* stop = A(first + 1)->kind == SomeValue::None ? gen("int_add", {big, neg}, Signed)
                                                        : convert(op.args[first + 1], Signed);
    return {start, stop, step};
  };

  if ((name == "simple_call" || name == "call_kw") && K(0) == SomeValue::PBC && A(0)->bound_self &&
      bytes_like(A(0)->bound_self)) {
    const std::string m = A(0)->method_name;
    Value* self = op.args[0];
    bool ba = A(0)->bound_self->kind == SomeValue::ByteArray;
    std::vector<Value*> args(op.args.begin() + 1, op.args.end());
    std::vector<std::string> kw = take_keyword_names(name, args);
    auto self_ba = [&] { return convert(self, ByteArrayPtr()); };
    auto idx = [&](size_t i, int64_t dflt) -> Value* {
      if (i >= args.size() || ann(args[i])->kind == SomeValue::None) return cint(dflt);
      return convert(args[i], Signed);
    };
    if (m == "decode") {
      Value* enc = typed_const(ConstValue{}, StrPtr());
      Value* errors = typed_const(ConstValue{}, StrPtr());
      size_t npos = args.size() - kw.size();
      for (size_t i = 0; i < args.size(); ++i) {
        std::string which = i < npos ? (i == 0 ? "encoding" : "errors") : kw[i - npos];
        (which == "encoding" ? enc : errors) = args[i];
      }
      if (ba) finish(call_external("rpy_bytearray_decode", {self_ba(), enc, errors}));
      else finish(call_external("rpy_bytes_decode", {convert(self, BytesPtr()), enc, errors}));
      return true;
    }
    if (m == "find" || m == "rfind" || m == "count") {
      finish(pair_call(m, self, ba, args[0], is_ba(args[0]), {idx(1, 0), idx(2, INT64_MAX)}));
      return true;
    }
    if (m == "hex") {
      if (ba) finish(call_external("rpy_bytearray_hex", {self_ba()}));
      else finish(call_external("rpy_bytes_hex", {convert(self, BytesPtr())}));
      return true;
    }
    if (m == "append" || m == "remove") {
      call_external("rpy_bytearray_" + m, {self_ba(), convert(args[0], Signed)});
      return true;
    }
    if (m == "extend") {
      if (is_ba(args[0])) call_external("rpy_bytearray_extend_a", {self_ba(), convert(args[0], ByteArrayPtr())});
      else call_external("rpy_bytearray_extend", {self_ba(), convert(args[0], BytesPtr())});
      return true;
    }
    if (m == "pop") {
      finish(call_external("rpy_bytearray_pop", {self_ba(), idx(0, -1)}));
      return true;
    }
    if (m == "insert") {
      call_external("rpy_bytearray_insert", {self_ba(), convert(args[0], Signed), convert(args[1], Signed)});
      return true;
    }
    if (m == "reverse" || m == "clear") {
      call_external("rpy_bytearray_" + m, {self_ba()});
      return true;
    }
    if (m == "copy") {
      finish(call_external("rpy_bytearray_slice", {self_ba(), cint(0), cint(INT64_MAX)}));
      return true;
    }
    unsupported("internal: bytes method " + m + " has no rtyping");
  }

  bool any = false;
  for (size_t i = 0; i < op.args.size(); ++i) any |= bytes_like(A(i));
  if (!any) return false;
  // A container operation that merely has a bytes operand (l[i] = b, b in d).
  switch (K(0)) {
    case SomeValue::List: case SomeValue::Dict: case SomeValue::Tuple: case SomeValue::Instance:
    case SomeValue::ListIter: case SomeValue::DictIter: case SomeValue::DictView:
      return false;
    default: break;
  }
  bool self_ba = K(0) == SomeValue::ByteArray;
  if (name == "getattr") {  // a bound method: the object itself
    gen("same_as", {op.args[0]}, res->concretetype, res);
    return true;
  }
  if (name == "getitem") {
    Value* i = convert(op.args[1], Signed);
    if (self_ba) finish(call_external("rpy_bytearray_getitem", {op.args[0], i}));
    else finish(call_external("rpy_bytes_getitem", {op.args[0], i}));
    return true;
  }
  if (name == "getslice") {
    Value* b = convert(op.args[0], self_ba ? ByteArrayPtr() : BytesPtr());
    std::string f = self_ba ? "rpy_bytearray_slice" : "rpy_bytes_slice";
    if (A(3)->kind == SomeValue::None) {
      auto bound = [&](size_t k, int64_t dflt) -> Value* {
        return A(k)->kind == SomeValue::None ? cint(dflt) : convert(op.args[k], Signed);
      };
      finish(call_external(f, {b, bound(1, INT64_MIN), bound(2, INT64_MAX)}));
    } else {
      auto bs = slice_bounds(1);
      finish(call_external(f + "_step", {b, bs[0], bs[1], bs[2]}));
    }
    return true;
  }
  if (name == "setitem") {
    call_external("rpy_bytearray_setitem", {op.args[0], convert(op.args[1], Signed), convert(op.args[2], Signed)});
    return true;
  }
  if (name == "delitem") {
    call_external("rpy_bytearray_delitem", {op.args[0], convert(op.args[1], Signed)});
    return true;
  }
  if (name == "setslice") {
    Value* v = op.args[4];
    Value* b = bytes_like(A(4)) ? as_bytes(v) : helper_call(op, 0, {v});  // a list of ints: bytes(v)
    auto bs = slice_bounds(1);
    call_external("rpy_bytearray_setslice", {op.args[0], bs[0], bs[1], bs[2], b});
    return true;
  }
  if (name == "delslice") {
    auto bs = slice_bounds(1);
    call_external("rpy_bytearray_delslice", {op.args[0], bs[0], bs[1], bs[2]});
    return true;
  }
  if (name == "add") {
    if (inplace && self_ba) {  // mutates the bytearray the name refers to
      if (is_ba(op.args[1])) call_external("rpy_bytearray_extend_a", {op.args[0], convert(op.args[1], ByteArrayPtr())});
      else call_external("rpy_bytearray_extend", {op.args[0], convert(op.args[1], BytesPtr())});
      finish(op.args[0]);
      return true;
    }
    finish(pair_call("concat", op.args[0], self_ba, op.args[1], is_ba(op.args[1]), {}));
    return true;
  }
  if (name == "mul") {
    bool left = bytes_like(A(0));
    size_t bi = left ? 0 : 1;
    Value* n = convert(op.args[1 - bi], Signed);
    if (inplace && self_ba) {
      call_external("rpy_bytearray_imul", {op.args[0], n});
      finish(op.args[0]);
      return true;
    }
    if (K(bi) == SomeValue::ByteArray) finish(call_external("rpy_bytearray_mul", {op.args[bi], n}));
    else finish(call_external("rpy_bytes_mul", {convert(op.args[bi], BytesPtr()), n}));
    return true;
  }
  if (name == "contains") {
    if (int_like(A(1)))
      finish(call_external(self_ba ? "rpy_bytearray_contains_int" : "rpy_bytes_contains_int",
                           {convert(op.args[0], self_ba ? ByteArrayPtr() : BytesPtr()), convert(op.args[1], Signed)}));
    else finish(pair_call("contains", op.args[0], self_ba, op.args[1], is_ba(op.args[1]), {}));
    return true;
  }
  if ((name == "eq" || name == "ne") && bytes_like(A(0)) && bytes_like(A(1))) {
    Value* eq = pair_call("eq", op.args[0], self_ba, op.args[1], is_ba(op.args[1]), {});
    if (name == "eq") finish(eq);
    else gen("bool_not", {eq}, Bool, res);
    return true;
  }
  if ((name == "lt" || name == "le" || name == "gt" || name == "ge") && bytes_like(A(0)) && bytes_like(A(1))) {
    Value* c = pair_call("cmp", op.args[0], self_ba, op.args[1], is_ba(op.args[1]), {});
    gen("int_" + name, {c, cint(0)}, Bool, res);
    return true;
  }
  return false;  // bool, is_, calls, tuples...: the generic rules
}

// bytes(...), bytearray(...), X.fromhex(s); iter() and the constructions
// from an iterable are helpers (rtype_op).
bool RTyper::rtype_bytes_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                                 const std::vector<std::string>& kwnames) {
  Variable* res = op.result;
  auto finish = [&](Value* r) {
    if (res->concretetype != Void && r != res) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
  };
  if (name == "bytes.fromhex" || name == "bytearray.fromhex") {
    Value* b = call_external("rpy_bytes_fromhex", {args[0]});
    if (name == "bytearray.fromhex") b = call_external("rpy_bytearray_from_bytes", {b});
    finish(b);
    return true;
  }
  if (name != "bytes" && name != "bytearray") return false;
  bool ba = name == "bytearray";
  auto cint = [&](int64_t v) { return typed_const(ConstValue::from_python(py::int_(v)), Signed); };
  if (args.empty()) {
    finish(call_external(ba ? "rpy_bytearray_new" : "rpy_bytes_zeros", {cint(0)}));
    return true;
  }
  SV x = ann(args[0]);
  if (x->kind == SomeValue::String) {  // bytes(s, encoding[, errors]) is s.encode(...)
    Value* enc = typed_const(ConstValue{}, StrPtr());
    Value* errors = typed_const(ConstValue{}, StrPtr());
    size_t npos = args.size() - kwnames.size();
    for (size_t i = 1; i < args.size(); ++i) {
      std::string which = i < npos ? (i == 1 ? "encoding" : "errors") : kwnames[i - npos];
      (which == "encoding" ? enc : errors) = args[i];
    }
    Value* b = call_external("rpy_str_encode", {args[0], enc, errors});
    if (ba) b = call_external("rpy_bytearray_from_bytes", {b});
    finish(b);
    return true;
  }
  if (int_like(x)) {
    finish(call_external(ba ? "rpy_bytearray_new" : "rpy_bytes_zeros", {convert(args[0], Signed)}));
    return true;
  }
  if (bytes_like(x)) {
    Value* b = as_bytes(args[0]);  // bytes(b) is b itself; the others copy
    if (ba) b = call_external("rpy_bytearray_from_bytes", {b});
    finish(b);
    return true;
  }
  unsupported(name + "() of " + x->str() + " cannot be translated");
}

}  // namespace rpy

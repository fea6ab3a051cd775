#include "runtime/jit/parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace rpy::jit {

std::string ParseError::format() const {
  std::string out = file + ":" + std::to_string(line) + ": error: " + message + "\n";
  if (!source_line.empty()) {
    out += source_line + "\n";
    // Tabs stay tabs so the caret lines up in any terminal.
    for (int k = 0; k < column && k < static_cast<int>(source_line.size()); k++)
      out += source_line[k] == '\t' ? '\t' : ' ';
    out += "^\n";
  }
  return out;
}

namespace {

struct Failure {  // unwinds the parser to parse_trace_file on the first error
  int line;
  int column;
  std::string message;
};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::optional<Kind> kind_from_letter(std::string_view s) {
  if (s == "i") return Kind::Int;
  if (s == "r") return Kind::Ref;
  if (s == "f") return Kind::Float;
  if (s == "v") return Kind::Void;
  return std::nullopt;
}

std::optional<Kind> kind_from_var_name(std::string_view name) {
  if (name.size() < 2 || name == "inf" || name == "nan") return std::nullopt;
  for (char c : name)
    if (!is_ident_char(c)) return std::nullopt;
  switch (name[0]) {
    case 'i': return Kind::Int;
    case 'p': return Kind::Ref;
    case 'f': return Kind::Float;
    default: return std::nullopt;
  }
}

std::optional<EffectInfo::Extra> effect_by_name(std::string_view s) {
  for (auto e : {EffectInfo::Extra::ElidableCannotRaise, EffectInfo::Extra::ElidableCanRaise,
                 EffectInfo::Extra::CannotRaise, EffectInfo::Extra::CanRaise, EffectInfo::Extra::RandomEffects})
    if (effect_name(e) == s) return e;
  return std::nullopt;
}

// Where an op came from, to place the caret for errors found by verify().
struct OpSource {
  int line;
  int column;
  std::vector<int> arg_columns;
};

// A cursor over one source line; positions are columns of that line.
class LineScanner {
 public:
  LineScanner(std::string_view text, int line) : text_(text), line_(line) {}

  int pos() const { return static_cast<int>(pos_); }
  std::string_view text() const { return text_; }
  void seek(size_t pos) { pos_ = pos; }
  void skip_spaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) pos_++;
  }
  bool at_end() {
    skip_spaces();
    return pos_ >= text_.size();
  }
  char peek() {
    skip_spaces();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  bool accept(char c) {
    if (peek() != c) return false;
    pos_++;
    return true;
  }
  bool accept(std::string_view word) {
    skip_spaces();
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  void expect(char c, std::string_view what) {
    if (!accept(c)) fail(std::string("expected ") + std::string(what));
  }
  std::string_view identifier(std::string_view what) {
    skip_spaces();
    size_t start = pos_;
    if (pos_ < text_.size() && is_ident_start(text_[pos_]))
      while (pos_ < text_.size() && is_ident_char(text_[pos_])) pos_++;
    if (start == pos_) fail("expected " + std::string(what));
    return text_.substr(start, pos_ - start);
  }
  // A value token: a name or a number ("-3", "1.5", "1e+16", "-inf").
  std::string_view word() {
    skip_spaces();
    size_t start = pos_;
    while (pos_ < text_.size() && (is_ident_char(text_[pos_]) || text_[pos_] == '.' || text_[pos_] == '-' ||
                                   text_[pos_] == '+'))
      pos_++;
    return text_.substr(start, pos_ - start);
  }
  [[noreturn]] void fail(std::string message) const { fail_at(pos_, std::move(message)); }
  [[noreturn]] void fail_at(size_t column, std::string message) const {
    throw Failure{line_, static_cast<int>(column), std::move(message)};
  }

 private:
  std::string_view text_;
  int line_;
  size_t pos_ = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) : options_(options) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      if (end == text.size()) break;
      start = end + 1;
    }
    file_ = std::make_unique<TraceFile>();
  }

  const std::vector<std::string_view>& lines() const { return lines_; }

  std::unique_ptr<TraceFile> parse() {
    for (size_t k = 0; k < lines_.size(); k++) parse_line(lines_[k], static_cast<int>(k) + 1);
    if (!current_) throw Failure{static_cast<int>(lines_.size()), 0, "no input-argument line: a trace starts with e.g. [i0, p1, f2]"};
    if (awaiting_inputargs_) throw Failure{bridge_lines_.back(), 0, "bridge without an input-argument line"};
    attach_bridges();
    check_semantics();
    return std::move(file_);
  }

 private:
  void parse_line(std::string_view raw, int lineno) {
    std::string_view line = raw.substr(0, raw.find('#'));
    LineScanner s(line, lineno);
    if (s.at_end()) return;
    int start = s.pos();
    if (s.accept("descr ") || s.accept("descr\t")) return parse_descr(s);
    if (awaiting_inputargs_ || !current_) {
      if (s.peek() == '[') return parse_inputargs(s, lineno);
      if (!current_ && s.accept("bridge")) s.fail_at(start, "a bridge needs the loop before it");
      s.fail_at(start, awaiting_inputargs_ ? "expected the bridge's input-argument line, e.g. [i0, p1]"
                                           : "expected the input-argument line, e.g. [i0, p1, f2]");
    }
    {
      LineScanner probe = s;
      if (probe.accept("bridge") && (std::isspace(static_cast<unsigned char>(line[probe.pos()])) ||
                                     std::isdigit(static_cast<unsigned char>(line[probe.pos()]))))
        return parse_bridge_header(probe, lineno);
    }
    if (s.peek() == '[') s.fail("a second input-argument line; bridges start with `bridge N:`");
    parse_op(s, lineno);
  }

  // descr NAME = struct(field: k, ...) | array(k) | call(func: k, ... -> k[, effect=E][, writes=D|D])
  void parse_descr(LineScanner& s) {
    size_t name_col = s.pos();
    s.skip_spaces();
    name_col = s.pos();
    std::string name(s.identifier("a descr name"));
    if (file_->descrs->find(name)) s.fail_at(name_col, "descr '" + name + "' is already defined");
    s.expect('=', "'='");
    size_t kind_col = (s.skip_spaces(), s.pos());
    std::string_view what = s.identifier("struct, array or call");
    s.expect('(', "'('");
    DescrTable& table = *file_->descrs;
    if (what == "struct") {
      StructDescr* st = table.declare_struct(name);
      if (!s.accept(')')) {
        do {
          size_t col = (s.skip_spaces(), s.pos());
          std::string field(s.identifier("a field name"));
          if (st->field(field)) s.fail_at(col, "field '" + field + "' appears twice");
          s.expect(':', "':' and the field's kind");
          Kind k = kind_letter_at(s, false);
          table.add_field(st, field, k);
        } while (s.accept(','));
        s.expect(')', "',' or ')'");
      }
    } else if (what == "array") {
      Kind k = kind_letter_at(s, false);
      s.expect(')', "')'");
      table.declare_array(name, k);
    } else if (what == "call") {
      size_t func_col = (s.skip_spaces(), s.pos());
      std::string func(s.identifier("the called function's name"));
      const CFunction* function = nullptr;
      if (options_.functions) {
        function = options_.functions->find(func);
        if (!function) s.fail_at(func_col, "unknown C function '" + func + "'");
      }
      s.expect(':', "':' and the argument kinds, e.g. call(f: i, f -> i)");
      std::vector<Kind> args;
      if (!s.accept("->")) {
        do args.push_back(kind_letter_at(s, false));
        while (s.accept(','));
        if (!s.accept("->")) s.fail("expected '->' and the result kind");
      }
      Kind result = kind_letter_at(s, true);
      EffectInfo effects;
      while (s.accept(',')) {
        size_t col = (s.skip_spaces(), s.pos());
        std::string_view key = s.identifier("effect= or writes=");
        s.expect('=', "'='");
        if (key == "effect") {
          size_t vcol = (s.skip_spaces(), s.pos());
          auto e = effect_by_name(s.identifier("an effect"));
          if (!e) s.fail_at(vcol, "unknown effect; use elidable, elidable_can_raise, cannot_raise, can_raise or random_effects");
          effects.extra = *e;
        } else if (key == "writes") {
          effects.writes_anything = false;
          if (!s.accept("none")) {
            do {
              size_t dcol = (s.skip_spaces(), s.pos());
              std::string d = dotted_name(s);
              const Descr* written = table.find(d);
              if (!written || (written->type() != Descr::Type::Field && written->type() != Descr::Type::Array))
                s.fail_at(dcol, "writes= lists fields (T.name) and arrays; '" + d + "' is neither");
              effects.writes.push_back(written);
            } while (s.accept('|'));
          }
        } else {
          s.fail_at(col, "unknown call descr option '" + std::string(key) + "'");
        }
      }
      s.expect(')', "')'");
      if (function) check_signature(s, func_col, *function, args, result);
      table.declare_call(name, func, std::move(args), result, std::move(effects), function);
    } else {
      s.fail_at(kind_col, "unknown descr kind '" + std::string(what) + "'; use struct, array or call");
    }
    if (!s.at_end()) s.fail("unexpected text after the descr");
  }

  static void check_signature(LineScanner& s, size_t col, const CFunction& f, const std::vector<Kind>& args, Kind result) {
    std::string expected;
    for (size_t k = 0; k < f.arg_kinds.size(); k++) expected += std::string(k ? ", " : " ") + kind_letter(f.arg_kinds[k]);
    expected += std::string(" -> ") + kind_letter(f.result_kind);
    if (args != f.arg_kinds || result != f.result_kind)
      s.fail_at(col, "C function '" + f.name + "' has the signature" + expected);
  }

  Kind kind_letter_at(LineScanner& s, bool allow_void) {
    size_t col = (s.skip_spaces(), s.pos());
    std::string_view letter = s.identifier("a kind (i, r or f)");
    auto k = kind_from_letter(letter);
    if (!k || (*k == Kind::Void && !allow_void))
      s.fail_at(col, std::string("expected a kind: i, r or f") + (allow_void ? " (or v for no result)" : ""));
    return *k;
  }

  static std::string dotted_name(LineScanner& s) {
    std::string name(s.identifier("a descr name"));
    while (s.accept('.')) name += "." + std::string(s.identifier("a field name"));
    return name;
  }

  void parse_bridge_header(LineScanner& s, int lineno) {
    s.skip_spaces();
    size_t col = s.pos();
    std::string_view number = s.word();
    int index = 0;
    auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), index);
    if (number.empty() || ec != std::errc() || ptr != number.data() + number.size() || index < 0)
      s.fail_at(col, "expected the index of the guard the bridge attaches to: bridge N:");
    s.expect(':', "':' after the guard index");
    if (!s.at_end()) s.fail("unexpected text after `bridge N:`");
    auto bridge = std::make_unique<Bridge>();
    bridge_targets_.push_back({index, static_cast<int>(col)});
    bridge_lines_.push_back(lineno);
    current_ = &bridge->trace;
    file_->bridges.push_back(std::move(bridge));
    vars_.clear();
    awaiting_inputargs_ = true;
  }

  void parse_inputargs(LineScanner& s, int lineno) {
    s.expect('[', "'['");
    if (!s.accept(']')) {
      Trace* trace = current_ ? current_ : &file_->loop;
      do {
        s.skip_spaces();
        size_t col = s.pos();
        define_var(s, col, std::string(s.word()), nullptr, trace);
      } while (s.accept(','));
      s.expect(']', "',' or ']'");
    }
    if (!s.at_end()) s.fail("unexpected text after the input-argument line");
    if (!current_) current_ = &file_->loop;
    if (awaiting_inputargs_) bridge_inputarg_lines_.push_back(lineno);
    awaiting_inputargs_ = false;
  }

  // Binds `name` to a new input argument (op == null) or to op's result.
  Value* define_var(LineScanner& s, size_t col, const std::string& name, Op* op, Trace* trace) {
    auto kind = kind_from_var_name(name);
    if (!kind) s.fail_at(col, "'" + name + "' is not a variable name: names start with i (int), p (ref) or f (float)");
    if (vars_.count(name)) s.fail_at(col, "'" + name + "' is already defined");
    Value* v;
    if (op) {
      if (op->kind() != *kind)
        s.fail_at(col, std::string(op->info().name) + " gives " + kind_word(op->kind()) + ": name its result with '" +
                           kind_var_prefix(op->kind()) + "', e.g. " + kind_var_prefix(op->kind()) + "1");
      v = op;
    } else {
      v = trace->add_inputarg(*kind);
    }
    v->name = name;
    vars_[name] = v;
    return v;
  }

  static std::string kind_word(Kind k) {
    return k == Kind::Int ? "an int" : k == Kind::Ref ? "a ref" : k == Kind::Float ? "a float" : "no result";
  }

  void parse_op(LineScanner& s, int lineno) {
    s.skip_spaces();
    size_t start = s.pos();
    std::string result_name;
    size_t result_col = start;
    {
      LineScanner probe = s;
      std::string_view w = probe.word();
      if (!w.empty() && probe.accept('=')) {
        result_name = std::string(w);
        s = probe;
      }
    }
    s.skip_spaces();
    size_t name_col = s.pos();
    std::string_view opname = s.identifier("an operation name");
    auto opcode = opcode_by_name(opname);
    if (!opcode) s.fail_at(name_col, "unknown operation '" + std::string(opname) + "'");
    const OpInfo& info = op_info(*opcode);
    s.expect('(', "'(' after the operation name");

    Op* op = current_->make_op(*opcode);
    op->source_line = lineno;
    OpSource src{lineno, static_cast<int>(name_col), {}};
    int index = op_counter_++;
    if (!s.accept(')')) {
      do {
        s.skip_spaces();
        size_t col = s.pos();
        if (s.accept("descr=")) {
          op->descr = parse_descr_ref(s, *op, index);
          if (s.peek() != ')') s.fail("descr= must be the last argument");
          break;
        }
        op->args.push_back(parse_value(s));
        src.arg_columns.push_back(static_cast<int>(col));
      } while (s.accept(','));
      s.expect(')', "',' or ')'");
    }
    if (info.has(Fails) && !op->descr) op->descr = fail_descr_for(index);
    if (!info.needs_descr() && op->descr && !info.has(Fails) && *opcode != Opcode::label && *opcode != Opcode::jump)
      s.fail_at(name_col, std::string(info.name) + " takes no descr");

    if (info.is_guard()) {
      if (!s.accept('['))
        s.fail("a guard needs its fail arguments in brackets, e.g. [i0, p1] (or [] for none)");
      // Virtuals ({p9: T(...); ...} after the fail arguments) are named
      // first, so fail arguments and items may refer to any of them.
      std::vector<std::pair<std::string, VirtualValue*>> virtuals;
      size_t brace = s.text().find('{', s.pos());
      if (brace != std::string_view::npos) declare_virtuals(s, brace, virtuals);
      if (!s.accept(']')) {
        do {
          op->fail_args.push_back(parse_value(s));
        } while (s.accept(','));
        s.expect(']', "',' or ']'");
      }
      if (!virtuals.empty()) parse_virtuals(s, virtuals);
      for (auto& [name, v] : virtuals) vars_.erase(name);
    }
    if (!s.at_end()) s.fail(info.is_guard() ? "unexpected text after the fail arguments"
                                            : "unexpected text after the operation");

    if (op->has_result()) {
      if (result_name.empty())
        s.fail_at(name_col, std::string(info.name) + " has a result: name it, e.g. " + kind_var_prefix(op->kind()) +
                                std::to_string(index) + " = " + std::string(info.name) + "(...)");
      define_var(s, result_col, result_name, op, current_);
    } else if (!result_name.empty()) {
      s.fail_at(result_col, std::string(info.name) + " has no result to name");
    }
    if (*opcode == Opcode::label) place_label(s, name_col, *op);
    current_->ops.push_back(op);
    sources_[op] = std::move(src);
  }

  void declare_virtuals(const LineScanner& s, size_t brace, std::vector<std::pair<std::string, VirtualValue*>>& out) {
    LineScanner v = s;
    v.seek(brace + 1);
    for (;;) {
      v.skip_spaces();
      size_t col = v.pos();
      std::string name(v.word());
      auto kind = kind_from_var_name(name);
      if (!kind || *kind != Kind::Ref) v.fail_at(col, "a virtual is named like a ref, e.g. p9");
      if (vars_.count(name)) v.fail_at(col, "'" + name + "' is already defined");
      v.expect(':', "':' and the virtual's descr, e.g. p9: T(value=i1)");
      size_t dcol = (v.skip_spaces(), v.pos());
      std::string dname(v.identifier("a struct or array descr"));
      Descr* d = file_->descrs->find(dname);
      if (!d || (d->type() != Descr::Type::Struct && d->type() != Descr::Type::Array))
        v.fail_at(dcol, "a virtual needs a struct or array descr; '" + dname + "' is neither");
      VirtualValue* vv = current_->make_virtual(d);
      vv->name = name;
      vars_[name] = vv;
      out.push_back({name, vv});
      std::string_view rest = v.text().substr(v.pos());
      size_t stop = rest.find_first_of(";}");
      if (stop == std::string_view::npos) v.fail("expected ';' or '}' after the virtual");
      v.seek(v.pos() + stop);
      if (v.accept('}')) break;
      v.expect(';', "';'");
    }
  }

  void parse_virtuals(LineScanner& s, std::vector<std::pair<std::string, VirtualValue*>>& virtuals) {
    s.expect('{', "'{'");
    for (auto& [name, vv] : virtuals) {
      s.word();
      s.expect(':', "':'");
      s.identifier("a descr");
      if (const StructDescr* st = vv->struct_descr()) {
        for (const FieldDescr* f : st->fields()) vv->items.push_back(zero_of(f->kind()));
        s.expect('(', "'(' and the fields, e.g. T(value=i1)");
        if (!s.accept(')')) {
          do {
            size_t col = (s.skip_spaces(), s.pos());
            std::string field(s.identifier("a field name"));
            FieldDescr* f = st->field(field);
            if (!f) s.fail_at(col, st->name() + " has no field '" + field + "'");
            s.expect('=', "'='");
            size_t k = std::find(st->fields().begin(), st->fields().end(), f) - st->fields().begin();
            vv->items[k] = parse_value(s);
          } while (s.accept(','));
          s.expect(')', "',' or ')'");
        }
      } else {
        s.expect('[', "'[' and the items, e.g. A[i1, 0]");
        if (!s.accept(']')) {
          do vv->items.push_back(parse_value(s));
          while (s.accept(','));
          s.expect(']', "',' or ']'");
        }
      }
      if (!s.accept(';')) break;
    }
    s.expect('}', "'}'");
  }

  Value* zero_of(Kind k) {
    return k == Kind::Ref ? current_->const_null() : k == Kind::Float ? current_->const_float(0.0) : current_->const_int(0);
  }

  void place_label(LineScanner& s, size_t col, Op& op) {
    TargetToken* t = op.target();
    if (!t) return;  // verify() reports the missing descr
    if (t->label) s.fail_at(col, "label '" + t->name() + "' is defined twice");
    t->label = &op;
    t->trace = current_;
  }

  FailDescr* fail_descr_for(int index) {
    if (FailDescr* d = file_->descrs->fail_descr(index)) return d;
    return file_->descrs->new_fail_descr(index);
  }

  Descr* parse_descr_ref(LineScanner& s, const Op& op, int index) {
    s.skip_spaces();
    size_t col = s.pos();
    const OpInfo& info = op.info();
    if (s.accept('<')) {
      // <exitN>: the exit number of a guard or finish that a pass moved.
      if (!info.has(Fails)) s.fail_at(col, "only guards and finish take descr=<exitN>");
      if (!s.accept("exit")) s.fail("expected <exitN>");
      std::string_view digits = s.word();
      int n = -1;
      auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size() || n < 0)
        s.fail("expected the exit number: <exitN>");
      s.expect('>', "'>'");
      return fail_descr_for(n);
    }
    std::string name = dotted_name(s);
    if (op.opcode() == Opcode::label || op.opcode() == Opcode::jump) {
      TargetToken* t = file_->descrs->target(name);
      if (!t) s.fail_at(col, "'" + name + "' is not a label name");
      return t;
    }
    if (info.has(Fails)) s.fail_at(col, std::string(info.name) + " takes no descr other than <exitN>");
    Descr* d = file_->descrs->find(name);
    if (!d) s.fail_at(col, "unknown descr '" + name + "'");
    return d;
  }

  Value* parse_value(LineScanner& s) {
    s.skip_spaces();
    size_t col = s.pos();
    if (s.accept("NULL")) return current_->const_null();
    if (s.accept("ConstClass(")) {
      std::string name(s.identifier("a struct name"));
      s.expect(')', "')'");
      Descr* d = file_->descrs->find(name);
      if (!d || d->type() != Descr::Type::Struct) s.fail_at(col, "ConstClass needs a struct descr; '" + name + "' is not one");
      return current_->const_class(static_cast<StructDescr*>(d));
    }
    if (s.accept("ConstPtr(")) s.fail_at(col, "ConstPtr constants cannot be parsed (addresses differ per run); only NULL can");
    std::string_view w = s.word();
    if (w.empty()) s.fail("expected a value: a variable, a number, NULL or ConstClass(T)");
    if (auto it = vars_.find(std::string(w)); it != vars_.end()) return it->second;
    const char* b = w.data();
    const char* e = w.data() + w.size();
    int64_t iv;
    if (auto [p, ec] = std::from_chars(b, e, iv); p == e && ec == std::errc()) return current_->const_int(iv);
    else if (p == e && ec == std::errc::result_out_of_range) s.fail_at(col, "integer constant out of the 64-bit range");
    double dv;
    if (auto [p, ec] = std::from_chars(b, e, dv); p == e && ec == std::errc()) return current_->const_float(dv);
    if (kind_from_var_name(w)) s.fail_at(col, "'" + std::string(w) + "' is not defined");
    s.fail_at(col, "expected a value: a variable, a number, NULL or ConstClass(T), not '" + std::string(w) + "'");
  }

  void attach_bridges() {
    for (size_t k = 0; k < file_->bridges.size(); k++) {
      Bridge& b = *file_->bridges[k];
      auto [index, col] = bridge_targets_[k];
      int line = bridge_lines_[k];
      b.guard = file_->descrs->fail_descr(index);
      const Op* guard = b.guard ? file_->op_for_exit(b.guard) : nullptr;
      if (!guard) throw Failure{line, col, "there is no guard with index " + std::to_string(index)};
      if (!guard->info().is_guard())
        throw Failure{line, col, "operation " + std::to_string(index) + " is " + std::string(guard->info().name) +
                                     ", not a guard"};
      for (size_t j = 0; j < k; j++)
        if (file_->bridges[j]->guard == b.guard)
          throw Failure{line, col, "guard " + std::to_string(index) + " already has a bridge"};
      const auto& inputs = b.trace.inputargs;
      if (inputs.size() != guard->fail_args.size())
        throw Failure{bridge_inputarg_lines_[k], 0, "the bridge has " + std::to_string(inputs.size()) + " input arguments but guard " +
                                       std::to_string(index) + " has " + std::to_string(guard->fail_args.size()) +
                                       " fail arguments"};
      for (size_t a = 0; a < inputs.size(); a++)
        if (inputs[a]->kind() != guard->fail_args[a]->kind())
          throw Failure{bridge_inputarg_lines_[k], 0, "bridge input '" + inputs[a]->name + "' is " + kind_word(inputs[a]->kind()) +
                                         " but fail argument " + std::to_string(a + 1) + " of guard " +
                                         std::to_string(index) + " is " + kind_word(guard->fail_args[a]->kind())};
    }
  }

  void check_semantics() {
    auto errors = verify(*file_);
    if (errors.empty()) return;
    const VerifyError& e = errors.front();
    if (!e.op) throw Failure{static_cast<int>(lines_.size()), 0, e.message};
    const OpSource& src = sources_.at(e.op);
    int col = src.column;
    if (e.arg_index >= 0 && e.arg_index < static_cast<int>(src.arg_columns.size())) col = src.arg_columns[e.arg_index];
    throw Failure{src.line, col, e.message};
  }

  const ParseOptions& options_;
  std::vector<std::string_view> lines_;
  std::unique_ptr<TraceFile> file_;
  Trace* current_ = nullptr;  // the trace operations go to
  bool awaiting_inputargs_ = false;
  std::unordered_map<std::string, Value*> vars_;  // names of the current trace
  std::unordered_map<const Op*, OpSource> sources_;
  std::vector<std::pair<int, int>> bridge_targets_;  // guard index, column of it
  std::vector<int> bridge_lines_;
  std::vector<int> bridge_inputarg_lines_;
  int op_counter_ = 0;
};

}  // namespace

ParseResult parse_trace_file(std::string_view text, std::string_view filename, const ParseOptions& options) {
  Parser parser(text, options);
  ParseResult result;
  try {
    result.file = parser.parse();
  } catch (const Failure& f) {
    result.error.file = std::string(filename);
    result.error.line = f.line;
    result.error.column = f.column;
    result.error.message = f.message;
    if (f.line >= 1 && f.line <= static_cast<int>(parser.lines().size()))
      result.error.source_line = std::string(parser.lines()[f.line - 1]);
  }
  return result;
}

}  // namespace rpy::jit

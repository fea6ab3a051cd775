// Insertion-ordered hash tables (dict and set), as CPython 3.6+ and PyPy lay
// them out: a compact array of entries in insertion order plus a sparse
// index of slots pointing into it. Generated code includes this through
// rpy.h.
//
// The layouts are low-level types the rtyper builds per (key, value) type
// (rtyper/rdict.cpp), so the GC type table and the JIT see ordinary structs:
//
//   struct D        { hdr; Signed num_items; Signed num_used;
//                     rpy_dictindex* indexes; Entries* entries; }
//   struct Entries  { hdr; Signed length; Entry items[]; }   // length = capacity
//   struct Entry    { K key; V value; Signed hash; }          // no value for sets
//
// The algorithms are the templates below, instantiated per dict type; codegen
// emits `rpy_dict_ops<D>` with the key's hash/eq/repr (calls to graphs the
// annotator made from rpython/rlib/_dictkeys.py, so user __eq__/__hash__ and
// r_dict functions are ordinary translated code) and the type ids. Every
// entry point the rtyper calls is declared as an external with its effects
// and an oopspec (dict.getitem, dict.lookup...), as SPEC.md rule 1 asks.
#pragma once
#include <type_traits>

// Codegen specializes this per dict type.
template <class D>
struct rpy_dict_ops;

extern "C" {
// Slots are 4 bytes (as CPython's for tables below 2**31 entries): the
// index of a big dict is what its lookups miss in the cache.
struct rpy_dictindex {  // slots: FREE, DUMMY or an entry index
  rpy_gchdr hdr;
  Signed length;
  int32_t items[];
};
}

namespace rpy_dict_impl {

constexpr Signed FREE = -1;
constexpr Signed DUMMY = -2;
// The stored hash of a deleted entry; a real hash equal to it is stored as
// DELETED + 1 (the stored hash is internal: only equal keys must agree).
constexpr Signed DELETED = INT64_MIN;
constexpr Signed MIN_SIZE = 8;

// GC refs are pointers to mutable objects; function pointers and pointers
// to const structs (vtables, frozen prebuilt objects) are not.
template <class T>
constexpr bool is_gc_ptr = std::is_pointer_v<T> && !std::is_function_v<std::remove_pointer_t<T>> &&
                           !std::is_const_v<std::remove_pointer_t<T>>;

// Holds a value across something that can collect: GC refs go on the shadow
// stack, anything else is kept as is.
template <class T, bool = is_gc_ptr<T>>
struct root {
  T v;
  explicit root(T x) : v(x) {}
  T get() const { return v; }
};
template <class T>
struct root<T, true> {
  rpy_gcref<std::remove_pointer_t<T>> r;
  explicit root(T x) : r(x) {}
  T get() const { return r.get(); }
};

template <class D>
using Ops = rpy_dict_ops<D>;

// Rooted only when `enable`: a key whose hash and == are plain code (ints,
// str, tuples of them) cannot collect, so the lookups need no roots.
template <class T, bool enable>
struct root_if : root<T> {
  explicit root_if(T x) : root<T>(x) {}
};
template <class T>
struct root_if<T, false> {
  T v;
  explicit root_if(T x) : v(x) {}
  T get() const { return v; }
};

template <class D>
inline Signed stored_hash(typename Ops<D>::K key) {
  Signed h = Ops<D>::hash(key);
  return h == DELETED ? DELETED + 1 : h;
}

// A store into entry `ix` of the entries array: the barrier marks the
// entry's card on a big old array, so the next minor collection scans 128
// entries instead of the whole table.
template <class E, class T>
inline void store_ref(E* entries, Signed ix, T& field, T value) {
  if constexpr (is_gc_ptr<T>) rpy_gc_wb_array(entries, ix);
  field = value;
}

// Rebuilds the index and a compacted entries array big enough for `min_items`.
// Returns false with MemoryError pending.
template <class D>
bool resize(D* d_in, Signed min_items) {
  using O = Ops<D>;
  using Entries = typename O::Entries;
  using Entry = typename O::Entry;
  root<D*> d(d_in);
  Signed size = MIN_SIZE;
  while (size * 2 / 3 < min_items) size *= 2;
  if (size > ((Signed)1 << 31)) {  // entry indexes must fit the 4-byte slots
    rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
    return false;
  }
  Signed capacity = size * 2 / 3;
  auto* idx = (rpy_dictindex*)rpy_gc_malloc_varsize(O::tid_index, offsetof(rpy_dictindex, items), sizeof(int32_t),
                                                     size, offsetof(rpy_dictindex, length), true);
  if (!idx) return false;
  root<rpy_dictindex*> ridx(idx);
  auto* ne = (Entries*)rpy_gc_malloc_varsize(O::tid_entries, offsetof(Entries, items), sizeof(Entry), capacity,
                                              offsetof(Entries, length), O::entries_atomic);
  if (!ne) return false;
  idx = ridx.get();
  D* dd = d.get();
  for (Signed i = 0; i < size; ++i) idx->items[i] = FREE;
  Signed mask = size - 1, n = 0;
  Entries* old = dd->entries;
  for (Signed j = 0; j < dd->num_used; ++j) {
    Entry& e = old->items[j];
    if (e.hash == DELETED) continue;
    ne->items[n] = e;  // a fresh young array: no barrier needed
    Unsigned perturb = (Unsigned)e.hash;
    Signed i = (Signed)((Unsigned)e.hash & (Unsigned)mask);
    while (idx->items[i] != FREE) {
      perturb >>= 5;
      i = (Signed)(((Unsigned)i * 5 + perturb + 1) & (Unsigned)mask);
    }
    idx->items[i] = (int32_t)n++;
  }
  rpy_gc_wb(dd);
  dd->indexes = idx;
  dd->entries = ne;
  dd->num_used = n;
  return true;
}

// Where `key` is: its entry index (>= 0), or -1 when absent, with *slot the
// index slot it is in or would go in. -2: an exception from the key's
// __eq__/__hash__ is pending. A custom __eq__ may change the dict: the
// lookup then starts again, as CPython's does.
template <class D>
Signed lookup(D* d_in, typename Ops<D>::K key_in, Signed hash, Signed* slot) {
  using O = Ops<D>;
  using K = typename O::K;
  root_if<D*, O::custom_eq> d(d_in);
  root_if<K, O::custom_eq> key(key_in);
restart:
  D* dd = d.get();
  if (!dd->indexes) {
    *slot = -1;
    return -1;
  }
  rpy_dictindex* idx = dd->indexes;
  Signed mask = idx->length - 1;
  Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
  Unsigned perturb = (Unsigned)hash;
  Signed first_dummy = -1;
  for (;;) {
    Signed ix = idx->items[i];
    if (ix == FREE) {
      *slot = first_dummy >= 0 ? first_dummy : i;
      return -1;
    }
    if (ix == DUMMY) {
      if (first_dummy < 0) first_dummy = i;
    } else {
      auto& e = dd->entries->items[ix];
      if (e.hash == hash) {
        K k = key.get();
        if (e.key == k) {
          *slot = i;
          return ix;
        }
        if constexpr (O::custom_eq) {
          auto* entries_before = dd->entries;
          bool eq = O::eq(e.key, k);
          if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return -2;
          dd = d.get();
          if (dd->entries != entries_before || dd->indexes != idx) goto restart;
          if (eq) {
            *slot = i;
            return ix;
          }
        } else if (O::eq(e.key, k)) {
          *slot = i;
          return ix;
        }
      }
    }
    perturb >>= 5;
    i = (Signed)(((Unsigned)i * 5 + perturb + 1) & (Unsigned)mask);
  }
}

template <class D>
void delete_at(D* dd, Signed slot, Signed ix);

// Hashes `key` and looks it up: as lookup(), with the hash in *hash.
template <class D>
Signed find(D* d_in, typename Ops<D>::K key_in, Signed* hash, Signed* slot) {
  using O = Ops<D>;
  root_if<D*, O::custom_eq> d(d_in);  // a custom __hash__ may collect
  root_if<typename O::K, O::custom_eq> key(key_in);
  Signed h = stored_hash<D>(key_in);
  if (O::custom_eq && RPY_UNLIKELY(rpy_exc_type != nullptr)) return -2;
  *hash = h;
  return lookup(d.get(), key.get(), h, slot);
}

template <class D>
typename Ops<D>::V value_at(D* d, Signed ix) {
  if constexpr (Ops<D>::has_value) return d->entries->items[ix].value;
  else return typename Ops<D>::V{};
}

// Removes entry ix (at index slot `slot`) and returns its value.
template <class D>
typename Ops<D>::V take(D* d, Signed slot, Signed ix) {
  typename Ops<D>::V r = value_at(d, ix);
  delete_at(d, slot, ix);
  return r;
}

template <class D>
[[gnu::noinline]] void raise_key_error(typename Ops<D>::K key) {
  if constexpr (Ops<D>::has_repr) {
    rpy_string* r = Ops<D>::repr(key);
    if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return;
    rpy_raise_str(&rpy_vt_KeyError, r);
  } else {
    rpy_raise_cstr(&rpy_vt_KeyError, nullptr);
  }
}

// Appends a new entry at `slot` (from a lookup that found nothing); false
// with MemoryError pending. `value` is ignored for sets.
template <class D>
bool insert_new(D* d_in, typename Ops<D>::K key_in, Signed hash, Signed slot, typename Ops<D>::V value_in) {
  using O = Ops<D>;
  using K = typename O::K;
  using V = typename O::V;
  D* dd = d_in;
  if (!dd->entries || dd->num_used == dd->entries->length) {
    root<D*> d(dd);
    root<K> key(key_in);
    root<V> value(value_in);
    // Grows to three times the live entries, as CPython 3.11's GROWTH_RATE.
    if (!resize(dd, dd->num_items * 3 + 1)) return false;
    dd = d.get();
    key_in = key.get();
    value_in = value.get();
    // The new index has no dummies: find the free slot again.
    rpy_dictindex* idx = dd->indexes;
    Signed mask = idx->length - 1;
    Unsigned perturb = (Unsigned)hash;
    Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
    while (idx->items[i] != FREE) {
      perturb >>= 5;
      i = (Signed)(((Unsigned)i * 5 + perturb + 1) & (Unsigned)mask);
    }
    slot = i;
  }
  auto* ents = dd->entries;
  Signed ix = dd->num_used;
  auto& e = ents->items[ix];
  store_ref(ents, ix, e.key, key_in);
  if constexpr (O::has_value) store_ref(ents, ix, e.value, value_in);
  e.hash = hash;
  dd->indexes->items[slot] = (int32_t)dd->num_used++;
  dd->num_items++;
  return true;
}

template <class D>
void delete_at(D* dd, Signed slot, Signed ix) {
  using O = Ops<D>;
  auto& e = dd->entries->items[ix];
  dd->indexes->items[slot] = DUMMY;
  // Cleared so the GC does not keep the key and value alive.
  e.key = typename O::K{};
  if constexpr (O::has_value) e.value = typename O::V{};
  e.hash = DELETED;
  dd->num_items--;
  // Trailing deleted entries are given back (popitem stays O(1)).
  while (dd->num_used > 0 && dd->entries->items[dd->num_used - 1].hash == DELETED) dd->num_used--;
}

}  // namespace rpy_dict_impl

// ---- the entry points (externals the rtyper calls, one instance per type) ----

// A new empty dict; the storage is allocated on the first insertion.
template <class D>
D* rpy_dict_new() {
  return (D*)rpy_gc_malloc(rpy_dict_ops<D>::tid_dict, sizeof(D));
}

template <class D>
Signed rpy_dict_len(D* d) {
  return d->num_items;
}

// d[key]; KeyError(key) when absent.
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_getitem(D* d, typename rpy_dict_ops<D>::K key) {
  using namespace rpy_dict_impl;
  root_if<D*, Ops<D>::custom_eq> rd(d);
  root_if<typename rpy_dict_ops<D>::K, Ops<D>::custom_eq> rk(key);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (RPY_UNLIKELY(ix < 0)) {
    if (ix == -1) raise_key_error<D>(rk.get());
    return {};
  }
  return value_at(rd.get(), ix);
}

// d[key] = value; for sets (no value) add(key).
template <class D>
void rpy_dict_setitem(D* d, typename rpy_dict_ops<D>::K key, typename rpy_dict_ops<D>::V value = {}) {
  using namespace rpy_dict_impl;
  using O = rpy_dict_ops<D>;
  root_if<D*, O::custom_eq> rd(d);
  root_if<typename O::K, O::custom_eq> rk(key);
  root_if<typename O::V, O::custom_eq> rv(value);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (ix == -2) return;
  D* dd = rd.get();
  if (ix >= 0) {
    if constexpr (O::has_value) store_ref(dd->entries, ix, dd->entries->items[ix].value, rv.get());
    return;
  }
  insert_new(dd, rk.get(), h, slot, rv.get());
}

template <class D>
void rpy_set_add(D* d, typename rpy_dict_ops<D>::K key) {
  rpy_dict_setitem(d, key, typename rpy_dict_ops<D>::V{});
}

// del d[key]; KeyError when absent. `discard` (sets) does not raise.
template <class D>
void rpy_dict_delitem(D* d, typename rpy_dict_ops<D>::K key, bool must_exist) {
  using namespace rpy_dict_impl;
  root_if<D*, Ops<D>::custom_eq> rd(d);
  root_if<typename rpy_dict_ops<D>::K, Ops<D>::custom_eq> rk(key);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (ix < 0) {
    if (ix == -1 && must_exist) raise_key_error<D>(rk.get());
    return;
  }
  delete_at(rd.get(), slot, ix);
}

namespace rpy_dict_impl {
// get(key, default) and pop(key, default): the value of `key` (removing the
// entry when `remove`), or `dflt` when absent.
template <class D, bool remove>
typename Ops<D>::V value_or_default(D* d, typename Ops<D>::K key, typename Ops<D>::V dflt) {
  using O = Ops<D>;
  root_if<D*, O::custom_eq> rd(d);
  root_if<typename O::V, O::custom_eq> rv(dflt);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (ix == -2) return {};  // an exception from a custom __eq__/__hash__
  if (ix < 0) return rv.get();
  if constexpr (remove) return take(rd.get(), slot, ix);
  else return value_at(rd.get(), ix);
}
}  // namespace rpy_dict_impl

template <class D>
bool rpy_dict_contains(D* d, typename rpy_dict_ops<D>::K key) {
  Signed h, slot;
  return rpy_dict_impl::find(d, key, &h, &slot) >= 0;
}

// d.get(key, default)
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_get(D* d, typename rpy_dict_ops<D>::K key,
                                         typename rpy_dict_ops<D>::V dflt = {}) {
  return rpy_dict_impl::value_or_default<D, false>(d, key, dflt);
}

// ---- one lookup for a read and a later write of the same key -----------
//
// backendopt/dictlookup.cpp rewrites `d.get(k)` / `d[k]` / `k in d` followed
// by `d[k] = v` (with nothing in between that may change the dict) into
// lookup_slot, then the *_at reads and store_at with the index slot it
// returned: one hash and probe instead of two. Only for keys whose hash and
// == are plain code (no custom __eq__/__hash__, no r_dict): such a lookup
// cannot collect, raise or change the dict. A slot stays valid while the
// dict's index does not change (the GC may move the index array; the slot
// is a position in it, not an address).

// The index slot where `key` is, or where it would be inserted (the first
// dummy on its probe path, else the free slot ending it); -1 while the dict
// has no storage.
template <class D>
Signed rpy_dict_lookup_slot(D* d, typename rpy_dict_ops<D>::K key) {
  static_assert(!rpy_dict_ops<D>::custom_eq, "slots are for keys whose lookup runs no user code");
  Signed h, slot;
  rpy_dict_impl::find(d, key, &h, &slot);
  return slot;
}

namespace rpy_dict_impl {
// The entry index at `slot` (from rpy_dict_lookup_slot), -1 when the key
// was absent.
template <class D>
inline Signed entry_at(D* d, Signed slot) {
  return slot < 0 ? -1 : (Signed)d->indexes->items[slot];
}
}  // namespace rpy_dict_impl

// d.get(key, default) after rpy_dict_lookup_slot.
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_get_at(D* d, Signed slot, typename rpy_dict_ops<D>::K,
                                            typename rpy_dict_ops<D>::V dflt = {}) {
  Signed ix = rpy_dict_impl::entry_at(d, slot);
  return ix < 0 ? dflt : rpy_dict_impl::value_at(d, ix);
}

// d[key] after rpy_dict_lookup_slot: KeyError(key) when absent.
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_getitem_at(D* d, Signed slot, typename rpy_dict_ops<D>::K key) {
  Signed ix = rpy_dict_impl::entry_at(d, slot);
  if (RPY_UNLIKELY(ix < 0)) {
    rpy_dict_impl::raise_key_error<D>(key);
    return {};
  }
  return rpy_dict_impl::value_at(d, ix);
}

// key in d after rpy_dict_lookup_slot.
template <class D>
bool rpy_dict_contains_at(D* d, Signed slot) {
  return rpy_dict_impl::entry_at(d, slot) >= 0;
}

// d[key] = value (sets: add(key)) after rpy_dict_lookup_slot: overwrites
// the value of the entry at `slot`, or appends a new entry there (hashing
// the key again only then; str hashes are cached). insert_new resizes when
// the entries are full and then finds the slot again in the new index.
template <class D>
void rpy_dict_store_at(D* d, Signed slot, typename rpy_dict_ops<D>::K key, typename rpy_dict_ops<D>::V value = {}) {
  using namespace rpy_dict_impl;
  Signed ix = entry_at(d, slot);
  if (ix >= 0) {
    if constexpr (Ops<D>::has_value) store_ref(d->entries, ix, d->entries->items[ix].value, value);
    return;
  }
  insert_new(d, key, stored_hash<D>(key), slot, value);
}

// d.setdefault(key, default)
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_setdefault(D* d, typename rpy_dict_ops<D>::K key,
                                                typename rpy_dict_ops<D>::V dflt = {}) {
  using namespace rpy_dict_impl;
  using O = rpy_dict_ops<D>;
  // Rooted whatever the key: the insertion may resize the table, which
  // collects, and the default is returned after it.
  root<D*> rd(d);
  root_if<typename O::K, O::custom_eq> rk(key);
  root<typename O::V> rv(dflt);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (ix == -2) return {};
  if (ix >= 0) return value_at(rd.get(), ix);
  if (!insert_new(rd.get(), rk.get(), h, slot, rv.get())) return {};
  return rv.get();
}

// d.pop(key): KeyError when absent.
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_pop(D* d, typename rpy_dict_ops<D>::K key) {
  using namespace rpy_dict_impl;
  root_if<D*, Ops<D>::custom_eq> rd(d);
  root_if<typename rpy_dict_ops<D>::K, Ops<D>::custom_eq> rk(key);
  Signed h, slot;
  Signed ix = find(d, key, &h, &slot);
  if (ix < 0) {
    if (ix == -1) raise_key_error<D>(rk.get());
    return {};
  }
  return take(rd.get(), slot, ix);
}

// d.pop(key, default)
template <class D>
typename rpy_dict_ops<D>::V rpy_dict_pop_default(D* d, typename rpy_dict_ops<D>::K key,
                                                 typename rpy_dict_ops<D>::V dflt = {}) {
  return rpy_dict_impl::value_or_default<D, true>(d, key, dflt);
}

// popitem(): the index of the last entry (LIFO, as CPython), which the
// caller reads and then removes with rpy_dict_delete_entry. KeyError
// "popitem(): dictionary is empty" (sets: "pop from an empty set").
template <class D>
Signed rpy_dict_popitem_index(D* d, bool is_set) {
  if (d->num_items == 0) {
    rpy_raise_cstr(&rpy_vt_KeyError, is_set ? "'pop from an empty set'" : "'popitem(): dictionary is empty'");
    return -1;
  }
  return d->num_used - 1;  // trailing deleted entries are always trimmed
}

// Removes entry `ix` (known live) without hashing its key again.
template <class D>
void rpy_dict_delete_entry(D* d, Signed ix) {
  using namespace rpy_dict_impl;
  Signed hash = d->entries->items[ix].hash;
  rpy_dictindex* idx = d->indexes;
  Signed mask = idx->length - 1;
  Unsigned perturb = (Unsigned)hash;
  Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
  while (idx->items[i] != ix) {
    perturb >>= 5;
    i = (Signed)(((Unsigned)i * 5 + perturb + 1) & (Unsigned)mask);
  }
  delete_at(d, i, ix);
}

template <class D>
typename rpy_dict_ops<D>::K rpy_dict_entry_key(D* d, Signed ix) {
  return d->entries->items[ix].key;
}

template <class D>
typename rpy_dict_ops<D>::V rpy_dict_entry_value(D* d, Signed ix) {
  if constexpr (rpy_dict_ops<D>::has_value) return d->entries->items[ix].value;
  else return {};
}

template <class D>
void rpy_dict_clear(D* d) {
  rpy_gc_wb(d);
  d->indexes = nullptr;
  d->entries = nullptr;
  d->num_items = 0;
  d->num_used = 0;
}

// A new dict with the same items, compacted.
template <class D>
D* rpy_dict_copy(D* d_in) {
  using namespace rpy_dict_impl;
  using O = rpy_dict_ops<D>;
  root<D*> d(d_in);
  D* r = rpy_dict_new<D>();
  if (!r || d.get()->num_items == 0) return r;
  root<D*> rr(r);
  // Shares the entries to size the copy: resize compacts into new arrays.
  D* src = d.get();
  r->entries = src->entries;
  r->num_used = src->num_used;
  r->num_items = src->num_items;
  if (!resize(r, src->num_items)) return nullptr;
  (void)sizeof(O);
  return rr.get();
}

// d.update(other), other of the same type: its entries in order.
template <class D>
void rpy_dict_update(D* d_in, D* other_in) {
  using namespace rpy_dict_impl;
  using O = rpy_dict_ops<D>;
  root<D*> d(d_in);
  root<D*> other(other_in);
  for (Signed j = 0; j < other.get()->num_used; ++j) {
    auto& e = other.get()->entries->items[j];
    if (e.hash == DELETED) continue;
    if constexpr (O::has_value)
      rpy_dict_setitem(d.get(), e.key, e.value);
    else
      rpy_set_add(d.get(), e.key);
    if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return;
  }
}

// ---- iteration: an iterator remembers the dict, a position and the size -----

// next() of an iterator struct {dict, pos, length}: the next live entry's
// index; -1 with StopIteration pending at the end, RuntimeError when the
// dict's size changed since the iterator was made.
template <class It>
Signed rpy_dict_iter_next(It* it) {
  using namespace rpy_dict_impl;
  using D = std::remove_pointer_t<decltype(it->dict)>;
  D* d = it->dict;
  if (RPY_UNLIKELY(d->num_items != it->length)) {
    it->pos = INT64_MAX / 2;  // and exhausted from now on, as CPython's iterator
    it->length = -1;
    rpy_raise_cstr(&rpy_vt_RuntimeError, !Ops<D>::is_set ? "dictionary changed size during iteration"
                                                           : "Set changed size during iteration");
    return -1;
  }
  Signed i = it->pos;
  while (i < d->num_used) {
    if (d->entries->items[i].hash != DELETED) {
      it->pos = i + 1;
      return i;
    }
    ++i;
  }
  it->pos = i;
  rpy_raise_cstr(&rpy_vt_StopIteration, nullptr);
  return -1;
}

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
#include <cmath>
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
  void set(T x) { v = x; }
};
template <class T>
struct root<T, true> {
  rpy_gcref<std::remove_pointer_t<T>> r;
  explicit root(T x) : r(x) {}
  T get() const { return r.get(); }
  void set(T x) { r.set(x); }
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

// A set orders its items by CPython's hash of an int or a float
// (rpy_int_pyhash / rpy_float_pyhash, runtime/arith.cpp, what hash() gives;
// see "Sets" below), so a set of numbers iterates and prints in CPython's
// order.
template <class D>
inline Signed stored_hash(typename Ops<D>::K key) {
  using K = typename Ops<D>::K;
  Signed h;
  if constexpr (Ops<D>::is_set && std::is_same_v<K, Signed>) h = rpy_int_pyhash(key);
  else if constexpr (Ops<D>::is_set && std::is_same_v<K, double>) h = rpy_float_pyhash(key);
  else h = Ops<D>::hash(key);
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

// ---- Sets: CPython's table order ----------------------------------------
//
// A set iterates (and prints, and pops) in the order of CPython's set
// table (Objects/setobject.c), not in insertion order: `{3, 1, 2}` prints
// `{1, 2, 3}`. So for a set the index *is* CPython's table: the same size,
// the same probing (runs of LINEAR_PROBES slots, then perturbation), a new
// key in the last dummy of its probe path or else in the free slot ending
// it, the same growth (when fill, dummies included, reaches 3/5) and the
// same rebuild order; iteration walks the index slots. The entries array
// only stores the keys (compacted when full, the slots renumbered).
// `fill` counts live and dummy slots, `finger` is where pop() looks next.

constexpr Signed LINEAR_PROBES = 9;

// Index slot for a key known absent from a table without dummies
// (CPython's set_insert_clean).
inline Signed set_clean_slot(rpy_dictindex* idx, Signed hash) {
  Signed mask = idx->length - 1;
  Unsigned perturb = (Unsigned)hash;
  Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
  for (;;) {
    if (idx->items[i] == FREE) return i;
    if (i + LINEAR_PROBES <= mask)
      for (Signed j = 1; j <= LINEAR_PROBES; ++j)
        if (idx->items[i + j] == FREE) return i + j;
    perturb >>= 5;
    i = (Signed)(((Unsigned)i * 5 + 1 + perturb) & (Unsigned)mask);
  }
}

template <class D>
rpy_dictindex* new_index(Signed size) {
  auto* idx = (rpy_dictindex*)rpy_gc_malloc_varsize(Ops<D>::tid_index, offsetof(rpy_dictindex, items),
                                                     sizeof(int32_t), size, offsetof(rpy_dictindex, length), true);
  if (idx)
    for (Signed i = 0; i < size; ++i) idx->items[i] = FREE;
  return idx;
}

// CPython's set_table_resize: a table of the smallest power of two above
// `minused` (at least MIN_SIZE), the live keys reinserted in slot order.
template <class D>
bool set_table_resize(D* d_in, Signed minused) {
  Signed size = MIN_SIZE;
  while (size <= minused) size <<= 1;
  if (d_in->indexes && size == MIN_SIZE && d_in->indexes->length == MIN_SIZE && d_in->fill == d_in->num_items)
    return true;  // no dummies to purge
  if (size > ((Signed)1 << 31)) {
    rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
    return false;
  }
  root<D*> d(d_in);
  rpy_dictindex* idx = new_index<D>(size);
  if (!idx) return false;
  D* dd = d.get();
  if (rpy_dictindex* old = dd->indexes)
    for (Signed s = 0; s < old->length; ++s) {
      Signed ix = old->items[s];
      if (ix >= 0) idx->items[set_clean_slot(idx, dd->entries->items[ix].hash)] = (int32_t)ix;
    }
  rpy_gc_wb(dd);
  dd->indexes = idx;
  dd->fill = dd->num_items;
  return true;
}

// Room for `extra` more entries: a full entries array is compacted into
// a new one (the live entries keep their order) and the index slots
// renumbered. The index itself does not change.
template <class D>
bool set_reserve_entries(D* d_in, Signed extra) {
  using O = Ops<D>;
  using Entries = typename O::Entries;
  using Entry = typename O::Entry;
  if (d_in->entries && d_in->num_used + extra <= d_in->entries->length) return true;
  Signed capacity = MIN_SIZE;
  while (capacity < (d_in->num_items + extra) * 2) capacity *= 2;
  root<D*> d(d_in);
  auto* ne = (Entries*)rpy_gc_malloc_varsize(O::tid_entries, offsetof(Entries, items), sizeof(Entry), capacity,
                                              offsetof(Entries, length), O::entries_atomic);
  if (!ne) return false;
  D* dd = d.get();
  Signed n = 0;
  if (Entries* old = dd->entries) {
    for (Signed j = 0; j < dd->num_used; ++j) {
      Entry& e = old->items[j];
      if (e.hash == DELETED) continue;
      ne->items[n] = e;  // a fresh young array: no barrier needed
      e.hash = n++;      // the old array is dropped: it keeps the renumbering
    }
    rpy_dictindex* idx = dd->indexes;
    for (Signed s = 0; s < idx->length; ++s)
      if (idx->items[s] >= 0) idx->items[s] = (int32_t)old->items[idx->items[s]].hash;
  }
  rpy_gc_wb(dd);
  dd->entries = ne;
  dd->num_used = n;
  return true;
}

// Appends entry (key, hash) at index slot `slot` (free or dummy) of a set
// with room in its entries; then grows the table as CPython's set_add_entry.
template <class D>
bool set_place(D* dd, Signed slot, typename Ops<D>::K key, Signed hash) {
  auto* ents = dd->entries;
  Signed ix = dd->num_used++;
  store_ref(ents, ix, ents->items[ix].key, key);
  ents->items[ix].hash = hash;
  bool was_free = dd->indexes->items[slot] == FREE;
  dd->indexes->items[slot] = (int32_t)ix;
  dd->num_items++;
  if (!was_free) return true;
  dd->fill++;
  Signed mask = dd->indexes->length - 1;
  if (dd->fill * 5 < mask * 3) return true;
  return set_table_resize(dd, dd->num_items > 50000 ? dd->num_items * 2 : dd->num_items * 4);
}

enum class Match { No, Yes, Error, Changed };

// Whether entry ix of dd (found at a probe of index idx) holds `key`, of
// hash `hash`: the hash, identity, then the key's equality. A custom
// __eq__ may raise (Error) or change the dict (Changed: the lookup starts
// over); dd is then reloaded from the root d.
template <class D, class DRoot, class KRoot>
Match entry_holds(DRoot& d, KRoot& key, D*& dd, rpy_dictindex* idx, Signed ix, Signed hash) {
  using O = Ops<D>;
  auto& e = dd->entries->items[ix];
  if (e.hash != hash) return Match::No;
  typename O::K k = key.get();
  if (e.key == k) return Match::Yes;
  if constexpr (O::custom_eq) {
    auto* entries_before = dd->entries;
    bool eq = O::eq(e.key, k);
    if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return Match::Error;
    dd = d.get();
    if (dd->entries != entries_before || dd->indexes != idx) return Match::Changed;
    return eq ? Match::Yes : Match::No;
  } else {
    return O::eq(e.key, k) ? Match::Yes : Match::No;
  }
}

// CPython's set lookup: as lookup() below, with *slot the last dummy on
// the probe path (else the free slot ending it) for an absent key.
template <class D>
Signed set_lookup(D* d_in, typename Ops<D>::K key_in, Signed hash, Signed* slot) {
  using O = Ops<D>;
  using K = typename O::K;
  root_if<D*, O::custom_eq> d(d_in);
  root_if<K, O::custom_eq> key(key_in);
restart:
  D* dd = d.get();
  rpy_dictindex* idx = dd->indexes;
  if (!idx) {
    *slot = -1;
    return -1;
  }
  Signed mask = idx->length - 1;
  Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
  Unsigned perturb = (Unsigned)hash;
  Signed freeslot = -1;
  for (;;) {
    Signed last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (Signed j = i; j <= last; ++j) {
      Signed ix = idx->items[j];
      if (ix == FREE) {
        *slot = freeslot >= 0 ? freeslot : j;
        return -1;
      }
      if (ix == DUMMY) {
        freeslot = j;
        continue;
      }
      Match m = entry_holds(d, key, dd, idx, ix, hash);
      if (m == Match::Yes) {
        *slot = j;
        return ix;
      }
      if (m == Match::Error) return -2;
      if (m == Match::Changed) goto restart;
    }
    perturb >>= 5;
    i = (Signed)(((Unsigned)i * 5 + 1 + perturb) & (Unsigned)mask);
  }
}

// The index slot holding entry `ix` (live), found along its probe path.
template <class D>
Signed set_slot_of(D* d, Signed ix) {
  Signed hash = d->entries->items[ix].hash;
  rpy_dictindex* idx = d->indexes;
  Signed mask = idx->length - 1;
  Unsigned perturb = (Unsigned)hash;
  Signed i = (Signed)((Unsigned)hash & (Unsigned)mask);
  for (;;) {
    Signed last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (Signed j = i; j <= last; ++j)
      if (idx->items[j] == ix) return j;
    perturb >>= 5;
    i = (Signed)(((Unsigned)i * 5 + 1 + perturb) & (Unsigned)mask);
  }
}

// so.update(other) for two sets: CPython's set_merge (one resize first;
// into an empty set, the other's table copied or reinserted in its order).
template <class D>
void set_merge(D* so_in, D* other_in) {
  using O = Ops<D>;
  if (so_in == other_in || other_in->num_items == 0) return;
  root<D*> so(so_in);
  root<D*> other(other_in);
  Signed so_mask = so_in->indexes ? so_in->indexes->length - 1 : MIN_SIZE - 1;
  if ((so_in->fill + other_in->num_items) * 5 >= so_mask * 3) {
    if (!set_table_resize(so_in, (so_in->num_items + other_in->num_items) * 2)) return;
  } else if (!so_in->indexes) {
    rpy_dictindex* idx = new_index<D>(MIN_SIZE);
    if (!idx) return;
    rpy_gc_wb(so.get());
    so.get()->indexes = idx;
  }
  if (so.get()->fill == 0) {
    if (!set_reserve_entries(so.get(), other.get()->num_items)) return;
    D* s = so.get();
    D* o = other.get();
    rpy_dictindex* sidx = s->indexes;
    rpy_dictindex* oidx = o->indexes;
    bool same_slots = sidx->length == oidx->length && o->fill == o->num_items;
    for (Signed j = 0; j < oidx->length; ++j) {
      Signed ix = oidx->items[j];
      if (ix < 0) continue;
      auto& e = o->entries->items[ix];
      Signed n = s->num_used++;
      store_ref(s->entries, n, s->entries->items[n].key, e.key);
      s->entries->items[n].hash = e.hash;
      sidx->items[same_slots ? j : set_clean_slot(sidx, e.hash)] = (int32_t)n;
    }
    s->fill = s->num_items = o->num_items;
    return;
  }
  for (Signed j = 0;; ++j) {
    D* o = other.get();
    if (!o->indexes || j >= o->indexes->length) return;
    Signed ix = o->indexes->items[j];
    if (ix < 0) continue;
    Signed hash = o->entries->items[ix].hash;
    root<typename O::K> key(o->entries->items[ix].key);  // held across the entries' growth
    Signed slot;
    Signed found = set_lookup(so.get(), key.get(), hash, &slot);
    if (found == -2) return;
    if (found >= 0) continue;
    if (!set_reserve_entries(so.get(), 1)) return;
    if (!set_place(so.get(), slot, key.get(), hash)) return;
  }
}

// Where `key` is: its entry index (>= 0), or -1 when absent, with *slot the
// index slot it is in or would go in. -2: an exception from the key's
// __eq__/__hash__ is pending. A custom __eq__ may change the dict: the
// lookup then starts again, as CPython's does.
template <class D>
Signed lookup(D* d_in, typename Ops<D>::K key_in, Signed hash, Signed* slot) {
  using O = Ops<D>;
  using K = typename O::K;
  if constexpr (O::is_set) return set_lookup(d_in, key_in, hash, slot);
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
      Match m = entry_holds(d, key, dd, idx, ix, hash);
      if (m == Match::Yes) {
        *slot = i;
        return ix;
      }
      if (m == Match::Error) return -2;
      if (m == Match::Changed) goto restart;
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
  if constexpr (O::is_set) {
    root<D*> d(dd);
    root<K> key(key_in);
    if (!dd->indexes) {  // the first key: an empty table of MIN_SIZE
      rpy_dictindex* idx = new_index<D>(MIN_SIZE);
      if (!idx) return false;
      rpy_gc_wb(d.get());
      d.get()->indexes = idx;
      slot = set_clean_slot(idx, hash);
    }
    if (!set_reserve_entries(d.get(), 1)) return false;
    return set_place(d.get(), slot, key.get(), hash);
  }
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
  if constexpr (rpy_dict_ops<D>::is_set) {  // the next live slot from the finger, as CPython's set_pop
    rpy_dictindex* idx = d->indexes;
    Signed mask = idx->length - 1;
    Signed s = d->finger & mask;
    while (idx->items[s] < 0) s = s == mask ? 0 : s + 1;
    d->finger = s + 1;
    return idx->items[s];
  }
  return d->num_used - 1;  // trailing deleted entries are always trimmed
}

// Removes entry `ix` (known live) without hashing its key again.
template <class D>
void rpy_dict_delete_entry(D* d, Signed ix) {
  using namespace rpy_dict_impl;
  if constexpr (rpy_dict_ops<D>::is_set) {
    delete_at(d, set_slot_of(d, ix), ix);
    return;
  }
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
  if constexpr (rpy_dict_ops<D>::is_set) d->fill = 0;  // the finger stays, as CPython's
}

// A new dict with the same items, compacted.
template <class D>
D* rpy_dict_copy(D* d_in) {
  using namespace rpy_dict_impl;
  using O = rpy_dict_ops<D>;
  root<D*> d(d_in);
  D* r = rpy_dict_new<D>();
  if constexpr (O::is_set) {  // CPython's set_copy: a merge into a new set
    if (r) {
      root<D*> rr(r);
      set_merge(r, d.get());
      if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return nullptr;
      return rr.get();
    }
    return r;
  }
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
  if constexpr (O::is_set) {
    set_merge(d_in, other_in);
    return;
  }
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

// ---- a prebuilt set laid out as in CPython ----------------------------------
//
// At startup, a module-level set of numbers (or tuples of them) gets the
// table CPython's object has (rpython/rlib/_settable.py): its size, its
// finger, each key in its slot and its dummies; its keys hash as in CPython,
// so lookups find them there.

template <class D>
void rpy_set_prebuilt_layout(D* d, Signed size, Signed finger) {
  using namespace rpy_dict_impl;
  root<D*> rd(d);
  rpy_dictindex* idx = new_index<D>(size);
  if (!idx) return;
  d = rd.get();
  rpy_gc_wb(d);
  d->indexes = idx;
  d->finger = finger;
}

template <class D>
void rpy_set_prebuilt_key(D* d, Signed slot, typename rpy_dict_ops<D>::K key) {
  using namespace rpy_dict_impl;
  root<D*> rd(d);
  root<typename rpy_dict_ops<D>::K> rk(key);
  if (!set_reserve_entries(d, 1)) return;
  d = rd.get();
  Signed ix = d->num_used++;
  store_ref(d->entries, ix, d->entries->items[ix].key, rk.get());
  d->entries->items[ix].hash = stored_hash<D>(rk.get());
  d->indexes->items[slot] = (int32_t)ix;
  d->num_items++;
  d->fill++;
}

template <class D>
void rpy_set_prebuilt_dummy(D* d, Signed slot) {
  d->indexes->items[slot] = rpy_dict_impl::DUMMY;
  d->fill++;
}

// ---- set algebra that CPython does in place, in its order ---------------

namespace rpy_dict_impl {
// The keys of `small` (in its table order) that are in `big`, added to
// `r`: CPython's set_intersection once it has picked the smaller set.
template <class D>
void set_intersect_into(D* r_in, D* big_in, D* small_in) {
  root<D*> r(r_in);
  root<D*> big(big_in);
  root<D*> small(small_in);
  for (Signed j = 0;; ++j) {
    D* sm = small.get();
    if (!sm->indexes || j >= sm->indexes->length) return;
    Signed ix = sm->indexes->items[j];
    if (ix < 0) continue;
    Signed hash = sm->entries->items[ix].hash;
    root<typename Ops<D>::K> key(sm->entries->items[ix].key);
    Signed slot;
    Signed found = lookup(big.get(), key.get(), hash, &slot);
    if (found == -2) return;
    if (found < 0) continue;
    found = lookup(r.get(), key.get(), hash, &slot);
    if (found == -2) return;
    if (found >= 0) continue;
    if (!insert_new(r.get(), key.get(), hash, slot, typename Ops<D>::V{})) return;
  }
}
}  // namespace rpy_dict_impl

// a.intersection_update(b), a &= b: the intersection built as a new table
// (a copy when b is a), which then becomes a's (CPython's set_swap_bodies;
// the finger stays).
template <class D>
void rpy_set_intersection_update(D* a_in, D* b_in) {
  using namespace rpy_dict_impl;
  root<D*> a(a_in);
  root<D*> b(b_in);
  D* r = rpy_dict_new<D>();
  if (!r) return;
  root<D*> rr(r);
  if (a.get() == b.get())
    set_merge(r, a.get());
  else if (b.get()->num_items > a.get()->num_items)
    set_intersect_into(r, b.get(), a.get());
  else
    set_intersect_into(r, a.get(), b.get());
  if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return;
  D* dd = a.get();
  r = rr.get();
  rpy_gc_wb(dd);
  dd->indexes = r->indexes;
  dd->entries = r->entries;
  dd->num_items = r->num_items;
  dd->num_used = r->num_used;
  dd->fill = r->fill;
}

// a.difference_update(b), a -= b: CPython's set_difference_update_internal
// (b's keys discarded in b's order, through their intersection with a when
// b is more than 8 times bigger; then a rebuild when over a quarter of the
// table is dummies).
template <class D>
void rpy_set_difference_update(D* a_in, D* b_in) {
  using namespace rpy_dict_impl;
  if (a_in == b_in) {
    rpy_dict_clear(a_in);
    return;
  }
  root<D*> a(a_in);
  root<D*> b(b_in);
  if ((b_in->num_items >> 3) > a_in->num_items) {
    root<D*> rr(rpy_dict_new<D>());
    if (!rr.get()) return;
    set_intersect_into(rr.get(), b.get(), a.get());
    if (RPY_UNLIKELY(rpy_exc_type != nullptr)) return;
    b.set(rr.get());
  }
  for (Signed j = 0;; ++j) {
    D* o = b.get();
    if (!o->indexes || j >= o->indexes->length) break;
    Signed ix = o->indexes->items[j];
    if (ix < 0) continue;
    Signed slot;
    Signed found = lookup(a.get(), o->entries->items[ix].key, o->entries->items[ix].hash, &slot);
    if (found == -2) return;
    if (found >= 0) delete_at(a.get(), slot, found);
  }
  D* dd = a.get();
  if (!dd->indexes || dd->fill - dd->num_items <= (dd->indexes->length - 1) / 4) return;
  set_table_resize(dd, dd->num_items > 50000 ? dd->num_items * 2 : dd->num_items * 4);
}

// ---- iteration: an iterator remembers the dict, a position and the size -----

// next() of an iterator struct {dict, pos, length, left}: the next live entry's
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
  if constexpr (Ops<D>::is_set) {  // in the table's slot order
    rpy_dictindex* idx = d->indexes;
    while (idx && i < idx->length) {
      if (idx->items[i] >= 0) {
        it->pos = i + 1;
        return idx->items[i];
      }
      ++i;
    }
    it->pos = i;
    rpy_raise_cstr(&rpy_vt_StopIteration, nullptr);
    return -1;
  }
  while (i < d->num_used) {
    if (d->entries->items[i].hash != DELETED) {
      // More entries than the dict had: keys were deleted and others
      // added (the size unchanged), as CPython's dictiter sees it; the
      // iterator is exhausted from now on.
      if (RPY_UNLIKELY(it->left <= 0)) {
        it->pos = INT64_MAX / 2;
        rpy_raise_cstr(&rpy_vt_RuntimeError, "dictionary keys changed during iteration");
        return -1;
      }
      it->left--;
      it->pos = i + 1;
      return i;
    }
    ++i;
  }
  it->pos = i;
  rpy_raise_cstr(&rpy_vt_StopIteration, nullptr);
  return -1;
}

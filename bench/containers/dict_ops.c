/* Native C reference for dict_ops.py: the same operations, the same output.
 * Two open-addressing tables (linear probing, deleted slots marked): one
 * from integers, one from strings that owns copies of its keys. Keys are
 * formatted with a hand-written decimal conversion, as a C programmer
 * after speed would. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EMPTY, FULL, DELETED };

typedef struct {
  long key, value;
  int state;
} IntEntry;

typedef struct {
  IntEntry* slots;
  size_t mask, used, filled;
} IntTable;

/* Identity, as CPython and the translated dict hash ints: keys in sequence
 * land in neighbouring slots. */
static size_t int_hash(long k) { return (size_t)k; }

static IntEntry* int_find(const IntTable* t, long key) {
  for (size_t j = int_hash(key) & t->mask;; j = (j + 1) & t->mask) {
    IntEntry* e = &t->slots[j];
    if (e->state == EMPTY || (e->state == FULL && e->key == key)) return e;
  }
}

static void int_grow(IntTable* t) {
  IntEntry* old = t->slots;
  size_t n = t->mask + 1;
  t->mask = n * 2 - 1;
  t->slots = calloc(t->mask + 1, sizeof(IntEntry));
  t->filled = t->used;
  for (size_t i = 0; i < n; i++)
    if (old[i].state == FULL) *int_find(t, old[i].key) = old[i];
  free(old);
}

static void int_set(IntTable* t, long key, long value) {
  IntEntry* e = int_find(t, key);
  if (e->state != FULL) {
    e->state = FULL;
    e->key = key;
    t->used++;
    if (++t->filled * 3 > (t->mask + 1) * 2) {
      e->value = value;
      int_grow(t);
      return;
    }
  }
  e->value = value;
}

typedef struct {
  char* key;
  size_t len;
  uint64_t hash;
  long value;
} StrEntry;

typedef struct {
  StrEntry* slots;
  size_t mask, used;
} StrTable;

static uint64_t str_hash(const char* s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static StrEntry* str_find(const StrTable* t, const char* key, size_t n, uint64_t h) {
  for (size_t j = h & t->mask;; j = (j + 1) & t->mask) {
    StrEntry* e = &t->slots[j];
    if (!e->key || (e->hash == h && e->len == n && memcmp(e->key, key, n) == 0)) return e;
  }
}

static void str_grow(StrTable* t) {
  StrEntry* old = t->slots;
  size_t n = t->mask + 1;
  t->mask = n * 2 - 1;
  t->slots = calloc(t->mask + 1, sizeof(StrEntry));
  for (size_t i = 0; i < n; i++)
    if (old[i].key) *str_find(t, old[i].key, old[i].len, old[i].hash) = old[i];
  free(old);
}

static void str_set(StrTable* t, const char* key, size_t n, long value) {
  uint64_t h = str_hash(key, n);
  StrEntry* e = str_find(t, key, n, h);
  if (!e->key) {
    e->key = malloc(n + 1);
    memcpy(e->key, key, n + 1);
    e->len = n;
    e->hash = h;
    t->used++;
  }
  e->value = value;
  if (t->used * 3 > (t->mask + 1) * 2) str_grow(t);
}

/* "key" followed by the decimal digits of i; returns the length. */
static size_t key_name(char* buf, long i) {
  char digits[24];
  size_t nd = 0;
  do {
    digits[nd++] = (char)('0' + i % 10);
    i /= 10;
  } while (i);
  memcpy(buf, "key", 3);
  for (size_t k = 0; k < nd; k++) buf[3 + k] = digits[nd - 1 - k];
  buf[3 + nd] = 0;
  return 3 + nd;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 300000;
  IntTable d = {calloc(8, sizeof(IntEntry)), 7, 0, 0};
  for (long i = 0; i < n; i++) int_set(&d, i * 7, i);
  long total = 0;
  for (int r = 0; r < 10; r++)
    for (long i = 0; i < n; i++) total += int_find(&d, i * 7)->value;
  for (long i = 0; i < n; i += 2) {
    int_find(&d, i * 7)->state = DELETED;
    d.used--;
  }
  StrTable names = {calloc(8, sizeof(StrEntry)), 7, 0};
  char buf[32];
  for (long i = 0; i < n / 3; i++) str_set(&names, buf, key_name(buf, i), i);
  long hits = 0;
  for (int r = 0; r < 5; r++)
    for (long i = 0; i < n / 3; i++) {
      size_t len = key_name(buf, i * 2);
      if (str_find(&names, buf, len, str_hash(buf, len))->key) hits++;
    }
  printf("%ld %zu %zu %ld\n", total, d.used, names.used, hits);
  return 0;
}

/* Native C reference for strdict.py: the same text, the same counts, the
 * same output. Written as a C programmer would: the text is built in one
 * growing buffer, lines and words are scanned in place (no copies), keys
 * are copied only when first inserted, and the tables are open addressing
 * with a string hash. It bounds what any translation of the Python source
 * can reach.
 *   strdict-ref [rounds]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* SYLLABLES[] = {"ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "zu", "an", "el"};
#define NSYL 12

typedef struct {
  char* data;
  size_t len, cap;
} Buf;

static void buf_put(Buf* b, const char* s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    while (b->len + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 4096;
    b->data = realloc(b->data, b->cap);
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

static void make_text(Buf* out, long nwords, long seed) {
  long x = seed;
  out->len = 0;
  for (long i = 0; i < nwords; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    long n = 1 + (x >> 8) % 3;
    for (long k = 0; k < n; k++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const char* s = SYLLABLES[(x >> 10) % NSYL];
      buf_put(out, s, strlen(s));
    }
    buf_put(out, i % 12 == 11 ? "\n" : " ", 1);
  }
}

typedef struct {
  char* key;
  size_t len;
  uint64_t hash;
  long count;
} Entry;

typedef struct {
  Entry* slots;
  size_t mask, used;
} Table;

static uint64_t hash_bytes(const char* s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static void table_init(Table* t) {
  t->mask = 63;
  t->used = 0;
  t->slots = calloc(t->mask + 1, sizeof(Entry));
}

static void table_free(Table* t) {
  for (size_t i = 0; i <= t->mask; i++) free(t->slots[i].key);
  free(t->slots);
}

static void table_grow(Table* t) {
  Entry* old = t->slots;
  size_t oldn = t->mask + 1;
  t->mask = oldn * 2 - 1;
  t->slots = calloc(t->mask + 1, sizeof(Entry));
  for (size_t i = 0; i < oldn; i++) {
    if (!old[i].key) continue;
    size_t j = old[i].hash & t->mask;
    while (t->slots[j].key) j = (j + 1) & t->mask;
    t->slots[j] = old[i];
  }
  free(old);
}

static void table_add(Table* t, const char* key, size_t len) {
  uint64_t h = hash_bytes(key, len);
  size_t j = h & t->mask;
  for (;;) {
    Entry* e = &t->slots[j];
    if (!e->key) break;
    if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0) {
      e->count++;
      return;
    }
    j = (j + 1) & t->mask;
  }
  Entry* e = &t->slots[j];
  e->key = malloc(len + 1);
  memcpy(e->key, key, len);
  e->key[len] = 0;
  e->len = len;
  e->hash = h;
  e->count = 1;
  if (++t->used * 3 > (t->mask + 1) * 2) table_grow(t);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static void count_words(const Buf* text, Table* counts, Table* bigrams) {
  char word[64], prev[64], key[160];
  const char* p = text->data;
  const char* end = text->data + text->len;
  for (;;) {
    const char* nl = memchr(p, '\n', (size_t)(end - p));
    const char* line_end = nl ? nl : end;
    const char* a = p;
    const char* b = line_end;
    while (a < b && is_space(*a)) a++;
    while (b > a && is_space(b[-1])) b--;
    size_t prev_len = 0;
    const char* w = a;
    for (;;) {
      const char* sp = memchr(w, ' ', (size_t)(b - w));
      const char* we = sp ? sp : b;
      size_t n = (size_t)(we - w);
      if (n > 0) {
        for (size_t i = 0; i < n; i++) word[i] = (w[i] >= 'a' && w[i] <= 'z') ? w[i] - 32 : w[i];
        table_add(counts, word, n);
        if (prev_len) {
          memcpy(key, prev, prev_len);
          key[prev_len] = '+';
          memcpy(key + prev_len + 1, word, n);
          table_add(bigrams, key, prev_len + 1 + n);
        }
        memcpy(prev, word, n);
        prev_len = n;
      }
      if (!sp) break;
      w = sp + 1;
    }
    if (!nl) break;
    p = nl + 1;
  }
}

static const Entry* best(const Table* t) {
  const Entry* b = NULL;
  for (size_t i = 0; i <= t->mask; i++) {
    const Entry* e = &t->slots[i];
    if (!e->key) continue;
    if (!b || e->count > b->count || (e->count == b->count && strcmp(e->key, b->key) < 0)) b = e;
  }
  return b;
}

int main(int argc, char** argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 12;
  long total = 0;
  Buf text = {0};
  for (long r = 0; r < rounds; r++) {
    Table counts, bigrams;
    table_init(&counts);
    table_init(&bigrams);
    make_text(&text, 60000, r + 1);
    count_words(&text, &counts, &bigrams);
    const Entry* k = best(&counts);
    const Entry* k2 = best(&bigrams);
    total += (long)(counts.used + bigrams.used);
    if (r == rounds - 1) {
      printf("words %zu most frequent %s %ld\n", counts.used, k->key, k->count);
      printf("bigrams %zu most frequent %s %ld\n", bigrams.used, k2->key, k2->count);
    }
    table_free(&counts);
    table_free(&bigrams);
  }
  printf("total keys %ld\n", total);
  free(text.data);
  return 0;
}

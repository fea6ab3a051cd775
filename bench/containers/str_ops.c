/* Native C reference for str_ops.py: the same strings, the same output.
 * The list of words is an array of separately allocated strings, as the
 * Python program's lists are; the joined text, the searches and the upper-
 * casing work on one buffer. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* copy_of(const char* s, size_t n) {
  char* p = malloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 200000;
  char** parts = malloc((size_t)n * sizeof(char*));
  size_t* part_len = malloc((size_t)n * sizeof(size_t));
  size_t total = 0;
  for (long i = 0; i < n; i++) {
    char buf[32];
    int len = snprintf(buf, sizeof buf, "w%ld", i % 977);
    parts[i] = copy_of(buf, (size_t)len);
    part_len[i] = (size_t)len;
    total += (size_t)len + 1;
  }
  char* text = malloc(total + 1);
  size_t text_len = 0;
  for (long i = 0; i < n; i++) {
    if (i) text[text_len++] = ' ';
    memcpy(text + text_len, parts[i], part_len[i]);
    text_len += part_len[i];
  }
  text[text_len] = 0;

  size_t cap = 1024, nwords = 0;
  char** words = malloc(cap * sizeof(char*));
  for (const char* p = text;;) {
    const char* sp = memchr(p, ' ', (size_t)(text + text_len - p));
    const char* end = sp ? sp : text + text_len;
    if (nwords == cap) words = realloc(words, (cap *= 2) * sizeof(char*));
    words[nwords++] = copy_of(p, (size_t)(end - p));
    if (!sp) break;
    p = sp + 1;
  }

  long found = 0;
  for (long r = 0; r < 20; r++) {
    size_t start = (size_t)r * 1000;
    const char* f = start <= text_len ? memmem(text + start, text_len - start, "w976", 4) : NULL;
    found += f ? (long)(f - text) : -1;
  }
  long count = 0;
  for (size_t i = 0; i < nwords; i++)
    if (strncmp(words[i], "w9", 2) == 0) count++;
  char* upper = malloc(text_len + 1);
  for (size_t i = 0; i <= text_len; i++) upper[i] = (char)toupper((unsigned char)text[i]);

  printf("%zu %zu %ld %ld %zu\n", text_len, nwords, found, count, strlen(upper));
  return 0;
}

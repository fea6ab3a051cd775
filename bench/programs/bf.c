/* Native reference for bench/programs/bf.py: the same bytecode design
 * (folded + - < > runs, [-] as CLEAR, resolved jumps) and the same dispatch
 * loop, in C.  gcc -O2 bf.c -o bf-ref && ./bf-ref mandelbrot.bf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OP_ADD, OP_MOVE, OP_OUT, OP_IN, OP_JZ, OP_JNZ, OP_CLEAR };

static int is_cmd(int c) { return c && strchr("+-<>[].,", c) != NULL; }

int main(int argc, char** argv) {
  if (argc < 2) { fprintf(stderr, "usage: bf FILE.bf\n"); return 2; }
  FILE* f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* src = malloc(n + 1);
  if (fread(src, 1, n, f) != (size_t)n) return 1;
  fclose(f);
  src[n] = 0;
  int* ops = malloc(sizeof(int) * (n + 1));
  long* args = malloc(sizeof(long) * (n + 1));
  long* stack = malloc(sizeof(long) * (n + 1));
  long nops = 0, sp = 0;
  for (long i = 0; i < n;) {
    char c = src[i];
    if (c == '+' || c == '-' || c == '<' || c == '>') {
      int add = (c == '+' || c == '-');
      char up = add ? '+' : '>', down = add ? '-' : '<';
      long total = 0;
      while (i < n && (src[i] == up || src[i] == down || !is_cmd(src[i]))) {
        if (src[i] == up) total++;
        else if (src[i] == down) total--;
        i++;
      }
      ops[nops] = add ? OP_ADD : OP_MOVE;
      args[nops++] = add ? (total & 255) : total;
      continue;
    }
    if (c == '[') {
      if (i + 2 < n && src[i + 1] == '-' && src[i + 2] == ']') {
        ops[nops] = OP_CLEAR; args[nops++] = 0; i += 3; continue;
      }
      stack[sp++] = nops;
      ops[nops] = OP_JZ; args[nops++] = 0;
    } else if (c == ']') {
      if (sp == 0) { fprintf(stderr, "unmatched ]\n"); return 1; }
      long start = stack[--sp];
      args[start] = nops + 1;
      ops[nops] = OP_JNZ; args[nops++] = start + 1;
    } else if (c == '.') {
      ops[nops] = OP_OUT; args[nops++] = 0;
    } else if (c == ',') {
      ops[nops] = OP_IN; args[nops++] = 0;
    }
    i++;
  }
  static long tape[30000];
  long pc = 0, ptr = 0;
  while (pc < nops) {
    switch (ops[pc]) {
      case OP_ADD: tape[ptr] = (tape[ptr] + args[pc]) & 255; break;
      case OP_MOVE: ptr += args[pc]; break;
      case OP_JZ: if (tape[ptr] == 0) { pc = args[pc]; continue; } break;
      case OP_JNZ: if (tape[ptr] != 0) { pc = args[pc]; continue; } break;
      case OP_CLEAR: tape[ptr] = 0; break;
      case OP_OUT: putchar((int)tape[ptr]); break;
      case OP_IN: { fflush(stdout); int ch = getchar(); tape[ptr] = ch == EOF ? 0 : ch; break; }
    }
    pc++;
  }
  fflush(stdout);
  return 0;
}

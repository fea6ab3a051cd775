/* Native C reference for binarytrees.py: the same trees, checks and output,
 * each node malloc'ed and each tree freed when its check is done, as C code
 * without a garbage collector does it. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node *left, *right;
} Node;

static Node* make(int depth) {
  Node* n = malloc(sizeof(Node));
  if (depth == 0) {
    n->left = n->right = NULL;
  } else {
    n->left = make(depth - 1);
    n->right = make(depth - 1);
  }
  return n;
}

static long check(const Node* n) { return n->left ? 1 + check(n->left) + check(n->right) : 1; }

static void release(Node* n) {
  if (n->left) {
    release(n->left);
    release(n->right);
  }
  free(n);
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 16;
  int max_depth = n > 6 ? n : 6;
  int stretch = max_depth + 1;
  Node* t = make(stretch);
  printf("stretch tree of depth %d check: %ld\n", stretch, check(t));
  release(t);
  Node* long_lived = make(max_depth);
  for (int d = 4; d <= max_depth; d += 2) {
    long iterations = 1L << (max_depth - d + 4);
    long chk = 0;
    for (long i = 0; i < iterations; i++) {
      t = make(d);
      chk += check(t);
      release(t);
    }
    printf("%ld trees of depth %d check: %ld\n", iterations, d, chk);
  }
  printf("long lived tree of depth %d check: %ld\n", max_depth, check(long_lived));
  return 0;
}

# String and dict processing: generate a text of pseudo-random words, split
# it into lines and words, count word frequencies in a dict, build bigram
# keys by concatenation, and report the most frequent entries.
#   strdict-c [rounds]
# bench-args: 40
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "zu", "an", "el"]


def make_text(nwords, seed):
    x = seed
    parts = []
    for i in range(nwords):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        n = 1 + (x >> 8) % 3
        w = ""
        for k in range(n):
            x = (x * 1103515245 + 12345) & 0x7fffffff
            w += SYLLABLES[(x >> 10) % len(SYLLABLES)]
        parts.append(w)
        if i % 12 == 11:
            parts.append("\n")
        else:
            parts.append(" ")
    return "".join(parts)


def count_words(text, counts, bigrams):
    for line in text.split("\n"):
        words = line.strip().split(" ")
        prev = ""
        for w in words:
            if len(w) == 0:
                continue
            w = w.upper()
            counts[w] = counts.get(w, 0) + 1
            if prev != "":
                key = prev + "+" + w
                bigrams[key] = bigrams.get(key, 0) + 1
            prev = w


def best(d):
    best_key = ""
    best_n = -1
    for k in d:
        n = d[k]
        if n > best_n or (n == best_n and k < best_key):
            best_key = k
            best_n = n
    return best_key, best_n


def entry_point(argv):
    rounds = 12
    if len(argv) > 1:
        rounds = int(argv[1])
    total = 0
    for r in range(rounds):
        counts = {}
        bigrams = {}
        text = make_text(60000, r + 1)
        count_words(text, counts, bigrams)
        k, n = best(counts)
        k2, n2 = best(bigrams)
        total += len(counts) + len(bigrams)
        if r == rounds - 1:
            print("words", len(counts), "most frequent", k, n)
            print("bigrams", len(bigrams), "most frequent", k2, n2)
    print("total keys", total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

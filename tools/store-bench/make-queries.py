#!/usr/bin/env python3
"""Makes tools/store-bench/queries.txt: 200 mixed queries drawn (seeded) from the development corpus's
words, so that rare, middling and common terms, two-word queries, phrases and prefixes are all there.

    make-queries.py documents-dev.jsonl > tools/store-bench/queries.txt
"""
import collections
import json
import random
import re
import sys

WORD = re.compile(r"[a-zæøåéü]+")


def main(path):
    words = collections.Counter()
    bigrams = collections.Counter()
    with open(path, "rb") as f:
        for n, line in enumerate(f):
            if n % 4:  # every fourth document is plenty for frequencies
                continue
            doc = json.loads(line)
            for p in doc.get("provisions") or []:
                tokens = WORD.findall((p.get("content") or "").lower())
                words.update(t for t in tokens if len(t) >= 4)
                bigrams.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if len(a) >= 3 and len(b) >= 4)
    rng = random.Random(16)

    def band(counter, low, high, k):
        pool = sorted(w for w, c in counter.items() if low <= c <= high)
        return rng.sample(pool, k)

    queries = ["tandregulering", "\"vederlagsfri tandpleje\"", "tandpleje*", "sundhedsloven", "hund kat"]
    queries += band(words, 3, 30, 45)            # rare words
    queries += band(words, 200, 2000, 30)        # middling words
    queries += band(words, 5000, 10**9, 15)      # common words
    middling = band(words, 100, 5000, 70)
    queries += [f"{a} {b}" for a, b in zip(middling[::2], middling[1::2])]   # two words
    queries += [f"\"{p}\"" for p in band(bigrams, 20, 2000, 40)]           # phrases
    queries += [w[: rng.randint(5, 7)] + "*" for w in band(words, 100, 5000, 30)]  # prefixes
    print("# 200 queries for tools/store-bench.sh, made by make-queries.py (seed 16) from documents-dev.jsonl")
    for q in queries[:200]:
        print(q)


if __name__ == "__main__":
    main(sys.argv[1])

# Real program: word frequency counter on an embedded text.
TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way -- in short, the period was
so far like the present period, that some of its noisiest authorities
insisted on its being received, for good or for evil, in the superlative
degree of comparison only.
"""

def tokenize(text):
    words = []
    current = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words

def count(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq

def top(freq, n):
    return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

words = tokenize(TEXT)
freq = count(words)
print("total words:", len(words))
print("distinct words:", len(freq))
print("top 10:")
for rank, (word, c) in enumerate(top(freq, 10), 1):
    bar = "#" * c
    print("%2d. %-8s %3d %s" % (rank, word, c, bar))
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for L in sorted(lengths):
    print("len %2d: %s" % (L, " ".join(sorted(lengths[L]))))
once = sorted(w for w, c in freq.items() if c == 1)
print("hapax count:", len(once))
print("first five hapax:", once[:5])
letters = {}
for w in words:
    for ch in w:
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("top letters:", common)
avg = sum(len(w) for w in words) / len(words)
print("average word length: %.3f" % avg)
longest = max(freq, key=lambda w: (len(w), w))
print("longest word:", longest, len(longest))
lines = [l for l in TEXT.strip().split("\n")]
for i, line in enumerate(lines, 1):
    print("line %d has %d words" % (i, len(tokenize(line))))
bigrams = {}
for a, b in zip(words, words[1:]):
    key = a + " " + b
    bigrams[key] = bigrams.get(key, 0) + 1
print("top bigrams:", top(bigrams, 4))

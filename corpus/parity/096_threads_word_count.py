# Map/reduce with threads: each thread counts the words of its own chunk
# into a private dict, then merges it into a shared dict under a Lock. A
# set of distinct words and a list of per-chunk line counts are gathered the
# same way. Everything is sorted before printing.
import threading

TEXT = """the quick brown fox jumps over the lazy dog
a lock protects the shared state from the race
threads run while the lock is held by another thread
the dog sleeps and the fox runs and the threads join
every word is counted once whatever the schedule
""" * 6

lines = TEXT.strip().split("\n")
NCHUNKS = 5
chunks = [lines[i::NCHUNKS] for i in range(NCHUNKS)]

totals = {}
vocab = set()
line_counts = []
merge_lock = threading.Lock()


def count_words(idx, chunk):
    local = {}
    for line in chunk:
        for word in line.split():
            local[word] = local.get(word, 0) + 1
    with merge_lock:
        for word, n in local.items():
            totals[word] = totals.get(word, 0) + n
        vocab.update(local)
        line_counts.append((idx, len(chunk)))


threads = [threading.Thread(target=count_words, args=(i, chunks[i])) for i in range(NCHUNKS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

serial = {}
for word in TEXT.split():
    serial[word] = serial.get(word, 0) + 1

print("distinct words:", len(vocab))
print("total words:", sum(totals.values()))
print("matches serial:", totals == serial)
top = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(word, n)
print("lines per chunk:", sorted(line_counts))
print("vocab sample:", sorted(vocab)[:8])

# Letter frequencies with one shared dict and a lock around each update.
letters = {}


def count_letters(chunk):
    for line in chunk:
        for ch in line:
            if ch != " ":
                with merge_lock:
                    letters[ch] = letters.get(ch, 0) + 1


ls = [threading.Thread(target=count_letters, args=(c,)) for c in chunks]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("letters:", "".join(sorted(letters)))
print("most common letters:", sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print("letter total:", sum(letters.values()), len(TEXT.replace(" ", "").replace("\n", "")))

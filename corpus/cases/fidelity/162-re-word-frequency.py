# re: counting words with findall and a dictionary
import re

text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness...
Don't panic: it's only a test -- isn't it?"""

words = re.findall(r"[a-z']+", text.lower())
print(len(words), words[:8])

counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, n in top:
    print(f"{word:>8} {'#' * n} {n}")

print(re.findall(r"\b\w+'\w+\b", text))
print(re.findall(r"(\w+) of (\w+)", text))
print(re.findall(r"^\w+", text, re.M))
print(re.findall(r"\w+[.?!]+$", text, re.M))
print(len(re.findall(r"\s+", text)), re.findall(r"[^\w\s]+", text))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(i, len(re.findall(r"\bit\b", line, re.I)))

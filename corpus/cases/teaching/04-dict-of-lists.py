# Grouping words by first letter: one list per key, the same list object updated in place
words = "apple avocado banana blueberry cherry cranberry apricot".split()
groups = {}
ids = {}
for w in words:
    bucket = groups.setdefault(w[0], [])
    ids.setdefault(w[0], id(bucket))
    bucket.append(w)
for letter, bucket in groups.items():
    print(letter, bucket, id(bucket) == ids[letter])
print(len(groups), sum(len(v) for v in groups.values()))
counts = {k: len(v) for k, v in groups.items()}
print(counts, max(counts, key=counts.get))

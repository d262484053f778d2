# The traced program (about 10^6 line steps): module-level code that allocates and frees objects,
# so every step has frames, locals and heap changes to record.
N = 250000
xs = []
d = {}
for i in range(N):
    xs.append(i % 97)
    d[i % 101] = i
    if len(xs) > 50:
        xs = []
print(len(xs), len(d), sum(d.values()))

# itertools as course programs use it: running totals, grouping sorted records, combinatorics puzzles, pairwise differences, windows and tables.
import itertools
from itertools import accumulate, groupby, combinations, permutations, product, pairwise, islice, count, cycle, chain, zip_longest

sales = [120, 80, 200, 50, 300]
print(list(accumulate(sales)), list(accumulate(sales, max)), list(accumulate(sales, initial=1000)))
print(list(accumulate([1, 2, 3, 4, 5], lambda a, b: a * b)), list(accumulate([])))

records = [("math", "ann", 91), ("art", "bob", 78), ("math", "cy", 64), ("art", "ann", 85), ("cs", "bob", 91)]
records.sort(key=lambda r: r[0])
for course, group in groupby(records, key=lambda r: r[0]):
    rows = list(group)
    print(course, [r[1] for r in rows], sum(r[2] for r in rows) / len(rows))
print([(k, len(list(g))) for k, g in groupby("aaabccddddde")])
print("".join(f"{k}{len(list(g))}" for k, g in groupby("WWWWBBBWWB")))

coins = [1, 2, 5, 10]
print([c for c in combinations(coins, 2) if sum(c) == 12], len(list(combinations(range(10), 3))))
print([p for p in permutations("abc")], len(list(permutations(range(5), 2))))
# SEND + MORE style puzzle, small: AB + BA == 121 with distinct digits
print([(a, b) for a, b in permutations(range(1, 10), 2) if (10 * a + b) + (10 * b + a) == 121 and a < b])
print(list(product([0, 1], repeat=3)), list(product("ab", "xy")))
print(sum(1 for roll in product(range(1, 7), repeat=2) if sum(roll) == 7))
print(list(itertools.combinations_with_replacement("HT", 3)))

temps = [12, 15, 11, 18, 18, 21]
diffs = [b - a for a, b in pairwise(temps)]
print(diffs, max(pairwise(temps), key=lambda p: p[1] - p[0]))


def windows(seq, n):
    it = iter(seq)
    win = tuple(islice(it, n))
    if len(win) == n:
        yield win
    for x in it:
        win = win[1:] + (x,)
        yield win


print(list(windows(range(6), 3)))
for i, name in zip(count(1), ["ann", "bob", "cy"]):
    print(i, name)
players = cycle(["X", "O"])
print([next(players) for _ in range(5)])
print(list(islice(count(10, 5), 4)), list(islice("abcdefgh", 1, 7, 2)), list(islice(cycle("ab"), 5)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1, 2], [3], []])))
for a, b in zip_longest(["q1", "q2", "q3"], ["yes", "no"], fillvalue="(blank)"):
    print(a, b)
print(list(itertools.repeat("-", 3)), list(map(pow, range(5), itertools.repeat(2))))
print(list(itertools.takewhile(lambda t: t < 18, temps)), list(itertools.dropwhile(lambda t: t < 18, temps)))
print(list(itertools.filterfalse(lambda t: t % 2, temps)), list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.starmap(lambda a, b: a * b, [(2, 3), (4, 5)])))
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
table = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(list(chain.from_iterable(table)), [list(r) for r in zip(*table)])

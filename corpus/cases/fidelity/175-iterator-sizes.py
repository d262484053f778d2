# sys.getsizeof of the iterators programs make (builtins' and itertools'), made and after one next()
import sys, itertools as it
class G:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i
def gen():
    yield 1
    yield 2
d = {1: 2, 3: 4}
items = [
 ("list_iter", iter([1, 2])), ("tuple_iter", iter((1, 2))), ("str_iter", iter("ab")),
 ("bytes_iter", iter(b"ab")), ("bytearray_iter", iter(bytearray(b"ab"))),
 ("dict_keys", iter(d)), ("dict_keys2", iter(d.keys())), ("dict_values", iter(d.values())), ("dict_items", iter(d.items())),
 ("set_iter", iter({1, 2})), ("frozenset_iter", iter(frozenset({1}))), ("range_iter", iter(range(3))), ("longrange", iter(range(2**70))),
 ("getitem_iter", iter(G())), ("rev_list", reversed([1, 2])), ("rev_range", reversed(range(3))), ("rev_seq", reversed(S())),
 ("rev_tuple", reversed((1, 2))), 
 ("enumerate", enumerate([1])), ("zip", zip([1], [2])), ("zip1", zip()), ("map", map(str, [1])), ("filter", filter(None, [1])),
 ("gen", gen()), ("genexp", (x for x in [1])),
 ("count", it.count()), ("cycle", it.cycle([1])), ("repeat", it.repeat(1)), ("repeat3", it.repeat(1, 3)), ("chain", it.chain([1], [2])),
 ("chain_fi", it.chain.from_iterable([[1]])), ("islice", it.islice([1, 2], 1)), ("accumulate", it.accumulate([1, 2])),
 ("product", it.product([1], [2])), ("product0", it.product()), ("permutations", it.permutations([1, 2, 3])), ("permutations2", it.permutations([1, 2, 3], 2)),
 ("combinations", it.combinations([1, 2, 3], 2)), ("cwr", it.combinations_with_replacement([1, 2], 2)), ("groupby", it.groupby([1, 1, 2])),
 ("zip_longest", it.zip_longest([1], [2, 3])), ("starmap", it.starmap(pow, [(2, 3)])), ("takewhile", it.takewhile(bool, [1])),
 ("dropwhile", it.dropwhile(bool, [1])), ("tee", it.tee([1, 2])[0]), ("pairwise", it.pairwise([1, 2, 3])), ("compress", it.compress([1], [1])),
 ("filterfalse", it.filterfalse(None, [0])),
]
for name, o in items:
    print(name, type(o).__name__, sys.getsizeof(o))
# after partial iteration
for name, o in items:
    a = sys.getsizeof(o)
    try:
        next(o)
    except (StopIteration, TypeError):
        pass
    b = sys.getsizeof(o)
    if a != b:
        print("after next", name, a, b)
g = it.groupby([1, 1, 2]); k, grp = next(g); print("grouper", type(grp).__name__, sys.getsizeof(grp))
t = it.tee([1, 2]); print("tee pair", sys.getsizeof(t[0]), sys.getsizeof(t[1]))
print(sys.getsizeof(it.product([1,2],[3,4],[5,6])), sys.getsizeof(it.permutations(range(10))), sys.getsizeof(it.combinations(range(10), 4)))
p = it.product([1,2],[3,4]); next(p); print("product after", sys.getsizeof(p))

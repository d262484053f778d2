import statistics as st
from fractions import Fraction as F
import random
datas = [[1, 2, 2.5], [1, 2, 3], [1, 2, 3, 4], [2.5, 3.25, 5.5, 11.25], [F(1, 3), F(2, 7)], [F(1,2), 0.25], [True, False, True], [1e50, 1, -1e50], [0.1] * 10, [1, 1, 2, 3, 3], [7], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [-1.5, 2.25, 10**20], [1, float('inf')], [1.0, float('nan')], [10**30, 1, 2], [0.1, 0.2, 0.3, 0.4], [1, 2], list(range(100)), [x / 7 for x in range(1, 40)], [F(7, 3), 2, 5]]
rng = random.Random(5)
for k in range(30):
    datas.append([rng.randint(-50, 50) for _ in range(rng.randint(2, 12))])
    datas.append([round(rng.uniform(-100, 100), rng.randint(0, 4)) for _ in range(rng.randint(2, 12))])
for d in datas[PART::2]:
    out = []
    for name in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'mode', 'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'quantiles', 'harmonic_mean', 'geometric_mean']:
        try:
            r = getattr(st, name)(d)
            out.append('%s=%s:%r' % (name, type(r).__name__, r))
        except Exception as e:
            out.append('%s=%s(%s)' % (name, type(e).__name__, e))
    print(d[:6], ' '.join(out))
    for n in [1, 3, 10]:
        for m in ['exclusive', 'inclusive']:
            try: print(' q', n, m, st.quantiles(d, n=n, method=m))
            except Exception as e: print(type(e).__name__, e)
print(st.mean(iter([1, 2, 4])), st.variance([1, 2, 3, 4], 2.5), st.pvariance([1.5, 2.5], 2), st.stdev([1, 2, 3, 4], xbar=2), st.pstdev([F(1), F(2)], F(3, 2)), st.variance([F(1,3), F(1,2), 1]))
print(st.fmean([1, 2, 3], weights=[1, 1, 2]), st.fmean(iter([1.5, 2.5])), st.harmonic_mean([40, 60], weights=[5, 30]), st.mode('aabbbc'), st.multimode('aabbcc'), st.multimode(''), st.median(['b', 'a', 'c']))
for f in [lambda: st.mean([]), lambda: st.fmean([]), lambda: st.median([]), lambda: st.median_low(()), lambda: st.median_high([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.pvariance([]), lambda: st.stdev([]), lambda: st.pstdev([]), lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2], method='x'), lambda: st.mean(['a']), lambda: st.mean([1, 'a']), lambda: st.fmean([1], weights=[1, 2]), lambda: st.fmean([1, 2], weights=[1, -1]), lambda: st.harmonic_mean([]), lambda: st.harmonic_mean([-1]), lambda: st.harmonic_mean([1, -1]), lambda: st.harmonic_mean([1, 0]), lambda: st.geometric_mean([1, -1]), lambda: st.geometric_mean([]), lambda: st.harmonic_mean([1, 2], weights=[1]), lambda: st.mean([F(1, 2), 1.5, 2])]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e, isinstance(e, ValueError))
print(st.StatisticsError.__mro__, st.StatisticsError.__module__)
try:
    st.mean([])
except st.StatisticsError as e:
    print(repr(e), e.args)
for mod in ['statistics', 'fractions', 'textwrap', 'pprint']:
    ns = {}
    exec('from %s import *' % mod, ns)
    print(mod, [k for k in ('math', 'Fraction', 'Counter', 're', 'sys', 'collections') if k in ns], 'mean' in ns)

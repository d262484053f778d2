/**
 * The statistics module's Python code (compiled at `import statistics`; modules/course.ts hands it over, in
 * the page from the interpreter's on-demand chunk): mean, fmean, geometric_mean, harmonic_mean, median,
 * median_low, median_high, mode, multimode, quantiles, variance, pvariance, stdev, pstdev and
 * StatisticsError. As in python3, sums and squared deviations are exact fractions (fractions.Fraction), the
 * result's type follows the data's (ints give an int where the result is whole, else a float; Fractions a
 * Fraction), the standard deviations are correctly rounded square roots, and the errors are python3's
 * ("mean requires at least one data point", "no median for empty data"…).
 * What differs: median_grouped, covariance, correlation, linear_regression and NormalDist are not provided,
 * nor Decimal data (pyheap has no decimal).
 */
export const STATISTICS_PY = `
import math as _math
from fractions import Fraction as _Fraction
from collections import Counter as _Counter

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median", "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


def _ratio(x):
    # an exact (numerator, denominator) of x; (x, None) for an infinite or nan float
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _common(t, s):
    # the type two kinds of data give their results in
    if t is s or s is int or s is bool:
        return t
    if t is int or issubclass(s, t):
        return s
    if issubclass(t, s):
        return t
    if issubclass(t, int):
        return s
    if issubclass(s, int):
        return t
    if issubclass(t, _Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, _Fraction):
        return t
    raise TypeError("don't know how to coerce %s and %s" % (t.__name__, s.__name__))


def _exact_sums(data, squares):
    # (result type, count, sum, sum of squares) with the sums as exact fractions, or the non-finite sum
    kind = int
    seen = []
    count = 0
    sums = {}
    sqs = {}
    for x in data:
        t = type(x)
        if t not in seen:
            seen.append(t)
        n, d = _ratio(x)
        count += 1
        sums[d] = sums.get(d, 0) + n
        if squares and d is not None:
            sqs[d] = sqs.get(d, 0) + n * n
    for t in seen:
        kind = _common(kind, t)
    if None in sums:
        return kind, count, sums[None], sums[None]
    total = sum(_Fraction(n, d) for d, n in sums.items())
    sq = sum(_Fraction(n, d * d) for d, n in sqs.items())
    return kind, count, total, sq


def _as(value, t):
    if type(value) is t:
        return value
    if issubclass(t, int) and value.denominator != 1:
        t = float
    return t(value)


def mean(data):
    t, n, total, _ = _exact_sums(data, False)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _as(total / n, t)


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = _math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    try:
        nw = len(weights)
    except TypeError:
        weights = list(weights)
        nw = len(weights)
    num = _math.fsum([x * w for x, w in zip(data, weights)])
    if n != nw:
        raise StatisticsError("data and weights must be the same length")
    den = _math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers") from None


def harmonic_mean(data, weights=None):
    data = list(data)
    neg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if not isinstance(x, (int, float, _Fraction)):
            raise TypeError("unsupported type")
        if x < 0:
            raise StatisticsError(neg)
        return x
    if weights is None:
        weights = [1] * n
        total_w = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        for w in weights:
            if w < 0:
                raise StatisticsError(neg)
        total_w = _exact_sums(weights, False)[2]
    terms = []
    for w, x in zip(weights, data):
        if x < 0:
            raise StatisticsError(neg)
        if w:
            if x == 0:
                return 0
            terms.append(w / x)
        else:
            terms.append(0)
    t, _, total, _ = _exact_sums(terms, False)
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _as(total_w / total, t)


def _sorted(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data, len(data)


def median(data):
    data, n = _sorted(data)
    if n % 2:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def median_low(data):
    data, n = _sorted(data)
    return data[(n - 1) // 2]


def median_high(data):
    data, n = _sorted(data)
    return data[n // 2]


def mode(data):
    top = _Counter(iter(data)).most_common(1)
    if not top:
        raise StatisticsError("no mode for empty data")
    return top[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    most = max(counts.values())
    return [v for v, c in counts.items() if c == most]


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    size = len(data)
    if size < 2:
        raise StatisticsError("must have at least two data points")
    out = []
    if method == "inclusive":
        m = size - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            out.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return out
    if method == "exclusive":
        m = size + 1
        for i in range(1, n):
            j = min(max(i * m // n, 1), size - 1)
            delta = i * m - j * n
            out.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return out
    raise ValueError("Unknown method: %r" % (method,))


def _deviations(data, c):
    # (type, squared deviations' sum as an exact fraction, count); from the given mean c if there is one
    if c is not None:
        t, n, ss, _ = _exact_sums([(x - c) * (x - c) for x in data], False)
        return t, ss, n
    t, n, sx, sxx = _exact_sums(data, True)
    if not n:
        return t, _Fraction(0), 0
    if not isinstance(sx, _Fraction):
        return t, sx, n
    return t, (n * sxx - sx * sx) / n, n


def variance(data, xbar=None):
    t, ss, n = _deviations(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _as(ss / (n - 1), t)


def pvariance(data, mu=None):
    t, ss, n = _deviations(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _as(ss / n, t)


def _sqrt(q):
    # the square root of the fraction q, correctly rounded to a float: an integer root with at least
    # 55 significant bits and a sticky last bit when inexact, then one rounding in the division
    n, d = q.numerator, q.denominator
    k = (n.bit_length() - d.bit_length() - 109) // 2
    if k >= 0:
        d <<= 2 * k
    else:
        n <<= -2 * k
    r = _math.isqrt(n // d)
    if r * r * d != n:
        r |= 1
    return r * 2.0**k if k >= 0 else r / (1 << -k)


def stdev(data, xbar=None):
    t, ss, n = _deviations(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt(ss / (n - 1))


def pstdev(data, mu=None):
    t, ss, n = _deviations(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt(ss / n)
`;

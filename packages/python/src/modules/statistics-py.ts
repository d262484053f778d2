/**
 * The statistics module's Python code (compiled at `import statistics`; modules/course.ts hands it over, in
 * the page from the interpreter's on-demand chunk): mean, fmean, geometric_mean, harmonic_mean, median,
 * median_low, median_high, mode, multimode, quantiles, variance, pvariance, stdev, pstdev and
 * StatisticsError. As in python3, sums and squared deviations are exact fractions (fractions.Fraction), the
 * result's type follows the data's (ints give an int where the result is whole, else a float; Fractions a
 * Fraction), the standard deviations are correctly rounded square roots, and the errors are python3's
 * ("mean requires at least one data point", "no median for empty data"…).
 * median_grouped, covariance, correlation, linear_regression (fsum sums as python3's) and NormalDist (pdf,
 * cdf, inv_cdf, quantiles, overlap, zscore, samples, from_samples, arithmetic, repr, equality, hash): cdf
 * needs erf, which pyheap's math has not, so _erf evaluates the rational approximations glibc's erf uses
 * (fdlibm's, glibc's grouping of the terms), and inv_cdf Wichura's AS241 as python3 does.
 * What differs: no Decimal data (pyheap has no decimal); exp is correctly rounded here, glibc's is not
 * always, so pdf and cdf can differ from python3's in the last digit for rare inputs.
 */
export const STATISTICS_PY = `
import math as _math
from fractions import Fraction as _Fraction
from collections import Counter as _Counter, namedtuple as _namedtuple
from bisect import bisect_left as _bisect_left, bisect_right as _bisect_right

__all__ = ["NormalDist", "StatisticsError", "correlation", "covariance", "fmean", "geometric_mean", "harmonic_mean", "linear_regression", "mean", "median", "median_grouped", "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"]


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


def median_grouped(data, interval=1.0):
    data, n = _sorted(data)
    x = data[n // 2]
    lo = _bisect_left(data, x)
    hi = _bisect_right(data, x, lo=lo)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    return x - interval / 2.0 + interval * (n / 2 - lo) / (hi - lo)


def _sizes(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError(what + " requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError(what + " requires at least two data points")
    return n


def _paired(x, y, what):
    n = _sizes(x, y, what)
    mx = _math.fsum(x) / n
    my = _math.fsum(y) / n
    return n, mx, my, _math.fsum([(a - mx) * (b - my) for a, b in zip(x, y)])


def _sq_dev(xs, m):
    return _math.fsum([(v - m) * (v - m) for v in xs])


def covariance(x, y, /):
    n, _, _, sxy = _paired(x, y, "covariance")
    return sxy / (n - 1)


def correlation(x, y, /):
    n, mx, my, sxy = _paired(x, y, "correlation")
    try:
        return sxy / _math.sqrt(_sq_dev(x, mx) * _sq_dev(y, my))
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = _namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    if proportional:
        _sizes(x, y, "linear regression")
        sxy = _math.fsum([a * b for a, b in zip(x, y)])
        sxx = _math.fsum([a * a for a in x])
    else:
        n, mx, my, sxy = _paired(x, y, "linear regression")
        sxx = _sq_dev(x, mx)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    return LinearRegression(slope=slope, intercept=0.0 if proportional else my - slope * mx)


def _grouped(c, t):
    # c[0] + t*c[1] + t**2*(c[2] + t*c[3]) + t**4*(...) ..., summed in that grouping (glibc's erf)
    t2 = t * t
    t4 = t2 * t2
    powers = (1.0, t2, t4, t4 * t2, t4 * t4)
    total = 0.0
    for k in range(0, len(c), 2):
        term = c[k] + t * c[k + 1] if k + 1 < len(c) else c[k]
        total = term if k == 0 else total + powers[k // 2] * term
    return total


# erf's rational approximations on [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35) and [1/0.35, 6)
_ERF_P = (1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05)
_ERF_Q = (1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06)
_ERF_PA = (-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03)
_ERF_QA = (1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02)
_ERF_RA = (-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00)
_ERF_SA = (1.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02)
_ERF_RB = (-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02)
_ERF_SB = (1.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01)
_ERX = 8.45062911510467529297e-01
_EFX = 1.28379167095512586316e-01


def _erf(x):
    a = _math.fabs(x)
    if a != a:
        return x
    if a < 0.84375:
        if a < 2.0 ** -28:
            if a < 2.0 ** -1015:
                return 0.0625 * (16.0 * x + (16.0 * _EFX) * x)
            return x + _EFX * x
        z = x * x
        return x + x * (_grouped(_ERF_P, z) / _grouped(_ERF_Q, z))
    if a < 1.25:
        s = a - 1.0
        d = _grouped(_ERF_PA, s) / _grouped(_ERF_QA, s)
        return _ERX + d if x > 0 else -_ERX - d
    if a >= 6.0:
        return _math.copysign(1.0, x)
    s = 1.0 / (a * a)
    if a < 2.8571434020996094:
        d = _grouped(_ERF_RA, s) / _grouped(_ERF_SA, s)
    else:
        d = _grouped(_ERF_RB, s) / _grouped(_ERF_SB, s)
    m, e = _math.frexp(a)
    z = _math.ldexp(_math.floor(m * 2097152.0), e - 21)
    r = _math.exp(-z * z - 0.5625) * _math.exp((z - a) * (z + a) + d) / a
    return 1.0 - r if x > 0 else r - 1.0


def _horner(c, t):
    acc = c[0]
    for k in c[1:]:
        acc = acc * t + k
    return acc


# Wichura's AS241: numerators and denominators, highest degree first, for |p - 0.5| <= 0.425, then r <= 5
# and r > 5 with r = sqrt(-log(the smaller tail))
_AS241 = (
    ((2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4, 4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3, 1.3314166789178437745e+2, 3.3871328727963666080e+0),
     (5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4, 2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1.0)),
    ((7.7454501427834140764e-4, 2.2723844989269184583e-2, 2.4178072517745061177e-1, 1.2704582524523683826e+0, 3.6478483247632046050e+0, 5.7694972214606914055e+0, 4.6303378461565452959e+0, 1.4234371107496835773e+0),
     (1.0507500716444168432e-9, 5.4759380849953449460e-4, 1.5198666563616457197e-2, 1.4810397642748007459e-1, 6.8976733498510000455e-1, 1.6763848301838038494e+0, 2.0531916266377588219e+0, 1.0)),
    ((2.0103343992922881327e-7, 2.7115555687434875782e-5, 1.2426609473880784386e-3, 2.6532189526576123093e-2, 2.9656057182850489123e-1, 1.7848265399172913358e+0, 5.4637849111641143699e+0, 6.6579046435011037772e+0),
     (2.0442631033899397856e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.8686913114561325910e-4, 1.4875361290850614853e-2, 1.3692988092273580531e-1, 5.9983220655588793769e-1, 1.0)),
)


def _inv_cdf(p, mu, sigma):
    q = p - 0.5
    if _math.fabs(q) <= 0.425:
        r = 0.180625 - q * q
        num, den = _AS241[0]
        return mu + _horner(num, r) * q / _horner(den, r) * sigma
    r = _math.sqrt(-_math.log(p if q <= 0.0 else 1.0 - p))
    if r <= 5.0:
        num, den = _AS241[1]
        r = r - 1.6
    else:
        num, den = _AS241[2]
        r = r - 5.0
    x = _horner(num, r) / _horner(den, r)
    return mu + (-x if q < 0.0 else x) * sigma


class NormalDist:
    "Normal distribution of a random variable"

    __slots__ = {"_mu": "Arithmetic mean of a normal distribution", "_sigma": "Standard deviation of a normal distribution"}

    def __init__(self, mu=0.0, sigma=1.0):
        "NormalDist where mu is the mean and sigma is the standard deviation."
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        "Make a normal distribution instance from sample data."
        _, n, sx, sxx = _exact_sums(data, True)
        if n < 2:
            raise StatisticsError("stdev requires at least two data points")
        if not isinstance(sx, _Fraction):
            return cls(float(sx), float(sx) / float(sx))
        return cls(float(sx / n), _sqrt((n * sxx - sx * sx) / n / (n - 1)))

    def samples(self, n, *, seed=None):
        "Generate *n* samples for a given mean and standard deviation."
        import random
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        return [gauss(self._mu, self._sigma) for i in range(n)]

    def pdf(self, x):
        "Probability density function.  P(x <= X < x+dx) / dx"
        v = self._sigma * self._sigma
        if not v:
            raise StatisticsError("pdf() not defined when sigma is zero")
        d = x - self._mu
        return _math.exp(d * d / (-2.0 * v)) / _math.sqrt(_math.tau * v)

    def cdf(self, x):
        "Cumulative distribution function.  P(X <= x)"
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + _erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        "Inverse cumulative distribution function.  x : P(X <= x) = p"
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0:
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return _inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        "Divide into *n* continuous intervals with equal probability."
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        "Compute the overlapping coefficient (OVL) between two normal distributions."
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        a, b = self, other
        if (b._sigma, b._mu) < (a._sigma, a._mu):
            a, b = b, a
        va, vb = a.variance, b.variance
        if not va or not vb:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = vb - va
        dm = _math.fabs(b._mu - a._mu)
        if not dv:
            return 1.0 - _erf(dm / (2.0 * a._sigma * _SQRT2))
        u = a._mu * vb - b._mu * va
        w = a._sigma * b._sigma * _math.sqrt(dm * dm + dv * _math.log(vb / va))
        x1 = (u + w) / dv
        x2 = (u - w) / dv
        return 1.0 - (_math.fabs(b.cdf(x1) - a.cdf(x1)) + _math.fabs(b.cdf(x2) - a.cdf(x2)))

    def zscore(self, x):
        "Compute the Standard Score.  (x - mean) / stdev"
        if not self._sigma:
            raise StatisticsError("zscore() not defined when sigma is zero")
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        "Arithmetic mean of the normal distribution."
        return self._mu

    @property
    def median(self):
        "Return the median of the normal distribution"
        return self._mu

    @property
    def mode(self):
        "Return the mode of the normal distribution"
        return self._mu

    @property
    def stdev(self):
        "Standard deviation of the normal distribution."
        return self._sigma

    @property
    def variance(self):
        "Square of the standard deviation."
        return self._sigma * self._sigma

    def __add__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu + other._mu, _math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu + other, self._sigma)

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu - other._mu, _math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu - other, self._sigma)

    def __mul__(self, k):
        return NormalDist(self._mu * k, self._sigma * _math.fabs(k))

    def __truediv__(self, k):
        return NormalDist(self._mu / k, self._sigma / _math.fabs(k))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    __radd__ = __add__

    def __rsub__(self, other):
        return -(self - other)

    __rmul__ = __mul__

    def __eq__(self, other):
        if not isinstance(other, NormalDist):
            return NotImplemented
        return self._mu == other._mu and self._sigma == other._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f"{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})"

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


_SQRT2 = _math.sqrt(2.0)
`;

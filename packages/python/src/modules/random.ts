/**
 * The `random` module: python3's Mersenne Twister (MT19937) seeded as python3 seeds it (an int by its
 * 32-bit words, a str/bytes by the int of its bytes and their SHA-512, other values by hash(), None from
 * the system's entropy), so that a seeded program draws python3's numbers: random(), getrandbits(),
 * randrange/randint, choice, choices, shuffle, sample, uniform, triangular, randbytes, getstate/setstate. The
 * generator's state is kept beside the heap (per Random object); the rest is Python code, as in python3.
 * Not here: the distributions that need the C library's log/exp/sin (gauss, normalvariate, expovariate,
 * …), SystemRandom, binomialvariate.
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type NativeFn } from "../vm/types.js";
import type { VM } from "../vm/vm.js";
import { warn } from "./warnings.js";

const N = 624;
const M = 397;

/** One generator's state: 624 words and the index of the next one. */
interface Twister {
  mt: Uint32Array;
  i: number;
}

function initGenrand(s: number): Twister {
  const mt = new Uint32Array(N);
  mt[0] = s >>> 0;
  for (let k = 1; k < N; k++) mt[k] = Math.imul(1812433253, mt[k - 1] ^ (mt[k - 1] >>> 30)) + k;
  return { mt, i: N };
}

/** The state from a key of 32-bit words (init_by_array of the reference implementation). */
function initByArray(key: Uint32Array): Twister {
  const t = initGenrand(19650218);
  const mt = t.mt;
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return t;
}

function nextWord(t: Twister): number {
  const mt = t.mt;
  if (t.i >= N) {
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    t.i = 0;
  }
  let y = mt[t.i++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** The 32-bit words of a non-negative int, least significant first (one word for 0). */
function words(n: bigint): Uint32Array {
  const out: number[] = [];
  do {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return Uint32Array.from(out);
}

// SHA-512 (FIPS 180-4), for seeds given as str or bytes
const K512 = (() => {
  // the first 64 bits of the fractional parts of the cube roots of the first 80 primes
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => fracRootBits(BigInt(p), 3));
})();

/** The first 64 bits of the fractional part of p ** (1/k), exactly (integer root of p << 64k). */
function fracRootBits(p: bigint, k: number): bigint {
  const scaled = p << BigInt(64 * k);
  // integer k-th root by Newton's method from above
  let x = 1n << BigInt(Math.ceil((scaled.toString(2).length + 1) / k));
  for (;;) {
    const y = ((BigInt(k) - 1n) * x + scaled / x ** BigInt(k - 1)) / BigInt(k);
    if (y >= x) break;
    x = y;
  }
  return x & ((1n << 64n) - 1n);
}

function sha512(data: Uint8Array): Uint8Array {
  const mask = (1n << 64n) - 1n;
  const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & mask;
  const firstPrimes = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n];
  const H = firstPrimes.map((p) => fracRootBits(p, 2));
  const len = data.length;
  const total = Math.ceil((len + 17) / 128) * 128;
  const msg = new Uint8Array(total);
  msg.set(data);
  msg[len] = 0x80;
  const bits = BigInt(len) * 8n;
  for (let k = 0; k < 16; k++) msg[total - 1 - k] = Number((bits >> BigInt(8 * k)) & 0xffn);
  const W: bigint[] = new Array(80);
  for (let off = 0; off < total; off += 128) {
    for (let t = 0; t < 16; t++) {
      let w = 0n;
      for (let b = 0; b < 8; b++) w = (w << 8n) | BigInt(msg[off + 8 * t + b]);
      W[t] = w;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(W[t - 15], 1n) ^ rotr(W[t - 15], 8n) ^ (W[t - 15] >> 7n);
      const s1 = rotr(W[t - 2], 19n) ^ rotr(W[t - 2], 61n) ^ (W[t - 2] >> 6n);
      W[t] = (W[t - 16] + s0 + W[t - 7] + s1) & mask;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & mask & g);
      const t1 = (h + S1 + ch + K512[t] + W[t]) & mask;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & mask;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & mask, c, b, a, (t1 + t2) & mask];
    }
    [a, b, c, d, e, f, g, h].forEach((v, k) => (H[k] = (H[k] + v) & mask));
  }
  const out = new Uint8Array(64);
  H.forEach((v, k) => {
    for (let b = 0; b < 8; b++) out[8 * k + b] = Number((v >> BigInt(56 - 8 * b)) & 0xffn);
  });
  return out;
}

/** The natives the module's Python code calls; generators are kept per Random object (by address). */
export function randomNatives(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  const states = new Map<Obj, Twister>();
  const entropy = (): Twister => {
    const key = new Uint32Array(N);
    const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): void } }).crypto;
    if (c?.getRandomValues) c.getRandomValues(key);
    else for (let k = 0; k < N; k++) key[k] = Math.floor(Math.random() * 2 ** 32);
    return initByArray(key);
  };
  const state = (o: Obj): Twister => {
    let t = states.get(o);
    if (!t) states.set(o, (t = entropy()));
    return t;
  };
  return {
    _seed: (args) => {
      const [self, a] = args;
      let t: Twister;
      if (a === vm.None) t = entropy();
      else {
        const k = vm.kindOf(a);
        // an int by its absolute value; anything else by its hash as an unsigned 64-bit number
        const n = k === Kind.INT || k === Kind.BOOL ? vm.h.readInt(a) : BigInt.asUintN(64, vm.hash(a));
        t = initByArray(words(n < 0n ? -n : n));
      }
      states.set(self, t);
      return vm.none();
    },
    _random: (args) => {
      const t = state(args[0]);
      const a = nextWord(t) >>> 5;
      const b = nextWord(t) >>> 6;
      return h.newFloat((a * 67108864 + b) / 9007199254740992);
    },
    _getrandbits: (args) => {
      const t = state(args[0]);
      let k = vm.index(args[1]);
      if (k < 0n) vm.raise("ValueError", "number of bits must be non-negative");
      if (k <= 32n) return vm.newInt(k === 0n ? 0n : BigInt(nextWord(t) >>> (32 - Number(k))));
      let r = 0n;
      for (let shift = 0n; k > 0n; shift += 32n, k -= 32n) {
        let w = nextWord(t);
        if (k < 32n) w >>>= 32 - Number(k);
        r |= BigInt(w) << shift;
      }
      return vm.newInt(r);
    },
    _getstate: (args) => {
      const t = state(args[0]);
      const items = [...t.mt].map((w) => vm.newInt(BigInt(w)));
      items.push(vm.newInt(BigInt(t.i)));
      const tup = h.newTuple(items);
      for (const x of items) vm.decref(x);
      return tup;
    },
    _setstate: (args) => {
      const [self, s] = args;
      if (vm.kindOf(s) !== Kind.TUPLE) vm.typeError("state vector must be a tuple");
      const items = vm.tupleItems(s);
      if (items.length !== N + 1) vm.raise("ValueError", "state vector is the wrong size");
      const mt = new Uint32Array(N);
      items.slice(0, N).forEach((x, k) => {
        if (vm.kindOf(x) !== Kind.INT && vm.kindOf(x) !== Kind.BOOL) vm.typeError("an integer is required");
        const w = vm.h.readInt(x);
        if (w < 0n) vm.raise("OverflowError", "can't convert negative int to unsigned");
        if (w >= 1n << 64n) vm.raise("OverflowError", "Python int too large to convert to C unsigned long");
        mt[k] = Number(w & 0xffffffffn);
      });
      const i = Number(vm.index(items[N]));
      if (i < 0 || i > N) vm.raise("ValueError", "invalid state");
      states.set(self, { mt, i });
      return vm.none();
    },
    _sha512: (args) => h.newBytes(sha512(h.readBytes(args[0]))),
    // a new Random object: no state yet (one kept for a freed object at the same address is dropped)
    _forget: (args) => (states.delete(args[0]!), vm.none()),
    // warnings.warn(message, DeprecationWarning, 2) in randrange, which called _as_int, which called this
    _deprecated: (args) => (warn(vm, "DeprecationWarning", args[0]!, 3), vm.none()),
  };
}

/** The module's Python part: the Random class over the natives, and the module's functions bound to one
 *  instance of it. */
export function randomSource(): string {
  return RANDOM_PY;
}

const RANDOM_PY = `
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin, tau as TWOPI, floor as _floor, isfinite as _isfinite

_int = int

_bad_seed = "The only supported seed types are: None,\\nint, float, str, bytes, and bytearray."
_sequences = (list, tuple, str, range, bytes, bytearray)


def _bisect(a, x, hi):
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _as_int(v, what):
    try:
        return v.__index__() if type(v) is not _int else v
    except (AttributeError, TypeError):
        pass
    i = _int(v)
    if i != v:
        _deprecated("randrange() will raise TypeError in the future")
        raise ValueError("non-integer " + what + " for randrange()")
    _deprecated("non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version")
    return i


class Random:
    VERSION = 3

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _forget(self)
        return self

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode("latin-1") if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + _sha512(bytes(a)), "big")
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError(_bad_seed)
        _seed(self, a)
        self.gauss_next = None

    def random(self):
        return _random(self)

    def getrandbits(self, k):
        return _getrandbits(self, k)

    def getstate(self):
        return self.VERSION, _getstate(self), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            _setstate(self, internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            internalstate = tuple(x % (2 ** 32) for x in internalstate)
            _setstate(self, internalstate)
        else:
            raise ValueError("state with version %s passed to Random.setstate() of version %s" % (version, self.VERSION))

    def __init_subclass__(cls, /, **kwargs):
        # the nearest class of the MRO that defines _randbelow, getrandbits or random decides how integers
        # are drawn: getrandbits' bits, or (a random() of its own only) random()'s 53 bits
        for c in cls.__mro__:
            d = c.__dict__
            if "_randbelow" in d:
                break
            if "getrandbits" in d:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if "random" in d:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow_with_getrandbits(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    _randbelow = _randbelow_with_getrandbits

    def _randbelow_without_getrandbits(self, n, maxsize=1 << 53):
        # (python3 also warns when n >= maxsize; not here)
        random = self.random
        if n >= maxsize:
            return int(random() * n)
        # draws at or past the last whole multiple of n below maxsize are refused, so every residue is as likely
        limit = (maxsize - maxsize % n) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return int(r * maxsize) % n

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randrange(self, start, stop=None, step=1):
        istart = _as_int(start, "arg 1") if type(start) is not _int else start
        if stop is None:
            if step != 1 or type(step) is not _int:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _as_int(stop, "stop") if type(stop) is not _int else stop
        width = istop - istart
        istep = _as_int(step, "step") if type(step) is not _int else step
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if not isinstance(population, _sequences):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = []
            total = 0
            for c in counts:
                total = total + c
                cum_counts.append(total)
            if len(cum_counts) != n:
                raise ValueError("The number of counts does not match the population")
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s, len(cum_counts))] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            # 4 ** ceil(log4(3k)): the smallest power of four at or above 3k (never equal to it)
            p = 1
            while p < k * 3:
                p *= 4
            setsize += p
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[int(random() * n)] for i in range(k)]
            try:
                cum_weights = []
                total = None
                for w in weights:
                    total = w if total is None else total + w
                    cum_weights.append(total)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(f"The number of choices must be a keyword argument: {k=}") from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if total != total or total in (float("inf"), float("-inf")):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, hi)] for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * (u * c) ** 0.5

    # the distributions below draw as python3's do (same draws, same formulas), so a seed gives its numbers
    def normalvariate(self, mu=0.0, sigma=1.0):
        from math import exp, log, sqrt
        k = 4 * exp(-0.5) / sqrt(2.0)
        while True:
            a = self.random()
            b = 1.0 - self.random()
            z = k * (a - 0.5) / b
            if z * z / 4.0 <= -log(b):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            from math import cos, log, sin, sqrt, tau
            angle = self.random() * tau
            radius = sqrt(-2.0 * log(1.0 - self.random()))
            z = cos(angle) * radius
            self.gauss_next = sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        from math import exp
        return exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        from math import log
        return -log(1.0 - self.random()) / lambd

    def paretovariate(self, alpha):
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        from math import log
        return alpha * (-log(1.0 - self.random())) ** (1.0 / beta)


    def gammavariate(self, alpha, beta):
        # R. C. H. Cheng's method for alpha > 1, Ahrens and Dieter's GS for alpha < 1
        from math import e, exp, log, sqrt
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        if alpha > 1.0:
            a = sqrt(2.0 * alpha - 1.0)
            b = alpha - log(4.0)
            c = alpha + a
            while True:
                u1 = self.random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - self.random()
                v = log(u1 / (1.0 - u1)) / a
                x = alpha * exp(v)
                z = u1 * u1 * u2
                r = b + c * v - x
                if r + 1.0 + log(4.5) - 4.5 * z >= 0.0 or r >= log(z):
                    return x * beta
        if alpha == 1.0:
            return -log(1.0 - self.random()) * beta
        while True:
            b = (e + alpha) / e
            p = b * self.random()
            x = p ** (1.0 / alpha) if p <= 1.0 else -log((b - p) / alpha)
            u = self.random()
            if u <= (exp(-x) if p <= 1.0 else x ** (alpha - 1.0)):
                return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        return y / (y + self.gammavariate(beta, 1.0)) if y else 0.0

    def vonmisesvariate(self, mu, kappa):
        # Best and Fisher's method
        from math import acos, cos, exp, pi, sqrt, tau
        if kappa <= 1e-6:
            return tau * self.random()
        s = 0.5 / kappa
        r = s + sqrt(1.0 + s * s)
        while True:
            z = cos(pi * self.random())
            d = z / (r + z)
            u = self.random()
            if u < 1.0 - d * d or u <= (1.0 - d) * exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        return (mu + acos(f) if self.random() > 0.5 else mu - acos(f)) % tau

_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
getstate = _inst.getstate
setstate = _inst.setstate
randrange = _inst.randrange
randint = _inst.randint
choice = _inst.choice
choices = _inst.choices
shuffle = _inst.shuffle
sample = _inst.sample
uniform = _inst.uniform
triangular = _inst.triangular
randbytes = _inst.randbytes
normalvariate = _inst.normalvariate
gauss = _inst.gauss
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
gammavariate = _inst.gammavariate
betavariate = _inst.betavariate
vonmisesvariate = _inst.vonmisesvariate
`;

# repeating a sequence past what an index or the memory holds: OverflowError for str and bytes, MemoryError for
# tuple and list (CPython's checks before it allocates), the count itself past sys.maxsize an OverflowError
import sys
for f in [lambda: 'ab' * 2**62, lambda: 'a' * 2**63, lambda: 'a' * sys.maxsize, lambda: b'ab' * 2**62, lambda: b'a' * 2**63, lambda: [0, 1] * 2**62, lambda: [0] * 2**63,
          lambda: (0, 1) * 2**62, lambda: (0,) * 10**10, lambda: bytearray(b'ab') * 2**62, lambda: 'abc' * -2**70, lambda: [1] * -2**70, lambda: 2**62 * 'ab', lambda: 'é' * (2**62)]:
    try:
        x = f()
        print("ok", len(x))
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, repr(e))

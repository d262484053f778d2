# sys.flags: a struct sequence of 18 fields (those that do not depend on how python3 was started), made on
# first use; its class makes no instances
import sys
f = sys.flags
print(type(f).__name__, len(f), f.optimize, f.debug, f.dev_mode, f.safe_path, f.int_max_str_digits, f.isolated, f[3], f is sys.flags, isinstance(f, tuple))
print(sys.flags.n_fields, sys.flags.n_sequence_fields, repr(f)[:40])
for g in [lambda: type(f)(), lambda: type(f)((0,) * 18), lambda: setattr(f, 'debug', 1)]:
    try:
        g()
    except Exception as e:
        print(type(e).__name__, e)

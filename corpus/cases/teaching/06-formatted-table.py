# A report table with f-string format specs: alignment, width, thousands separators, precision, bases and nested widths
rows = [("Alice", 34, 55000.5), ("Bob", 7, 120.0), ("Christopher", 102, 1234567.891), ("Di", -3, -0.5)]
print(f"{'Name':<12}|{'Age':>5}|{'Salary':>14}|")
print("-" * 12 + "+" + "-" * 5 + "+" + "-" * 14 + "+")
for name, age, sal in rows:
    print(f"{name:<12}|{age:>5d}|{sal:>14,.2f}|")
print(f"{'total':^12}|{sum(r[1] for r in rows):>5}|{sum(r[2] for r in rows):>14.3e}|")
for n in [0, 1, -1, 255, 65535, 10**10]:
    print(f"{n:>12} {n:>#10x} {n:08b} {n:+o} {n:_} {n:,}")
for x in [3.14159, -2.5, 1e-7, 123456789.0, float('inf'), float('nan'), 0.0, -0.0]:
    print(f"{x:10.3f}|{x:<10.2e}|{x:^10g}|{x:%}|{x!r}")
print("{:*^20}".format("centered"), "{0}{1}{0}".format("ab", "cd"), "{name}={val:.1f}".format(name="pi", val=3.14159))
print("%-10s|%5d|%7.2f|%x|%r" % ("left", 42, 2.71828, 255, "q"))
print("%(a)s and %(b)05d" % {"a": "A", "b": 7})
w = 8
print(f"{'dyn':>{w}}|{3.14159:.{w-5}f}|")
print(f"{12345.678:,.1f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-1234:,d}")
print(format(1234.5, "08.1f"), format(-42, "=+8d"), format("s", "~^7"))
for i in range(1, 6):
    print(" ".join(f"{i*j:3}" for j in range(1, 6)))
print(f"{True:>5} {None!s:>6} {[1,2]!r:>10}")

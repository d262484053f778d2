# time in a course program: timing a loop with perf_counter/time/monotonic, sleep, the _ns clocks and errors (only derived facts printed)
import time


def work(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


start = time.perf_counter()
wall0, mono0, cpu0, ns0 = time.time(), time.monotonic(), time.process_time(), time.perf_counter_ns()
result = work(20000)
time.sleep(0.02)
elapsed = time.perf_counter() - start
wall1, mono1, cpu1, ns1 = time.time(), time.monotonic(), time.process_time(), time.perf_counter_ns()
print("result", result)
print("elapsed is a float:", type(elapsed).__name__, "at least the sleep:", elapsed >= 0.02, "under a minute:", elapsed < 60)
print("clocks move forward:", wall1 >= wall0, mono1 >= mono0 + 0.02, cpu1 >= cpu0, ns1 - ns0 >= 20_000_000)
print("types:", [type(f()).__name__ for f in (time.time, time.perf_counter, time.monotonic, time.process_time)])
print("ns types:", [type(f()).__name__ for f in (time.time_ns, time.perf_counter_ns, time.monotonic_ns, time.process_time_ns)])
print("epoch seconds after 2023:", time.time() > 1.7e9, "ns and seconds agree:", abs(time.time_ns() / 1e9 - time.time()) < 5)
print("sleep returns", time.sleep(0), time.sleep(0.001))

timings = []
for n in (1000, 2000):
    t0 = time.perf_counter()
    work(n)
    timings.append(time.perf_counter() - t0)
print("all timings non-negative:", all(t >= 0 for t in timings), len(timings))

for bad in ["1", -0.5, float("nan"), None]:
    try:
        time.sleep(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    time.time(0)
except TypeError as e:
    print("TypeError:", e)

# Lab 3: projectile motion. The starter code writes floats the old way: 9.81, 0., 2.*v, 1/3.
import math

g = 9.81
dt = 1/100.
angles = [15., 30., 45., 60., 75.]

def flight(v0, angle_deg):
    a = math.radians(angle_deg)
    vx, vy = v0 * math.cos(a), v0 * math.sin(a)
    x, y, t, peak = 0., 0., 0., 0.
    while y >= 0.:
        x += vx * dt
        y += vy * dt
        vy -= g * dt
        t += dt
        peak = max(peak, y)
    return x, peak, t

print(f"{'angle':>6} {'range':>8} {'peak':>7} {'time':>6} {'exact':>8}")
for ang in angles:
    x, peak, t = flight(20., ang)
    exact = 20. ** 2 * math.sin(2. * math.radians(ang)) / g
    print(f"{ang:6.1f} {x:8.3f} {peak:7.3f} {t:6.2f} {exact:8.3f}")

print(1/3., 2.*3, 10.//4, 7.%2., -1., 1.e3, 2.E-2, 3.j, 1_000., 1..__class__.__name__)
print([i / 2. for i in range(5)], {1.: "one"}, (0.,), 5. == 5, type(5.).__name__)
third = 1/3.
print(f"{third:.5f} {2.:>6} {third * 3. == 1.}")
weights = [70., 82.5, 64.]
print(sum(weights) / len(weights), max(weights) - min(weights))
print(round(2.5), round(3.5), round(2.675, 2), 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))

# Vectors and angles: polar coordinates, the angle between two vectors, a robot's heading
import math
import random

def polar(x, y):
    return math.hypot(x, y), math.atan2(y, x)

def angle_between(u, v):
    dot = u[0] * v[0] + u[1] * v[1]
    return math.acos(dot / (math.hypot(*u) * math.hypot(*v)))

points = [(1, 0), (1, 1), (0, 2), (-3, 4), (-1, -1), (2.5, -0.5), (0.1, 1e-3)]
for x, y in points:
    r, theta = polar(x, y)
    print(f"({x:>5}, {y:>6}) r={r:.6f} theta={theta!r} ({math.degrees(theta):.4f} deg)")

pairs = [((1, 0), (0, 1)), ((3, 4), (4, 3)), ((1, 2), (-2, 1.5)), ((2, 2), (1, 0.2))]
for u, v in pairs:
    a = angle_between(u, v)
    print(u, v, a, round(math.degrees(a), 9))

# a triangle's angles from its sides (law of cosines), then the same with asin
a, b, c = 7.0, 5.0, 4.5
A = math.acos((b * b + c * c - a * a) / (2 * b * c))
B = math.asin(b * math.sin(A) / a)
print(A, B, math.pi - A - B, math.degrees(A + B))

# a robot turning towards random targets, heading kept in (-pi, pi]
random.seed(17)
x = y = heading = 0.0
for step in range(8):
    tx, ty = random.uniform(-10, 10), random.uniform(-10, 10)
    want = math.atan2(ty - y, tx - x)
    turn = (want - heading + math.pi) % (2 * math.pi) - math.pi
    heading = want
    dist = math.dist((x, y), (tx, ty))
    x, y = tx, ty
    print(f"step {step}: turn {math.degrees(turn):+9.3f} deg, go {dist:7.3f} -> heading {heading!r}")
print(math.atan(1) * 4 == math.pi, math.atan(0.5), math.asin(0.3), math.acos(-0.7), math.atan2(-0.0, -1.0))
wind = [random.vonmisesvariate(math.pi / 4, 2.0) for _ in range(4)]
print([round(w, 12) for w in wind], random.betavariate(2.0, 5.0), random.gammavariate(3.0, 2.0))

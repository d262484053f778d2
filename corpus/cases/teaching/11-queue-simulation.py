# A small bank-queue simulation with seeded random arrivals, service times, shuffles and gauss/normalvariate/expovariate draws
import random
random.seed(2024)
class Customer:
    next_id = 1
    def __init__(self, arrival):
        self.id = Customer.next_id
        Customer.next_id += 1
        self.arrival = arrival
        self.service = random.randint(1, 5)
    def __repr__(self):
        return f"C{self.id}(t={self.arrival},s={self.service})"

queue = []
waits = []
clock = 0
busy_until = 0
serving = None
log = []
for t in range(30):
    if random.random() < 0.4:
        c = Customer(t)
        queue.append(c)
        log.append(f"{t:2}: arrive {c}")
    if serving and t >= busy_until:
        log.append(f"{t:2}: done {serving}")
        serving = None
    if serving is None and queue:
        serving = queue.pop(0)
        waits.append(t - serving.arrival)
        busy_until = t + serving.service
        log.append(f"{t:2}: serve {serving} waited {t - serving.arrival}")
print("\n".join(log))
print("served", len(waits), "left in queue", len(queue))
if waits:
    print(f"avg wait {sum(waits) / len(waits):.2f}, max {max(waits)}")
print(random.choice("abcdef"), random.sample(range(100), 5), round(random.uniform(1, 2), 4))
deck = [f"{r}{s}" for s in "SHDC" for r in ["A", *map(str, range(2, 11)), "J", "Q", "K"]]
random.shuffle(deck)
print(len(deck), deck[:5])
hand = sorted(deck[:5])
print(hand)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
hist = {s: rolls.count(s) for s in range(2, 13)}
for s, n in hist.items():
    print(f"{s:2} {'#' * (n // 10)} {n}")
print(random.getrandbits(16), random.randrange(0, 100, 5), random.choices("xyz", k=4), round(random.gauss(0, 1), 12), round(random.normalvariate(5, 2), 12), round(random.expovariate(0.5), 12))

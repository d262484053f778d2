# A course-style program: grade book with namedtuples, grouping, counting and a queue of tasks.
import collections

Record = collections.namedtuple("Record", "student course grade")
records = [Record("ann", "math", 91), Record("bob", "math", 78), Record("ann", "art", 85),
           Record("cy", "art", 78), Record("bob", "cs", 91), Record("cy", "math", 64)]

by_student = collections.defaultdict(list)
for r in records:
    by_student[r.student].append(r.grade)
for name, grades in by_student.items():
    print(f"{name}: {grades} avg={sum(grades) / len(grades):.1f}")

grade_counts = collections.Counter(r.grade for r in records)
print(grade_counts.most_common(1), grade_counts[100], len(grade_counts))
letter = collections.Counter("A" if r.grade >= 90 else "B" if r.grade >= 75 else "C" for r in records)
print(sorted(letter.items()), letter)

words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
groups = collections.defaultdict(list)
for w in words:
    groups["".join(sorted(w))].append(w)
print([g for g in groups.values() if len(g) > 1])

tasks = collections.deque(["read", "write", "test"])
done = []
while tasks:
    t = tasks.popleft()
    if t == "write" and "fix" not in done:
        tasks.append("fix")
    done.append(t)
print(done, tasks)
print(type(records[0]).__mro__[1], collections.OrderedDict(sorted(by_student.items())))
print(records[0].__class__.__module__, collections.deque.__module__, collections.Counter.__name__)
try:
    records[0].grade = 100
except AttributeError:
    print("records are immutable")

# re: reading a log file with named groups
import re

LOG = """\
2024-11-27 10:00:01 INFO  server started on port 8080
2024-11-27 10:00:05 WARN  disk 91% full (/var)
2024-11-27 10:01:17 ERROR request /api/users failed: timeout after 30s
2024-11-27 10:01:18 INFO  GET /index.html 200 512B
2024-11-27 10:02:00 ERROR request /api/orders failed: 500
garbage line
2024-11-27 10:03:42 INFO  GET /style.css 304 0B
"""

LINE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]{8}) (?P<level>[A-Z]+)\s+(?P<msg>.*)")
by_level = {}
for line in LOG.splitlines():
    m = LINE.match(line)
    if not m:
        print("skipped:", repr(line))
        continue
    by_level.setdefault(m["level"], []).append(m["msg"])
for level, msgs in sorted(by_level.items()):
    print(level, len(msgs))

for msg in by_level["ERROR"]:
    m = re.search(r"request (\S+) failed: (.+)", msg)
    print(m.group(1), "->", m.group(2))

GET = re.compile(r"GET (?P<path>\S+) (?P<status>\d{3}) (?P<size>\d+)B")
total = 0
for m in GET.finditer(LOG):
    print(m.groupdict())
    total += int(m["size"])
print("bytes:", total)
times = re.findall(r"^\S+ (\d\d):(\d\d):(\d\d)", LOG, re.M)
print(times)
secs = [int(h) * 3600 + int(mi) * 60 + int(s) for h, mi, s in times]
print(max(secs) - min(secs), "seconds")
print(re.sub(r"\d+(?=%)", "XX", LOG.splitlines()[1]))

# sys.stdout's and sys.stderr's attributes assigned: python3's errors (read-only members, getsets that are not writable)
import sys
for stream in [sys.stdout, sys.stderr]:
    for n in ["encoding", "errors", "name", "line_buffering", "write_through", "closed", "newlines", "buffer"]:
        try:
            setattr(stream, n, "v")
            print(n, "set")
        except AttributeError as e:
            print(n, e)
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.name)

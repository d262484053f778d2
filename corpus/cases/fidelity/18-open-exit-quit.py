# open() of a missing file is FileNotFoundError; exit() and quit() raise SystemExit with their code
for args in [("no-such-file-here.txt",), ("no-such-file-here.txt", "r"), ("no-such-dir/x.bin", "rb")]:
    try:
        open(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, e)
try:
    with open("no-such-notes.txt") as fh:
        print(fh.read())
except FileNotFoundError as e:
    print("missing:", e)
try:
    exit(3)
except SystemExit as e:
    print("exit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.code)
exit("bye")

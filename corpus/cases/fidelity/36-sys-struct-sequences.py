# sys.version_info's class makes no instances; float_info's and int_info's make one from a sequence (none
# without one); their fields are read-only members
import sys
def attempt(f):
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
vt, ft = type(sys.version_info), type(sys.float_info)
attempt(lambda: vt())
attempt(lambda: vt((3, 11, 7, "final", 0)))
attempt(lambda: ft())
attempt(lambda: ft(range(11)))
attempt(lambda: ft(range(11)).dig)
attempt(lambda: type(sys.int_info)([30, 4, 4300, 640]))
def assign(o, name):
    try:
        setattr(o, name, 4)
    except AttributeError as e:
        print(type(e).__name__, e)
    try:
        delattr(o, name)
    except AttributeError as e:
        print(type(e).__name__, e)
assign(sys.version_info, "major")
assign(sys.float_info, "dig")
assign(sys.int_info, "bits_per_digit")
print(sys.version_info[:2], sys.float_info.dig, isinstance(sys.version_info, tuple))
sys.version_info.micro = 8

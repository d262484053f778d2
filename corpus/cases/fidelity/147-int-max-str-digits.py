# sys.set_int_max_str_digits / get_int_max_str_digits and the limit on int <-> decimal str conversion
import sys

print(sys.get_int_max_str_digits())
big = 10 ** 5000
for convert in (str, repr, lambda x: f"{x}", lambda x: "%d" % x, lambda x: format(x, ",")):
    try:
        convert(big)
    except ValueError as e:
        print(e)
for base in (10, 3, 36):
    try:
        int("1" * 4301, base)
    except ValueError as e:
        print(base, e)
print(len(hex(big)), int("1" * 4301, 16) % 1000, int("7" * 5000, 8) % 1000)
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))))
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(big)), int("9" * 5500) % 7)
try:
    str(10 ** 6000)
except ValueError as e:
    print(e)
for bad in (100, 640, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, e)
sys.set_int_max_str_digits(maxdigits=641)
try:
    str(10 ** 641)
except ValueError as e:
    print(e)
print(len(str(10 ** 640)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 20000)), len(str(int("5" * 20000))))
try:
    sys.set_int_max_str_digits("5000")
except TypeError as e:
    print(e)

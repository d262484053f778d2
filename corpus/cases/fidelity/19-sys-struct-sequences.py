# sys.float_info, sys.int_info and sys.hash_info are named tuples of the interpreter's number facts
import sys
fi = sys.float_info
print(fi)
print(type(fi), fi.max, fi.epsilon, fi[0] == fi.max, len(fi), fi.dig, isinstance(fi, tuple), fi.n_fields)
print(sys.int_info, sys.hash_info.modulus, sys.hash_info.algorithm, sys.int_info.bits_per_digit)
print(sys.float_info is sys.float_info, 1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0, fi.max * 2)
try:
    sys.no_such_thing
except AttributeError as e:
    print(e)

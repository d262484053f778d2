# math: every function's argument checks and errors, as python3 gives them
import math
tests = ["math.sqrt()", "math.sqrt(1, 2)", "math.sqrt('a')", "math.sqrt(-1)", "math.atan2(1)", "math.pow(1)", "math.log()", "math.log(1,2,3)", "math.log(0)", "math.log(-1)", "math.log(10, 1)", "math.log(10, 0)",
 "math.exp(1000)", "math.floor('a')", "math.floor(float('nan'))", "math.floor(float('inf'))", "math.factorial(5.0)", "math.factorial(-1)", "math.gcd(1.5)", "math.isqrt(-1)",
 "math.fmod(1, 0)", "math.pow(0, -1)", "math.pow(-8, 1/3)", "math.comb(5, -1)", "math.perm(-1)", "math.isclose(1)", "math.isclose(1, 2, 3)", "math.isclose(1, 2, rel_tol=-1)",
 "math.prod()", "math.dist([1], [1, 2])", "math.hypot('a')", "math.sin(float('inf'))", "math.acos(2)", "math.ldexp(1.0, 2000)", "math.sqrt(10**400)", "math.fsum([1, 'a'])", "math.trunc('a')", "math.ceil(None)",
 "math.degrees()", "math.copysign(1)", "math.frexp('x')", "math.modf(None)", "math.log2(0)", "math.log10(-5)", "math.lcm(1.0)", "math.factorial(10**20)", "math.cosh(1000)", "math.atanh(1)", "math.floor()", "math.floor(1, 2)", "math.exp2(2000)"]
for t in tests:
    try:
        print(t, "->", eval(t))
    except Exception as e:
        print(t, "->", type(e).__name__, e)

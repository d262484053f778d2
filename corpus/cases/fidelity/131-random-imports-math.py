# import random imports math (python3's random takes log, exp, pi, e, sqrt... from it): sys.modules has it after,
# and random's namespace has python3's names for them
import sys
import random
print('math' in sys.modules, random.TWOPI, random._pi, random._log(random._e))
random.seed(5)
print(random.random(), random.gauss(0, 1), random.randint(1, 9))
import math
print(math is sys.modules['math'])

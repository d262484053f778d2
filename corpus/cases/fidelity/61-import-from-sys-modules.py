# an import statement looks in sys.modules first: whatever a program stored there is what the import binds,
# and None there refuses the import
import sys
class Config:
    answer = 42
sys.modules['config'] = Config()
import config
print(type(config).__name__, config.answer)
from config import answer
print(answer)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
sys.modules['math'] = 'not the math module'
import math
print(math)
del sys.modules['math']
import math
print(type(math).__name__, math.floor(2.5))
class Empty:
    pass
sys.modules['plain'] = Empty()
try:
    from plain import missing
except ImportError as e:
    print(type(e).__name__, e, e.name)
sys.modules['klass'] = Empty
try:
    from klass import missing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import missing
except ImportError as e:
    print(type(e).__name__, e, e.name)

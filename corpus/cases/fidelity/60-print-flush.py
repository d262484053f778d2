# print(flush=True) calls the stream's flush() after writing (sys.stdout replaced, or file=); flush= is read
# as a truth value before anything is written; an error from flush() reaches the caller
import sys
log = []
class Stream:
    def write(self, s):
        log.append(('write', s))
    def flush(self):
        log.append(('flush',))
out = sys.stdout
sys.stdout = Stream()
print('a', 'b', flush=True)
print('c')
print('d', flush=1)
print('e', flush=[])
sys.stdout = out
print(log)
log.clear()
print('f', file=Stream(), flush=True)
print(log)
class BadFlush:
    def write(self, s):
        out.write('[' + s + ']')
    def flush(self):
        raise OSError('flush failed')
try:
    print('g', file=BadFlush(), flush=True)
except OSError as e:
    print('\nOSError', e)
class BadBool:
    def __bool__(self):
        raise ValueError('no truth value')
try:
    print('h', file=BadFlush(), flush=BadBool())
except ValueError as e:
    print('ValueError', e)
sys.stdout = None
print('nothing', flush=True)
sys.stdout = out
print('done', flush=True)

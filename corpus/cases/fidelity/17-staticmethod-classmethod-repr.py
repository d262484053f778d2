# staticmethod and classmethod objects show what they wrap
class C:
    @staticmethod
    def s():
        return 1
    @classmethod
    def c(cls):
        return cls.__name__
sm = C.__dict__["s"]
cm = C.__dict__["c"]
print(repr(sm).split(" at 0x")[0], repr(cm).split(" at 0x")[0], staticmethod(len), classmethod(len))
print(type(sm).__name__, sm.__func__ is C.s, C.s(), C.c(), C().c(), cm.__func__.__name__)

# The types module's CodeType, TracebackType, FrameType, MappingProxyType, CellType and descriptor types.
import types, sys
for n in ("CodeType", "TracebackType", "FrameType", "MappingProxyType", "CellType", "MethodDescriptorType",
          "WrapperDescriptorType", "MethodWrapperType"):
    t = getattr(types, n)
    print(n, t, t.__name__, t.__module__)
print(isinstance(sys._getframe(), types.FrameType), isinstance((lambda: 0).__code__, types.CodeType))
print(isinstance(int.__dict__, types.MappingProxyType), isinstance(list.append, types.MethodDescriptorType))
print(isinstance(object.__init__, types.WrapperDescriptorType), isinstance(object().__str__, types.MethodWrapperType))

# the gc functions check their arguments as python3 does (a missing argument to set_debug crashed)
import gc


class Zero:
    def __index__(self):
        return 0


calls = [
    "gc.is_tracked()", "gc.is_tracked(1, 2)", "gc.is_tracked(obj=1)", "gc.is_finalized()",
    "gc.enable(1)", "gc.enable(x=1)", "gc.disable(1)", "gc.isenabled(1)", "gc.get_count(1)",
    "gc.get_threshold(1)", "gc.get_stats(1)", "gc.freeze(1)", "gc.unfreeze(1)",
    "gc.get_freeze_count(1)", "gc.get_debug(1)",
    "gc.set_debug()", "gc.set_debug(x=1)", "gc.set_debug('x')", "gc.set_debug(1.5)",
    "gc.set_debug(2**70)", "gc.set_debug(Zero())", "gc.get_debug()",
    "gc.collect(1, 2)", "gc.collect(1, generation=1)", "gc.collect(gen=1)",
    "gc.collect(generation=None)", "gc.collect(None)", "gc.collect(1.0)", "gc.collect('1')",
    "gc.collect(2**70)", "gc.collect(-1)", "gc.collect(Zero())", "gc.collect(generation=2)",
    "gc.get_objects(1, 2)", "gc.get_objects(gen=1)", "gc.get_objects('a')",
    "gc.get_objects(1.5)", "type(gc.get_objects(Zero()))",
    "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)", "gc.set_threshold(1, x=2)",
    "gc.set_threshold('a')", "gc.set_threshold(1.5)", "gc.set_threshold(2**40)",
    "gc.set_threshold(-2**40)", "gc.set_threshold(700, 2**31)", "gc.get_threshold()",
    "gc.get_referents(x=1)", "gc.get_referrers(x=1)", "gc.get_referents()",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
    gc.set_threshold(700, 10, 10)

# string.Template subclasses with their own delimiter (one or more characters): substitute,
# safe_substitute, escapes, is_valid, get_identifiers and the invalid-placeholder error's line/column.
from string import Template


class Percent(Template):
    delimiter = "%"


class Double(Template):
    delimiter = "@@"


def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)


p = Percent("%who likes %{what} 100%% of $the time")
show(p.substitute, who="tim", what="kung pao")
show(p.safe_substitute, who="tim")
print(p.is_valid(), p.get_identifiers())
show(Percent("50% off").substitute)
show(Percent("50% off").safe_substitute)
show(Percent("line one\nand %").substitute)
print(Percent("a % b").is_valid(), Percent("%a %b %a").get_identifiers())

d = Double("@@name is @@{age}, @@@@ and @ and $x")
show(d.substitute, name="ann", age=7)
show(d.safe_substitute, age=7)
print(d.is_valid(), d.get_identifiers())
show(Double("x\ny @@1").substitute)
show(Double("@@").safe_substitute)
show(Template("$a costs $$5").substitute, a="it")

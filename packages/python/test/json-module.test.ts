// The json module against python3: dumps's text (indent, separators, sort_keys, ensure_ascii, key coercion,
// default=, subclasses of int/str/list, allow_nan), loads's values and its JSONDecodeError messages and
// positions, and an uncaught error's traceback (python3's json frames left out: its files are Python code
// at paths of python3's installation, which pyheap leaves out of a printed traceback, vm/exc-format.ts).
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, withoutFramesOf } from "./cpython.js";

const cpython = cpythonRunner("pyheap-json-");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("json", () => {
  it("decodes and reports errors as python3's scanner, encodes as its encoder", () =>
    expectSameAsPython(
      cpython,
      "json-table",
      lines(
        "import json",
        "tests = ['', ' ', '[1,]', '{\"a\":1,}', '{\"a\" 1}', '{a:1}', '[1 2]', '\"abc', '\"a\\x01\"', '\"\\\\x\"', '\"\\\\u12\"', '\"\\\\u12zz\"', '1.', '-', '-x', '01', '1e', '1e+', 'nul', 'tru', '[', '{', '{\"a\":', '{\"a\":1', '[1', '1 2', '\\ufeff1', 'NaN', '-Infinity', '[1,2]\\n  x', '\"\\\\ud83d\\\\ude00\"', '\"\\\\ud83d\"', '1.5e3', '-0', '-0.0', '1E400', '123456789012345678901234567890', '\"\\\\/\"', '{\"a\":1,\"a\":2}', '  {\"x\" : [ true , false , null ] }  ', '[1,\\n\\n 2,,]']",
        "for t in tests:",
        "    try:",
        "        print(repr(t), '->', repr(json.loads(t)))",
        "    except json.JSONDecodeError as e:",
        "        print(repr(t), 'ERR', e, e.msg, e.pos, e.lineno, e.colno, repr(e), e.args)",
        "for v in [float('nan'), float('inf'), -float('inf')]:",
        "    try: print(json.dumps(v, allow_nan=False))",
        "    except ValueError as e: print(e)",
        "try: json.loads(5)",
        "except TypeError as e: print(e)",
        "print(json.JSONDecodeError.__mro__, json.JSONDecodeError.__module__)",
        "try: json.dumps({(1,2):3})",
        "except TypeError as e: print(e)",
        "try: json.dumps({1:2, 'a':3}, sort_keys=True)",
        "except TypeError as e: print(e)",
        "print(json.dumps({1.5:1, True:2, None:3, 7:4, False:5}))",
        "print(json.dumps(\"\u00e9\\x7f\\U0001F600\\t\\\"\\\\\\x00/\", ensure_ascii=False), json.dumps(\"\u00e9\\x7f\\U0001F600\\t\\\"\\\\\\x00/\"))",
        "print(json.dumps([1,[2,{\"a\":[]}],{}, (3,4)], indent=2))",
        "print(json.dumps({\"b\":1,\"a\":[1,2]}, indent=\"\\t\", sort_keys=True))",
        "print(json.dumps({\"b\":1,\"a\":[1,2]}, indent=0))",
        "print(json.dumps({\"b\":1,\"a\":[1,2]}, separators=(',',':')))",
        "print(json.dumps([1.0, 1e16, 1e-7, 0.1, -0.0, 10**20, True, None]))",
        "a = []; a.append(a)",
        "try: json.dumps(a)",
        "except ValueError as e: print(e)",
        "d = {}; d['x'] = d",
        "try: json.dumps(d)",
        "except ValueError as e: print(e)",
        "class P: pass",
        "try: json.dumps([P()])",
        "except TypeError as e: print(e)",
        "print(json.dumps({\"p\": P()}, default=lambda o: \"P!\"))",
        "print(json.dumps({1:2}, skipkeys=True), json.dumps({(1,):2, 'a':1}, skipkeys=True))",
        "print(json.loads('{\"a\": {\"b\": 1}}', object_hook=lambda d: sorted(d)))",
        "print(json.loads(b'[1]'))",
      ),
    ));

  it("encodes subclasses, empty containers, lone surrogates, and decodes with its hooks", () =>
    expectSameAsPython(
      cpython,
      "json-edges",
      lines(
        "import json",
        "print(json.dumps({\"a\": [1, {\"b\": None}]}, indent=3, separators=(\";\", \"=\")))",
        "print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=2))",
        "print(json.dumps(\"\\ud800x\"), json.dumps(\"\\x7f\\x1f\\u2028\", ensure_ascii=False))",
        "print(json.loads('\"\\\\ud83dx\"') == \"\\ud83dx\", json.loads('\"\\\\ude00\"') == \"\\ude00\", json.loads('\"\\\\ud83d\\\\u0041\"') == \"\\ud83dA\")",
        "class MyInt(int): pass",
        "class MyStr(str): pass",
        "class MyList(list): pass",
        "print(json.dumps([MyInt(3), MyStr(\"s\"), MyList([1]), True, False]))",
        "print(json.dumps(1e22), json.dumps(123.456), json.dumps(-1e-300))",
        "print(json.loads(\"[]\"), json.loads(\"{}\"), json.loads(\" [ ] \"), json.loads('{\"\":\"\"}'))",
        "print(json.loads(\"1\", parse_int=float), json.loads(\"1.5\", parse_float=str), json.loads(\"NaN\", parse_constant=lambda c: c))",
        "print(json.loads('{\"b\":1,\"a\":2}', object_pairs_hook=list))",
        "print(json.loads(\"-0.5e-2\"), json.loads(\"1e5\"), json.loads(\"0\"), json.loads(\"-12\"))",
        "print(json.loads(bytearray(b'{\"x\": \"\\xc3\\xa9\"}')))",
        "d = {\"x\": 1}",
        "print(json.dumps([d, d], check_circular=False))",
        "try:",
        "    json.dumps([float(\"inf\")], allow_nan=False, indent=1)",
        "except ValueError as e:",
        "    print(e)",
        "try:",
        "    json.dumps({float(\"nan\"): 1}, allow_nan=False)",
        "except ValueError as e:",
        "    print(e)",
        "print(json.dumps({float(\"nan\"): 1, float(\"inf\"): 2}))",
      ),
    ));

  it("prints an uncaught JSONDecodeError as json.decoder.JSONDecodeError, without the module's frames", () => {
    const src = lines("import json", "def load(text):", "    return json.loads(text)", "load('[1, 2,\\n 3 4]')");
    const want = cpython("json-uncaught.py", src);
    const r = run(src, { filename: "json-uncaught.py" });
    expect(want.stderr).toContain("json.decoder.JSONDecodeError: Expecting ',' delimiter: line 2 column 4 (char 10)");
    expect(r.stderr).toBe(withoutFramesOf(want.stderr, /[/\\]json[/\\]\w+\.py"/));
    expect(r.exitCode).toBe(want.status);
  });
});

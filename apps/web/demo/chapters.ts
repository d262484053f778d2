/**
 * The demo's chapters: the examples of the blog post "파이썬의 메모리 관리" (Python's memory management),
 * each a small program with what to look for. The end-to-end tests run the same programs in python3.
 */
export interface Chapter {
  slug: string;
  title: string;
  /** What the reader should watch, as short paragraphs. */
  intro: string[];
  code: string;
  gcThreshold?: string;
  /** "repl" runs each statement as its own input, as at the interactive prompt. */
  mode?: "script" | "repl";
}

export const CHAPTERS: Chapter[] = [
  {
    slug: "mutable-list",
    title: "A mutable list keeps its id",
    intro: [
      "mutable is bound to a list holding 'Hello'. Appending 'World' changes the list in place: no new object, so id(mutable) prints the same number twice.",
      "Step through: the list box keeps its id while a new row appears in it. Its refcount badge says 1: only the name mutable holds it.",
    ],
    code: `import sys
mutable = ['Hello']
print(id(mutable))
mutable.append('World')
print(id(mutable))
print(sys.getrefcount(mutable) - 1)
`,
  },
  {
    slug: "immutable-int",
    title: "An immutable int gets a new id",
    intro: [
      "immutable = 1000, then immutable += 1. An int cannot change, so += makes a new int object 1001 and rebinds the name; the old 1000 is released.",
      "Watch the arrow from immutable move to a new box with a different id, and the events panel report what was allocated and freed.",
    ],
    code: `immutable = 1000
print(id(immutable))
immutable += 1
print(id(immutable))
`,
  },
  {
    slug: "singletons",
    title: "The five singletons",
    intro: [
      "True, False, None, Ellipsis and NotImplemented exist once per interpreter. Every name bound to None points at the same box, which is why `x is None` is the right test.",
      "Large ints are not shared: two 1000s made at run time are two boxes. (Small ints from -5 to 256 are shared like the singletons.)",
    ],
    code: `a = None
b = None
print(a is b, id(a) == id(b))
t = True
f = False
e = ...
n = NotImplemented
also_true = 1 < 2
print(t is also_true)
x = int('1000')
y = int('1000')
print(x == y, x is y)
`,
  },
  {
    slug: "repl-1000",
    title: "1000 is not 1000 at the prompt",
    intro: [
      "The post's screenshots came from the interactive prompt, where each line is compiled on its own. a = 1000 and b = 1000 then make two int objects: two boxes, two ids. True is one object wherever it is named.",
      "In a script the two 1000s would be one constant of one code object, and a is b would be True: the difference is compilation, not the int.",
    ],
    mode: "repl",
    code: `a = 1000
b = 1000
id(a) == id(b)
a is b
t1 = True
t2 = True
id(t1) == id(t2)
`,
  },
  {
    slug: "refcount",
    title: "Reference counting",
    intro: [
      "Every reference to an object counts: a name, a slot of a list. Hover the list box to see each holder that makes up its refcount.",
      "When the count falls to 0 the object is freed at once, without waiting for any collector.",
    ],
    code: `import sys
a = [1, 2, 3]
print(sys.getrefcount(a) - 1)
b = a
print(sys.getrefcount(a) - 1)
c = [a, a]
print(sys.getrefcount(a) - 1)
del b
c.clear()
print(sys.getrefcount(a) - 1)
del a
print('freed')
`,
  },
  {
    slug: "generations",
    title: "Generations with a threshold of 3",
    intro: [
      "As in the post, the generation-0 threshold is set to 3. Each new container counts in generation 0; once the count exceeds the threshold, a collection of generation 0 runs and the survivors move to generation 1.",
      "Watch the GC panel's counts and the generation badges change from gen 0 to gen 1. (Strings like 'alpha' are not tracked by the collector at all: only containers are, so the lists are.)",
    ],
    code: `import gc
gc.collect()
gc.set_threshold(3)
A = ['alpha']
B = ['bravo']
C = ['charlie']
print(gc.get_count())
D = ['delta']
print(gc.get_count())
`,
  },
  {
    slug: "strings",
    title: "String concatenation vs f-string",
    intro: [
      "'Hello' + a + b + '!' builds a new string at each +: intermediate strings are allocated and freed one after another.",
      "The f-string builds the result in one go. Compare the events of the two lines.",
    ],
    code: `a = 'My'
b = 'World'
c = 'Hello' + a + b + '!'
d = f'Hello{a}{b}!'
print(c == d, c is d)
`,
  },
  {
    slug: "cycle",
    title: "A reference cycle and its collection",
    intro: [
      "a and b hold each other. After del a, b no name reaches them, but each still has refcount 1: reference counting alone can never free them.",
      "They stay on screen, greyed, awaiting collection, until gc.collect() runs. Open the collection's phases to see gc_refs computed and the unreachable set found.",
    ],
    code: `import gc
a = ['a']
b = ['b']
a.append(b)
b.append(a)
del a, b
print('collected', gc.collect())
`,
  },
];

/** Encodes a program for the URL hash (UTF-8, base64url). */
export function encodeProgram(code: string): string {
  const bytes = new TextEncoder().encode(code);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes `encodeProgram`'s output; null when it is not valid. */
export function decodeProgram(text: string): string | null {
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

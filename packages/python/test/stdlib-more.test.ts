// Standard-module pieces course programs reach for, against python3 at test time: functools' __all__ and
// singledispatchmethod, json's dump/load and its encoder/decoder classes, io.StringIO, collections'
// UserDict/UserList/UserString and collections.abc, contextlib's ExitStack and redirect_stdout. The
// programs are the corpus cases fidelity/192-199 (recorded from python3 too), run here against python3
// itself with no leak and a heap that passes its check.
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-stdlib-more-");

const CASES = ["192-functools-all-singledispatchmethod", "193-contextlib-exitstack-redirect", "194-json-dump-load-encoder-decoder", "195-collections-userdict-userlist-userstring", "196-collections-abc-checks", "197-dataclasses-make-dataclass", "198-star-imports-io-seek"];

describe("standard-module pieces", () => {
  for (const name of CASES) it(name, () => expectSameAsPython(cpython, name, corpusCase(`fidelity/${name}.py`)), 60_000);
});

/**
 * The `\N{name}` escape of a str literal. Its names are python3's `unicodedata.name` of a few characters
 * a program is likely to name (test/fidelity-issue3.test.ts checks each against python3); the whole table
 * of named characters is ~130 KB gzipped, out of the page's reach. A name not here is python3's error for
 * an unknown name. Bundled in the page's on-demand chunk (apps/web/bundler/lazy.ts).
 */
const NAMED =
  "NO-BREAK SPACE\xa0POUND SIGN\xa3DEGREE SIGN\xb0PLUS-MINUS SIGN\xb1MULTIPLICATION SIGN\xd7GREEK SMALL LETTER PI\u03c0" +
  "EN DASH\u2013EM DASH\u2014BULLET\u2022HORIZONTAL ELLIPSIS\u2026EURO SIGN\u20acRIGHTWARDS ARROW\u2192INFINITY\u221e" +
  "SNOWMAN\u2603BLACK HEART SUIT\u2665CHECK MARK\u2713SNAKE\u{1f40d}";

let table: Map<string, string> | undefined;

/** python3's position in a literal's body of s[j]: ASCII counts one, any other character ten (CPython's `\Uxxxxxxxx`). */
function at(s: string, j: number): number {
  let n = 0;
  for (const c of s.slice(0, j)) n += c < "\x80" ? 1 : 10;
  return n;
}

/**
 * The character of the `\N{…}` escape whose backslash is s[i], and the index of its `}`; `fail`'s error
 * (python3's message) for a malformed escape or a name not known.
 */
export function namedEscape(s: string, i: number, fail: (msg: string) => Error): [string, number] {
  const brace = s[i + 2] === "{";
  const close = brace ? s.indexOf("}", i + 3) : -1;
  const name = close > i + 3 ? s.slice(i + 3, close) : "";
  table ??= new Map(Array.from(NAMED.matchAll(/([ -~]+)([^ -~])/gu), (m) => [m[1]!, m[2]!]));
  const c = table.get(name.toUpperCase());
  if (c) return [c, close];
  const end = name ? close : brace ? (close < 0 ? s.length : close) - 1 : i + 1;
  throw fail(
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${at(s, i)}-${at(s, end)}: ` +
      (name ? "unknown Unicode character name" : "malformed \\N character escape"),
  );
}

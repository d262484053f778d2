/**
 * The textwrap module's Python code (compiled at `import textwrap`; modules/course.ts hands it over, in the
 * page from the interpreter's on-demand chunk): TextWrapper, wrap, fill, shorten, dedent and indent, with
 * python3's options (width, initial_indent, subsequent_indent, expand_tabs, tabsize, replace_whitespace,
 * drop_whitespace, fix_sentence_endings, break_long_words, break_on_hyphens, max_lines, placeholder) and its
 * cutting rules: whitespace, hyphenated words cut after a hyphen between letters, dashes of two or more
 * hyphens, over-long words cut at the width (after a hyphen where one fits).
 */
export const TEXTWRAP_PY = `
import re as _re

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_SPACE = "\\t\\n\\x0b\\x0c\\r "
_WS = "[\\\\t\\\\n\\\\x0b\\\\x0c\\\\r ]"
_NOT_WS = "[^\\\\t\\\\n\\\\x0b\\\\x0c\\\\r ]"
_LETTER = "[^\\\\d\\\\W]"
_PUNCT = "[\\\\w!\\"'&.,?]"

# the chunks wrap() moves as units: runs of whitespace; a dash of two or more hyphens between words; a
# word, cut after a hyphen that has two letters (or letter-hyphen-letter) before it and a letter, an
# optional hyphen and a letter after it
_CHUNKS = _re.compile(
    "(" + _WS + "+"
    + "|(?<=" + _PUNCT + ")-{2,}(?=\\\\w)"
    + "|" + _NOT_WS + "+?(?:-(?:(?<=" + _LETTER + "{2}-)|(?<=" + _LETTER + "-" + _LETTER + "-))(?=" + _LETTER + "-?" + _LETTER + ")"
    + "|(?=" + _WS + "|\\\\Z)"
    + "|(?<=" + _PUNCT + ")(?=-{2,}\\\\w)))"
)
_SPACES = _re.compile("(" + _WS + "+)")
_SENTENCE_END = _re.compile("[a-z][.!?][\\"']?\\\\Z")


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False, break_long_words=True, drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _SPACE:
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        return [c for c in (_CHUNKS if self.break_on_hyphens else _SPACES).split(text) if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _SENTENCE_END.search(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _split_chunks(self, text):
        chunks = self._split(self._munge_whitespace(text))
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return chunks

    def _handle_long_word(self, todo, line, used, width):
        # a chunk longer than a whole line: its head fills the line (cut after a hyphen if one fits)
        room = width - used if width >= 1 else 1
        if self.break_long_words:
            chunk = todo[-1]
            end = room
            if self.break_on_hyphens and len(chunk) > room:
                h = chunk.rfind("-", 0, room)
                if h > 0 and chunk[:h].strip("-"):
                    end = h + 1
            line.append(chunk[:end])
            todo[-1] = chunk[end:]
        elif not line:
            line.append(todo.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        todo = chunks[::-1]
        while todo:
            prefix = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(prefix)
            if self.drop_whitespace and lines and not todo[-1].strip():
                todo.pop()
            line = []
            used = 0
            while todo and used + len(todo[-1]) <= width:
                used += len(todo[-1])
                line.append(todo.pop())
            if todo and len(todo[-1]) > width:
                self._handle_long_word(todo, line, used, width)
                used = sum(len(c) for c in line)
            if self.drop_whitespace and line and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            rest_blank = not todo or (self.drop_whitespace and len(todo) == 1 and not todo[0].strip())
            if self.max_lines is None or len(lines) + 1 < self.max_lines or (rest_blank and used <= width):
                lines.append(prefix + "".join(line))
                continue
            # the last line allowed: as much as fits before the placeholder
            while line:
                if line[-1].strip() and used + len(self.placeholder) <= width:
                    lines.append(prefix + "".join(line) + self.placeholder)
                    return lines
                used -= len(line.pop())
            if lines:
                prev = lines[-1].rstrip()
                if len(prev) + len(self.placeholder) <= self.width:
                    lines[-1] = prev + self.placeholder
                    return lines
            lines.append(prefix + self.placeholder.lstrip())
            return lines
        return lines

    def wrap(self, text):
        return self._wrap_chunks(self._split_chunks(text))

    def fill(self, text):
        return "\\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(" ".join(text.strip().split()))


def dedent(text):
    lines = text.split("\\n")
    margin = None
    for i, line in enumerate(lines):
        body = line.lstrip(" \\t")
        if not body:
            lines[i] = ""
            continue
        lead = line[: len(line) - len(body)]
        if margin is None or lead.startswith(margin):
            margin = lead if margin is None else margin
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while lead[k] == margin[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [l[len(margin) :] if l.startswith(margin) else l for l in lines]
    return "\\n".join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        out.append(prefix + line if (predicate(line) if predicate is not None else line.strip()) else line)
    return "".join(out)
`;

# textwrap.wrap and fill: widths, indents, long words, hyphens, sentence endings, max_lines and placeholder
import textwrap

para = ("Reference counting frees most objects as soon as the last reference goes away; the cyclic "
        "garbage collector finds the rest. Well-known examples include self-referencing lists -- and "
        "doubly-linked structures. Supercalifragilisticexpialidocious words get cut.")
for width in (12, 25, 40, 70):
    print(f"--- {width}")
    print(textwrap.fill(para, width))
print(textwrap.wrap(para, 30, break_long_words=False))
print(textwrap.wrap(para, 30, break_on_hyphens=False))
print(textwrap.fill(para, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("Hello.  How are you? Fine! Good.", 12, fix_sentence_endings=True))
print(textwrap.wrap("tabs\tand\nnewlines\tbecome spaces", 10))
print(textwrap.wrap("  keep   the   spaces  ", 8, drop_whitespace=False))
print(textwrap.wrap(para, 30, max_lines=3))
print(textwrap.wrap(para, 30, max_lines=2, placeholder=" ..."))
w = textwrap.TextWrapper(width=24, initial_indent="> ", subsequent_indent="> ")
print(w.fill("A wrapper object can be reused with the same settings for many texts."))
w.width = 16
print(w.wrap("Changing its width changes the lines."))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("a-b-c-d ab-cd-ef state-of-the-art", 6))
try:
    textwrap.wrap("text", 0)
except ValueError as e:
    print("ValueError:", e)

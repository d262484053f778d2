import textwrap as tw
texts = ["The quick brown fox jumps over the lazy dog.", "Hello there, how-are you doing? This is a well-known long-standing test -- with em-dashes--and double--dashes. Supercalifragilisticexpialidocious words break.", "  leading and trailing spaces   ", "tabs\there\tand\nnewlines\nin text", "", "   ", "a-b-c-d e--f g---h ab-cd-ef x-y", "Mr. Smith went to Washington. He said hello! Did he? Yes.", "word " * 40, "averyveryverylongwordwithoutanyspacesatallthatgoesonandonandon and-a-hyphenated-very-long-word-that-must-be-cut", "1-2-3 ab-12 12-ab don't can't it's e.g. i.e. U.S.A.-based state-of-the-art", "über-cool naïve-café déjà-vu"]
for t in texts[PART::2]:
    for w in [1, 2, 5, 7, 10, 15, 20, 30, 70]:
        print(w, tw.wrap(t, w))
        print(w, tw.wrap(t, w, break_long_words=False), tw.wrap(t, w, break_on_hyphens=False))
        print(w, tw.wrap(t, w, drop_whitespace=False), tw.wrap(t, w, replace_whitespace=False, expand_tabs=False))
        print(w, w > 4 and tw.wrap(t, w, initial_indent='* ', subsequent_indent='  '), tw.wrap(t, w, fix_sentence_endings=True))
        for ml in [1, 2, 3]:
            try: print(w, ml, tw.wrap(t, w, max_lines=ml), tw.wrap(t, w, max_lines=ml, placeholder='...'))
            except ValueError as e: print(w, ml, e)
        try: print(w, repr(tw.shorten(t, w)), repr(tw.shorten(t, w, placeholder='~')))
        except ValueError as e: print(w, e)
    print(tw.fill(t, 25, initial_indent='>>> ', subsequent_indent='... '))
    print(repr(tw.fill(t, 12, tabsize=4)))
for bad in [0, -5]:
    try: tw.wrap('abc', bad)
    except ValueError as e: print(e)
print(tw.wrap('a b', 0) if False else 'ok')
docs = ["    def f():\n        return 1\n", "  a\n    b\n  c", "\ta\n\tb\n", "  a\n\tb\n", "    x\n\n  \n    y\n", "no indent\n  indented", "   \n   ", "  hello\n  world  \n", " \t a\n \t b\n \t", "  a\r\n  b\r\n"]
for d in docs:
    print(repr(tw.dedent(d)))
    print(repr(tw.indent(d, '> ')), repr(tw.indent(d, '+ ', lambda line: True)), repr(tw.indent(d, '# ', lambda l: 'a' in l)))
w = tw.TextWrapper(width=20, initial_indent='- ')
print(w.wrap(texts[0]), w.fill(texts[1]))
w.width = 12
print(w.wrap(texts[0]))
print(tw.shorten("Hello  world!", width=12), tw.shorten("Hello  world!", width=11), tw.shorten("Hello world", width=10, placeholder="..."))
try: tw.shorten("Hello world", width=3)
except ValueError as e: print(e)

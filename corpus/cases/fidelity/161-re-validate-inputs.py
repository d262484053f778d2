# re: checking user input with fullmatch, match and search
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\(?(\d{3})\)?[ -]?(\d{3})-(\d{4})")
POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", re.IGNORECASE)

for text in ["ann@example.com", "bob.smith+news@mail.co.uk", "no-at-sign.com", "x@y", "émile@école.fr"]:
    print(f"{text!r:30} email? {bool(EMAIL.fullmatch(text))}")

for text in ["(555) 123-4567", "555-123-4567", "5551234567", "555 123-4567 ext 9", "call 555-123-4567 now"]:
    m = PHONE.fullmatch(text)
    s = PHONE.search(text)
    print(f"{text!r:24} full={m.groups() if m else None} search={s.group() if s else None}")

for text in ["SW1A 1AA", "ec1a1bb", "W1 0AX", "12345"]:
    print(text, "->", POSTCODE.match(text))

# a password rule written as look-aheads
STRONG = re.compile(r"(?=.*[a-z])(?=.*[A-Z])(?=.*\d)\S{8,}")
for pw in ["password", "Passw0rd", "Sh0rt", "Long enough 1A", "CorrectHorse9"]:
    print(f"{pw!r:18}", "strong" if STRONG.fullmatch(pw) else "weak")

# digits in other scripts count as \d, as in python3
print(re.findall(r"\d+", "Room ٣٤, floor 7, ½ price"))
print(re.fullmatch(r"[0-9]+", "٣٤"), re.fullmatch(r"\d+", "٣٤"))

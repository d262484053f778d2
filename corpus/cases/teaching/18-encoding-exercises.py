# Encoding exercises: Caesar, Vigenère, run-length, base conversions, bytes
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(s, key, sign=1):
    ks = [ord(k) - 97 for k in key.lower()]
    res, j = [], 0
    for ch in s:
        if ch.isalpha():
            b = 65 if ch.isupper() else 97
            res.append(chr((ord(ch) - b + sign * ks[j % len(ks)]) % 26 + b)); j += 1
        else: res.append(ch)
    return "".join(res)
def rle(s):
    if not s: return ""
    out, prev, n = [], s[0], 1
    for ch in s[1:]:
        if ch == prev: n += 1
        else: out.append(f"{n}{prev}"); prev, n = ch, 1
    out.append(f"{n}{prev}")
    return "".join(out)
def unrle(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit(): num += ch
        else: out.append(ch * int(num)); num = ""
    return "".join(out)
def to_base(n, b):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0: return "0"
    sign = "-" if n < 0 else ""
    n = abs(n); out = ""
    while n: n, r = divmod(n, b); out = digits[r] + out
    return sign + out
msg = "Hello, World! Attack at dawn."
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg, caesar("xyz", 30))
v = vigenere(msg, "Lemon")
print(v, vigenere(v, "lemon", -1))
for s in ["aaabccddddde", "abc", "", "zzzzzzzzzzzz"]:
    r = rle(s); print(repr(s), r, unrle(r) == s)
print([to_base(n, b) for n, b in [(255, 16), (255, 2), (-42, 7), (0, 3), (10**12, 36)]], int(to_base(10**12, 36), 36))
data = msg.encode("utf-8")
print(data, data.hex(), bytes.fromhex("48656c6c6f"), data[:5], data[0], list(data[:3]), data.upper()[:5])
print("naïve café".encode(), "naïve café".encode("latin-1"), b"caf\xc3\xa9".decode(), len("日本"), len("日本".encode()))
try:
    "ü".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print("ü".encode("ascii", errors="replace"), b"\xffab".decode(errors="ignore"), "ü".encode("ascii", "xmlcharrefreplace"))
ba = bytearray(b"hello"); ba[0] = 72; ba.extend(b"!!"); ba.reverse(); print(ba, ba.count(b"l"), bytes(ba).split(b"l"))
print(sum(ord(c) for c in "checksum") % 256, "".join(format(ord(c), "08b") for c in "Hi"), [hex(b) for b in b"AZ"])
print(ord("€"), "\u20ac", chr(9733), "%c" % 0x1F600, "tab:\t|".expandtabs(8), r"raw\n")

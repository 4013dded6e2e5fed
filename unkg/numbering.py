"""How UN texts (and Word's list numbering) count sub-paragraphs: letters a ... z, aa, bb ..., and Roman
numerals. One place for both, used by the DOCX reader and by the sub-paragraph IRIs."""
from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def letters(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa', 28 -> 'bb': past z the letter repeats, as UN texts and Word print it."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def roman(n: int) -> str:
    """1 -> 'i', 4 -> 'iv', 12 -> 'xii' (lower case, as sub-paragraphs are printed)."""
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)

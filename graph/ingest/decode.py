"""Bytes → text: detect the encoding of an input without ever changing its characters.

Order of attempts, cheapest first: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then
strict UTF-8 (the fast path: almost every modern file), then an encoding the document
declares itself (``<meta charset>``, ``<?xml encoding?>``), then charset-normalizer, whose
guess is accepted only when it decodes the whole input.

The BOM is removed: every offset in newsgraph refers to the decoded text *without* the BOM.
Newlines are not translated (``\\r\\n`` stays ``\\r\\n``), so offsets agree with tools that
read the file as bytes and decode it.

>>> decode_bytes("روسيا".encode("utf-16"), "x.txt")
'روسيا'
>>> decode_bytes(b"\\xef\\xbb\\xbfabc\\r\\n", "x.txt")
'abc\\r\\n'
>>> decode_bytes("قره باغ".encode("cp1256"), "x.txt")
'قره باغ'
>>> decode_bytes(b"\\x00\\x01\\x02\\x00", "x.bin")
Traceback (most recent call last):
...
graph.errors.InputError: x.bin: binary file, not text
"""

from __future__ import annotations

import codecs
import re

from graph.errors import InputError

__all__ = ["decode_bytes", "decode_with_note", "BINARY", "EMPTY"]

BINARY = "binary file, not text"
EMPTY = "empty file"

# Longest BOMs first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([A-Za-z0-9._:-]{2,40})""",
    re.IGNORECASE,
)
# Control characters that never occur in text (TAB, LF, VT, FF, CR and ESC excepted).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}


def _looks_binary(text: str) -> bool:
    """True when decoded text still carries control characters real text never has."""
    if "\x00" in text:
        return True
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL)
    return bad > max(2, len(sample) // 100)


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, enc in _BOMS:
        if data.startswith(mark):
            return enc, len(mark)
    return None


def _declared(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    # A BOM-less UTF-16 file has NULs in every other byte for ASCII text; tell it apart from
    # a real binary file by decoding it and checking the result.
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd and not even:
        enc = "utf-16-le"
    elif even and not odd:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def decode_bytes(data: bytes, where: str) -> str:
    """Decode ``data`` (read from ``where``) to text, or raise :class:`InputError`.

    Raises ``InputError(EMPTY)`` for empty/whitespace-only input and ``InputError(BINARY)``
    for input that is not text in any encoding we can recognise.
    """
    return decode_with_note(data, where)[0]


def decode_with_note(data: bytes, where: str) -> tuple[str, str | None]:
    """Like :func:`decode_bytes`, plus a note when the text had to be repaired.

    A UTF-8 file with a few broken sequences (typically cut off mid-character by a scraper)
    is decoded with U+FFFD in their place rather than guessed as another encoding; the note
    says where, so the caller can report it as a warning.

    >>> decode_with_note("قره باغ".encode() + b"\\xd9", "x.txt")
    ('قره باغ\ufffd', 'invalid UTF-8 at byte 13 (1 sequence replaced by U+FFFD)')
    """
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError as e:
            why = f"has a {enc} byte-order mark but is not valid {enc}: {e.reason} at byte {e.start + skip}"
            raise InputError(f"{BINARY} ({why})", path=where) from None
        return _checked(text, where), None
    try:
        text = data.decode("utf-8")
        first_bad = -1
    except UnicodeDecodeError as e:
        text = None
        first_bad = e.start
    if text is not None:
        if "\x00" in text:
            alt = _utf16_without_bom(data)
            if alt is not None:
                return _checked(alt, where), None
        return _checked(text, where), None
    alt = _utf16_without_bom(data) if b"\x00" in data else None
    if alt is not None:
        return _checked(alt, where), None
    if b"\x00" in data:
        raise InputError(BINARY, path=where)
    declared = _declared(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(declared), where), None
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    # broken bytes are rare in a UTF-8 file; in another encoding nearly every non-ASCII byte is
    if good >= 2 * bad:
        note = f"invalid UTF-8 at byte {first_bad} ({bad} sequence{'s' if bad > 1 else ''} replaced by U+FFFD)"
        return _checked(lenient, where), note
    return _checked(_detect(data, where), where), None


def _plausible_cp1256(data: bytes) -> str | None:
    """``data`` as Windows-1256 when its non-ASCII bytes read as letters there, else None.

    Arabic news is what we read most, and a short cp1256 text is easily mistaken by a
    statistical detector for a Cyrillic or Mac code page; its letters settle it.
    """
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    words = [w for w in text.split() if not w.isascii()]
    if not words:
        return text
    # Another code page read as cp1256 gives words that mix Arabic and Latin letters
    # (Cyrillic "Привет" → "دًèâهٍ") or harakat on Latin letters ("año" → "aٌo").
    bad = 0
    for w in words:
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in w)
        latin = any(ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f") for ch in w)
        if arabic and latin:
            bad += 1
    return text if bad <= 0.05 * len(words) else None


def _detect(data: bytes, where: str) -> str:
    text = _plausible_cp1256(data)
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(BINARY, path=where)


def _checked(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(EMPTY, path=where)
    if _looks_binary(text):
        raise InputError(BINARY, path=where)
    return text

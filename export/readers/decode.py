"""Bytes of a saved text page to clean text: guess the encoding, refuse binary data, drop what XML forbids."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from export.errors import InputError
from export.xmlchars import remove_xml_illegal

# UTF-32 first: its little-endian mark begins with the UTF-16 one.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; read them as latin-1 does.
UNDEFINED_CP1252 = {0xDC00 + byte: byte for byte in range(0x80, 0x100)}
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
LINE_ENDING = re.compile(r"\r\n?")
WORD_CHAR = re.compile(r"\w")
SAMPLE_SIZE = 8192
MAX_CONTROL_SHARE = 0.05
# Valid non-ASCII UTF-8 characters per damaged byte above which a text is taken as damaged UTF-8.
MIN_UTF8_EVIDENCE = 4
# As browsers do (WHATWG Encoding): these labels mean windows-1252; a UTF-16 label without a BOM means UTF-8.
CP1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252"}
    | {"x-cp1252"}
)
UNICODE_LABELS = ("utf-8", "utf8", "utf-16", "utf-32", "unicode")
# Labels that mean a larger encoding (WHATWG Encoding), by the Python codec for it.
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "big5": "big5hkscs",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
}
# The encoding detector reads this much of a file (its time grows with the size)...
DETECT_BYTES = 64 * 1024
# ... and its guess is taken only when it reads this many non-ASCII letters, most of them not Latin.
MIN_DETECTED_LETTERS = 16


def decode_text(data: bytes, path: str | Path, declared: str | None = None) -> str:
    """The text of ``data`` with \\n line endings; InputError naming ``path`` if it is empty or binary.
    ``declared`` is the charset a server declared for it, read unless the text is valid UTF-8."""
    if not data.strip():
        raise InputError(path, "is empty")
    text = _decode(data, path, declared)
    if not text.strip():
        raise InputError(path, "is empty")
    if _looks_binary(text):
        raise InputError(path, "looks like a binary file, not a saved page")
    text = LINE_ENDING.sub("\n", remove_xml_illegal(text))
    if not WORD_CHAR.search(text):
        raise InputError(path, "has no title line")
    return text


def _decode(data: bytes, path: str | Path, declared: str | None) -> str:
    """Decode by byte-order mark, else as valid UTF-8, else as ``declared``, else as UTF-8 (even if slightly
    damaged), else as a detected encoding."""
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file, not a saved page")
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace")
    if declared and not _valid_utf8(data) and (text := decode_labelled(data, declared)) is not None:
        return text
    return decode_unlabelled(data)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_labelled(data: bytes, label: str) -> str | None:
    """``data`` in the encoding ``label`` names, read as browsers read labels (ISO-8859-1 as windows-1252,
    GB2312 as GB18030, a Unicode label as UTF-8 even if slightly damaged); None for an unknown label."""
    label = label.strip().lower()
    if label in CP1252_LABELS:
        return decode_cp1252(data)
    if label.startswith(UNICODE_LABELS):
        return decode_unlabelled(data)
    try:
        return data.decode(SUPERSETS.get(label, label), errors="replace")
    except LookupError:
        return None


def decode_unlabelled(data: bytes) -> str:
    """Bytes whose encoding nothing states: UTF-8 (even if slightly damaged), else a detected legacy one."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if sum(not char.isascii() for char in text) - damaged > MIN_UTF8_EVIDENCE * damaged:
        return text  # UTF-8 cut short or with a few damaged bytes, not another encoding
    return decode_legacy(data)


def decode_legacy(data: bytes) -> str:
    """Bytes in a legacy encoding: charset-normalizer's guess when it reads a non-Latin script (Cyrillic,
    Greek, CJK ...), else windows-1252, as browsers assume for Western pages (the detector confuses the Latin
    code pages with one another)."""
    from charset_normalizer import from_bytes  # its import takes longer than most pages: only when asked

    best = from_bytes(data[:DETECT_BYTES]).best()
    if best is not None and not _latin_script(str(best)):
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return decode_cp1252(data)


def _latin_script(text: str) -> bool:
    """True unless ``text`` holds enough non-ASCII letters, most of them not Latin ones."""
    letters = [char for char in text if not char.isascii() and char.isalpha()]
    latin = sum(unicodedata.name(char, "").startswith("LATIN") for char in letters)
    return len(letters) < MIN_DETECTED_LETTERS or 2 * latin >= len(letters)


def decode_cp1252(data: bytes) -> str:
    """The bytes as cp1252, its five undefined bytes read as latin-1 does."""
    return data.decode("cp1252", errors="surrogateescape").translate(UNDEFINED_CP1252)


def _looks_binary(text: str) -> bool:
    """True when control characters make up a large share of the start of ``text``."""
    sample = text[:SAMPLE_SIZE]
    return len(CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample)

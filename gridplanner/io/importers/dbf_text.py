"""Which text encoding a shapefile's DBF really uses.

Chinese GIS software often writes GBK/GB18030 shapefiles with no ``.cpg``
file and no language-driver byte; GDAL then reads them as Latin-1 and the
names come out as mojibake (``¶«·çÉçÇø`` for 东风社区). We read the text
bytes of the DBF ourselves and decide:

1. only ASCII, or valid UTF-8 throughout: UTF-8;
2. valid GB18030 that reads as common Chinese (≥ 80 % of the non-ASCII
   characters in the GB2312 set of everyday characters): GB18030;
3. otherwise the ``.cpg`` or the DBF language driver, if any, else an error
   asking the user to name the encoding.

An encoding the user names is honoured, unless the bytes do not decode with
it or another encoding clearly fits: then the import stops and says so,
rather than storing mojibake.
"""

from __future__ import annotations

import codecs

from gridplanner.errors import ImportDataError

#: Read at most this much of a DBF for the decision (headers plus many records).
SAMPLE_BYTES = 8 * 1024 * 1024
_MAX_VALUES = 5000
_PLAUSIBLE_SHARE = 0.8

#: DBF language-driver ids (byte 29) seen in practice.
_LDID = {0x01: "cp437", 0x03: "cp1252", 0x57: "cp1252", 0x4D: "gbk", 0x7A: "gbk", 0x4E: "cp949",
         0x4F: "big5", 0x13: "cp932", 0x7B: "cp932", 0x78: "big5", 0x79: "cp949"}
_CPG_ALIASES = {"65001": "utf-8", "936": "gbk", "ansi 936": "gbk", "950": "big5",
                "1252": "cp1252", "ansi 1252": "cp1252", "88591": "latin-1", "8859_1": "latin-1"}


def dbf_text_values(data: bytes) -> list[bytes]:
    """Non-ASCII byte strings of a DBF: field names and character values."""
    if len(data) < 32:
        return []
    n_records = int.from_bytes(data[4:8], "little")
    header_len = int.from_bytes(data[8:10], "little")
    record_len = int.from_bytes(data[10:12], "little")
    fields, names = _dbf_fields(data, header_len)
    values = [n for n in names if _non_ascii(n)]
    text_fields = [(off, width) for kind, off, width in fields if kind in "CM"]
    if not text_fields or record_len <= 0:
        return values
    for r in range(n_records):
        start = header_len + r * record_len
        record = data[start:start + record_len]
        if len(record) < record_len or len(values) >= _MAX_VALUES:
            break
        for off, width in text_fields:
            value = record[off:off + width].rstrip(b" \x00")
            if _non_ascii(value):
                values.append(value)
    return values


def _dbf_fields(data: bytes, header_len: int) -> tuple[list[tuple[str, int, int]], list[bytes]]:
    fields, names = [], []
    pos, offset = 32, 1  # each record starts with a deletion flag byte
    while pos + 32 <= min(header_len, len(data)) and data[pos] != 0x0D:
        desc = data[pos:pos + 32]
        kind = chr(desc[11])
        width = desc[16] + (256 * desc[17] if kind == "C" else 0)
        fields.append((kind, offset, width))
        names.append(desc[:11].split(b"\x00")[0])
        offset += width
        pos += 32
    return fields, names


def _non_ascii(value: bytes) -> bool:
    return any(b >= 0x80 for b in value)


def _decode(value: bytes, codec: str) -> str | None:
    """The text, allowing a last character cut by the field width; None if invalid."""
    for cut in range(4):
        try:
            return value[: len(value) - cut].decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def decodes(values: list[bytes], codec: str) -> bool:
    return all(_decode(v, codec) is not None for v in values)


def looks_chinese(texts: list[str]) -> bool:
    """Most non-ASCII characters are everyday Chinese (GB2312) characters."""
    chars = [c for t in texts for c in t if ord(c) > 127]
    if not chars:
        return False
    common = 0
    for c in chars:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(chars) >= _PLAUSIBLE_SHARE


def detect_encoding(values: list[bytes]) -> str | None:
    """``utf-8``, ``gb18030`` or None when the bytes fit neither plausibly."""
    if not values or decodes(values, "utf-8"):
        return "utf-8"
    if decodes(values, "gb18030") and looks_chinese([_decode(v, "gb18030") or "" for v in values]):
        return "gb18030"
    return None


def _family(codec: str) -> str:
    name = codecs.lookup(codec).name
    return "gb" if name in ("gbk", "gb2312", "gb18030") else name


def _lookup(name: str, label: str) -> str:
    key = name.strip().lower()
    key = _CPG_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise ImportDataError(f"{label}: unknown text encoding {name!r}") from None


def _sample(values: list[bytes], codec: str) -> str:
    text = _decode(values[0], codec) or ""
    return text[:24]


def check_given_encoding(dbf: bytes, given: str, label: str) -> str:
    """The codec to read with, when the user named one; refuses clearly wrong choices."""
    codec = _lookup(given, label)
    values = dbf_text_values(dbf[:SAMPLE_BYTES])
    detected = detect_encoding(values)
    hint = f"; it looks like {detected.upper()}, try --encoding {detected}" if detected else ""
    if not decodes(values, codec):
        raise ImportDataError(f"{label}: the text is not valid {given}{hint}")
    if values and detected and _family(detected) != _family(codec):
        raise ImportDataError(
            f"{label}: read as {given} the text comes out as {_sample(values, codec)!r}, "
            f"which looks wrong; as {detected.upper()} it reads {_sample(values, detected)!r}"
            f" — try --encoding {detected}"
        )
    return codec


def shapefile_encoding(dbf: bytes, cpg: bytes | None, label: str, notes: list[str]) -> str:
    """The codec to read a shapefile with when the user named none."""
    values = dbf_text_values(dbf[:SAMPLE_BYTES])
    detected = detect_encoding(values)
    declared = _declared(dbf, cpg, label)
    if declared and (not values or _family(declared) == _family(detected or declared)):
        if decodes(values, declared):
            return declared
    if detected:
        if declared and values:
            notes.append(f"{label}: the file says its text is {declared.upper()} but it is "
                         f"{detected.upper()}; read as {detected.upper()}")
        elif values and detected != "utf-8":
            notes.append(f"{label}: no .cpg file; text detected as {detected.upper()}")
        return detected
    if declared and decodes(values, declared):
        return declared
    raise ImportDataError(
        f"{label}: cannot tell the text encoding (no .cpg file, and the text is neither "
        "UTF-8 nor Chinese GBK/GB18030); name it with --encoding (e.g. latin-1, big5)"
    )


def _declared(dbf: bytes, cpg: bytes | None, label: str) -> str | None:
    if cpg is not None:
        text = cpg.decode("ascii", errors="ignore").strip()
        if text:
            try:
                return _lookup(text, label)
            except ImportDataError:
                return None
    ldid = dbf[29] if len(dbf) > 29 else 0
    return _LDID.get(ldid)

"""Bytes to text: every encoding a report may arrive in gives the same string."""

from __future__ import annotations

import codecs

from ..errors import SourceError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed do not occur in extracted text."""
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return "\x00" in sample or bad > max(2, len(sample) // 1000)


def decode_source(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM or GB18030/GBK; normalise line ends."""
    if not data.strip():
        raise SourceError(path, 1, "empty file: no report text to convert")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(path, 1, f"not valid {codec} text ({exc.reason})") from None
            break
    else:
        if b"\x00" in data[:65536]:
            raise SourceError(path, 1, "binary file: not a report text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                line = data[: utf8_error.start].count(b"\n") + 1
                raise SourceError(
                    path, line, "undecodable text: neither UTF-8, UTF-16 with BOM nor GB18030"
                ) from None
    if _looks_binary(text):
        raise SourceError(path, 1, "binary file: not a report text")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")

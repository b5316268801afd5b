"""Bytes to text: every encoding a report may arrive in gives the same string."""

from __future__ import annotations

import codecs
import re

from ..errors import SourceError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, line ends and form feed do not occur in extracted text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL.findall(text)) > max(2, len(text) // 1000)


def _line_at(data: bytes, offset: int) -> int:
    """The line of a byte offset, whichever line ends (LF, CRLF or CR) the file uses."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def decode_source(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM or GB18030/GBK; normalise line ends.
    A form feed stays: it is where a PDF extractor ended a page, and reader.extraction
    measures each page's layout on its own (a line end in its place would hide the page)."""
    if not data.strip():
        raise SourceError(path, 1, "empty file: no report text to convert")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
                raise SourceError(path, line, f"not valid {codec} text ({exc.reason})") from None
            break
    else:
        if b"\x00" in data:
            raise SourceError(path, 1, "binary file: not a report text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as gb18030_error:
                # The encoding that read further is the likelier one: name where it stopped.
                stop = max(utf8_error.start, gb18030_error.start)
                raise SourceError(
                    path, _line_at(data, stop),
                    "undecodable text: neither UTF-8, UTF-16 with BOM nor GB18030",
                ) from None
    if _looks_binary(text):
        raise SourceError(path, 1, "binary file: not a report text")
    return text.replace("\r\n", "\n").replace("\r", "\n")

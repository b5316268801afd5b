"""Leftover markup in extracted text becomes inlines; everything else stays literal text.

Extractors leave Markdown-like traces: `*Journal of Peace Research*`, `**bold**`, placeholder
links `[70/304](#)`, autolinks `<http://…>` and raw URLs. They are read as what they mean;
any other character (including `<script>`) is text that the writer escapes.
"""

from __future__ import annotations

import re

from ..model import Emphasis, Inline, Link, Strong, Text

_MARKUP = re.compile(
    r"(?P<placeholder>\[(?P<ptext>[^\[\]\n]{1,200})\]\(#?\))"
    r"|(?P<autolink><(?P<aurl>https?://[^\s<>]{1,500})>)"
    r"|(?P<strong>\*\*(?P<stext>[^*\n]{1,300}?)\*\*)"
    r"|(?P<em>(?<![*\w])\*(?=[A-Za-z])(?P<etext>[^*\n]{1,300}?)(?<=[\w.)])\*(?![*\w]))"
    r"|(?P<url>https?://[^\s<>“”‘’（）()，。；、\]\[]{1,500}[^\s<>“”‘’（）()，。；、\]\[.,;:])"
)


def parse_inlines(text: str) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        if m.start() > pos:
            out.append(Text(text[pos : m.start()]))
        if m.group("placeholder"):
            out.append(Text(m.group("ptext")))
        elif m.group("autolink"):
            url = m.group("aurl")
            out.append(Link(url, [Text(url)], "url"))
        elif m.group("strong"):
            out.append(Strong(parse_inlines(m.group("stext"))))
        elif m.group("em"):
            out.append(Emphasis([Text(m.group("etext"))]))
        else:
            url = m.group("url")
            out.append(Link(url, [Text(url)], "url"))
        pos = m.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out

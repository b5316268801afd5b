"""The body of a report as a stream-order PDF extractor prints it (pdftotext, pdfminer, pypdf,
PyMuPDF): lines cut at the measure, the page's furniture and its foot of notes between them,
no separator rule (the PDF draws it), plain digits for superscript calls.

Each test is a tiny synthetic extraction and the exact document the reader must make of it.
"""

from __future__ import annotations

from unmd.model import FootnoteRef, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text


def read(text: str):
    return resolve_footnotes(read_text(text, "extracted.txt"))


def paragraphs(doc) -> list[tuple[str, str]]:
    """(id, text) of each block after the first heading; a note reference is written [^key]."""
    out = []
    for block in doc.blocks:
        text = "".join(f"[^{n.key}]" if isinstance(n, FootnoteRef) else plain_text([n]) for n in block.inlines)
        out.append((block.id, text))
    return out[1:]


def notes(doc) -> list[tuple[str, str]]:
    return [(n.key, plain_text(n.inlines)) for n in doc.footnotes]


# Note 1 is called on page 1, but the typesetter carried it over to page 2 and printed note 2
# (called after it) at the foot of page 1 first.
CARRIED_OVER_NOTE = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上。1 在一些情况下，
会员国利用地方和国家的不满从中渔利，为代理战争煽风点火，从而使冲突更血
腥、延续时间更长，并且更难以解决。2 和平协议承受的压力也越来越大，时常重
新陷入断断续续的冲突之中，这一悲惨现象在许多地方已经出现，需要共同应对。
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两
方面的持续援助。其他国家采取行动或不采取行动可能帮助强化经调解达成的解决
2 难民署的报告将这一人数确定为六千五百万人。
A/70/95
15-75150 (C) 1/2
办法，也可能妨碍其取得成功，因此各方都必须在整个进程中保持连贯一致的支持。
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突
及其后果。预防冲突的首要职责应由会员国担负，联合国则应当提供有力的支持。
1 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心。
A/70/95
15-75150 (C) 2/2
"""


def test_a_note_carried_over_to_a_later_page_is_a_note_and_the_notes_keep_their_order():
    doc = read(CARRIED_OVER_NOTE)
    assert paragraphs(doc) == [
        ("para-1", "小组认为，国际化冲突的数量在过去十年里增加了九倍以上。[^1] 在一些情况下，会员国利用地方和国家的不满从中渔利，"
                   "为代理战争煽风点火，从而使冲突更血腥、延续时间更长，并且更难以解决。[^2] 和平协议承受的压力也越来越大，"
                   "时常重新陷入断断续续的冲突之中，这一悲惨现象在许多地方已经出现，需要共同应对。"),
        ("para-2", "达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面的持续援助。其他国家采取行动或不采取"
                   "行动可能帮助强化经调解达成的解决办法，也可能妨碍其取得成功，因此各方都必须在整个进程中保持连贯一致的支持。"),
        ("para-3", "小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及其后果。预防冲突的首要职责应由会员国"
                   "担负，联合国则应当提供有力的支持。"),
    ]
    assert notes(doc) == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心。"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]

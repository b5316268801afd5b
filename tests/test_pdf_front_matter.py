"""The front matter of a text that a PDF extractor made (issue 13): everything before the first
chapter, in the shapes the extractors print it: no blank lines between blocks (pdftotext, pypdf,
PyMuPDF in stream order), lines cut at the measure, the masthead's fields as lines of their own.
The texts are made here from short Han sentences, so that each test shows one constraint."""

from __future__ import annotations

from unmd.model import Heading, Paragraph, Signature, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text

MEASURE = 40
SENTENCE = "会员国在本组织的各项工作中继续加强合作并支持各项预防努力。"  # 29 Han characters


def wrapped(text: str, measure: int = MEASURE, first: int | None = None) -> list[str]:
    """A paragraph cut at the measure (its first line at `first`), as a justified PDF line
    ends (Han text only)."""
    first = measure if first is None else first
    return [text[:first]] + [text[k : k + measure] for k in range(first, len(text), measure)]


def body(first: int = 1, count: int = 6) -> list[str]:
    """Numbered paragraphs, each three sentences, under a chapter heading."""
    lines = ["一. 导言"]
    for number in range(first, first + count):
        lines += wrapped(f"{number}. " + SENTENCE * 3)
    return lines


MASTHEAD = ["A/99/100联合国", "Distr.: General", "2099-01-02", "Chinese", "Original: English"]


def read(lines: list[str]):
    return resolve_footnotes(read_text("\n".join(lines) + "\n", "extracted.txt"))


def front(doc) -> list[tuple]:
    """The blocks before the first chapter, as (kind, id, role, text)."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading) and block.kind == "chapter":
            break
        role = block.kind if isinstance(block, Heading) else getattr(block, "role", "")
        text = "/".join(block.lines) if isinstance(block, Signature) else plain_text(block.inlines)
        out.append((type(block).__name__, block.id, role, text))
    return out


def test_a_dedication_that_ends_at_the_line_end_is_not_run_into_the_epigraph():
    """A dedication is one sentence: where it ends at the end of a full line, the next line (an
    epigraph, a quotation with its call to the note that says whose words they are) is a
    paragraph of its own."""
    dedication = "谨将本报告献给" + "前任秘书长以纪念他逝世五十周年" * 2 + "遗产。"  # fills its line
    epigraph = "我认为我们只是刚开始挖掘联合国作为多边外交工具的所有潜力。*"
    lines = MASTHEAD + ["预防性外交的报告标题", "秘书长的报告", *wrapped(dedication), epigraph, "摘要",
                        *wrapped(SENTENCE * 2), *body(), "* 前任秘书长的演讲摘录。"]
    rows = front(read(lines))
    assert [(kind, block_id, role) for kind, block_id, role, _ in rows] == [
        ("Heading", "title", "title"), ("Heading", "subtitle", "subtitle"),
        ("Paragraph", "title-p1", "dedication"), ("Paragraph", "title-p2", "epigraph"),
        ("Heading", "summary", "part"), ("Paragraph", "summary-p1", "summary")]
    assert len(dedication) == MEASURE and rows[2][3] == dedication and rows[3][3].startswith(epigraph[:-1])


def letter_with_annex(annex_title: str) -> list[str]:
    paragraphs = [wrapped(SENTENCE * 3) for _ in range(8)]
    return (MASTHEAD + ["2099 年 1 月 2 日常驻联合国代表给秘书长的信", *wrapped(SENTENCE * 2), "常驻代表",
                        "特命全权大使", "某某某(签名)", "2099 年 1 月 2 日常驻联合国代表给秘书长的信的附件",
                        annex_title, "导言", *sum(paragraphs, []), "秘书长对前景的设想", *sum(paragraphs, [])])


def test_an_annex_title_that_stops_short_of_the_measure_is_not_read_on_into_the_next_heading():
    """The lines the wrap cut in this text all reach the measure; the annex's title stops four
    characters short of it, where 导言 would have fitted: the title ended there, and 导言 is a
    heading of its own, not the title's rest (nor, with it, the start of a paragraph)."""
    title = "二〇九九年一月二日安全理事会关于预防冲突和保持和平专题公开辩论非正式文件"
    assert MEASURE - len(title) == 4
    rows = front(read(letter_with_annex(title)))
    assert [(block_id, text) for kind, block_id, _, text in rows if kind == "Heading"] == [
        ("title", "2099 年 1 月 2 日常驻联合国代表给秘书长的信"), ("annex-1", "2099 年 1 月 2 日常驻联合国代表给秘书长的信的附件"),
        ("annex-1-h1", title), ("annex-1-h2", "导言"), ("annex-1-h3", "秘书长对前景的设想")]
    assert [block_id for _, block_id, _, _ in rows[6:8]] == ["annex-1-h2-p1", "annex-1-h2-p2"]
    assert rows[6][3] == SENTENCE * 3


def test_a_signatures_titles_set_right_stay_one_a_line():
    """PyMuPDF's sorted text keeps the signature block where the page sets it, each title
    indented on a line of its own. Two such lines share a centre, but the upper one is the
    narrower: the wrap fills a line before it starts the next, so they are two titles, not one
    centred heading cut in two."""
    paragraph = [*wrapped(SENTENCE * 3), ""]
    lines = (MASTHEAD + ["", "        2099 年 1 月 2 日常驻联合国代表给秘书长的信", ""] + paragraph * 4
             + [" " * 36 + "常驻代表", " " * 34 + "特命全权大使", " " * 38 + "某某某(签名)", ""] + body())
    [signature] = [b for b in read(lines).blocks if isinstance(b, Signature)]
    assert signature.lines == ["常驻代表", "特命全权大使", "某某某(签名)"]


def test_the_agenda_item_on_the_line_after_the_agendas_name_is_one_agenda_entry():
    """pdftotext -raw prints 暂定项目表* and 项目 35(b) on two lines: one entry of the header."""
    doc = read(MASTHEAD + ["第九十九届会议", "暂定项目表*", "项目 35(b)", "预防武装冲突", "某项活动的报告标题",
                           "秘书长的报告", *body(), "* A/99/50。"])
    assert [(role, text) for role, text in ((b.role, plain_text(b.inlines)) for b in doc.blocks[:2])] == [
        ("session", "第九十九届会议"), ("agenda", "暂定项目表 项目 35(b)")]


def test_the_recycling_note_at_the_foot_of_the_first_page_is_furniture():
    doc = read(MASTHEAD + ["某项活动的报告标题", "秘书长的报告", *body(1, 3), "99-12345 (C)", "*9912345*", "♲ 请回收",
                           "A/99/100", *body(4, 3)[1:]])
    assert ("recycling note", "♲ 请回收") in {(r.why, r.text) for r in doc.removed}
    assert "请回收" not in "".join(plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))


def test_a_letters_paragraph_that_ends_short_of_the_full_measure_ends_there():
    """A PDF's unnumbered paragraphs (a letter, a summary) stand at the full measure, its
    numbered ones hang a tab stop in, so the body's joining allows a few characters' slack.
    Measured on the unnumbered paragraphs' own lines, the wrap leaves no room: a paragraph
    whose last line ends its sentence two characters short of the measure ended there, and
    the next line opens the next paragraph."""
    ending = (SENTENCE * 3)[: 2 * MEASURE - 3] + "。"  # its last line: two characters short
    letter = sum(([*wrapped(ending), *wrapped(SENTENCE * 3)] for _ in range(8)), [])
    doc = read(MASTHEAD + ["2099 年 1 月 2 日秘书长给大会主席的信", *letter, "某某某(签名)", *body()])
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph) and b.role == "letter"]
    assert paragraphs == [ending, SENTENCE * 3] * 8


def test_the_full_measure_is_told_where_most_lines_hang_narrower():
    """Where the numbered paragraphs, hanging a tab stop in, are most of the text, the measure
    the whole text shows is theirs, one character short of the letter's; the letter's own lines
    still tell that its paragraph ending a character short of its measure ended there. (A
    justified PDF line is not exact: some of the hanging lines stop a character short.)"""
    text = SENTENCE * 3
    hanging = sum((wrapped(f"{n}. " + text, 39 - n % 3 // 2, first=40) for n in range(1, 90)), [])
    ending = (SENTENCE * 3)[: 2 * MEASURE - 2] + "。"  # its last line: one character short
    letter = sum(([*wrapped(ending), *wrapped(SENTENCE * 3)] for _ in range(8)), [])
    doc = read(MASTHEAD + ["2099 年 1 月 2 日秘书长给大会主席的信", *letter, "某某某(签名)", "一. 导言", *hanging])
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph) and b.role == "letter"]
    assert paragraphs == [ending, SENTENCE * 3] * 8
    assert [b.number for b in doc.numbered()] == list(range(1, 90))


def test_a_quotation_closing_the_summary_with_its_attribution_is_an_epigraph():
    """The summary's last paragraph ends its sentence at the end of a full line, and a line
    that opens a quotation follows, closed at its paragraph's end, with a short line after it:
    the quotation is an epigraph and the short line its attribution, not the paragraph's rest
    and a heading."""
    quotation = "“" + SENTENCE * 2 + "”"
    last = (SENTENCE * 3)[: 2 * MEASURE - 1] + "。"  # two full lines
    summary = sum((wrapped(SENTENCE * 3) for _ in range(8)), []) + wrapped(last)
    lines = MASTHEAD + ["某项活动的报告标题", "秘书长的报告", "摘要", *summary, *wrapped(quotation),
                        "达格·哈马舍尔德，1956年5月，纽约", *body()]
    rows = front(read(lines))
    assert [(role, text) for _, _, role, text in rows[-2:]] == [
        ("epigraph", quotation), ("attribution", "达格·哈马舍尔德，1956年5月，纽约")]

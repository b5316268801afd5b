"""The glossary: one page of terms (an anchor per term, its English name, definition, related
terms and how much the corpus uses it) and, per term, pages listing where each report uses it.

The where-used lists grow with the corpus (at 1,000 reports they were 34 MB on one page), so
they are on pages of their own under glossary/, each holding about PLACES_PER_PAGE links: the
glossary page itself stays the same size however many reports there are.
"""

from __future__ import annotations

from ..model import ReportFacts
from ..passes.glossary import Glossary, Term

WHERE_USED_DIR = "glossary"
# Links to paragraphs per where-used page (a report's list is never split): about 40 bytes of
# HTML each, so a page stays near 200 KB.
PLACES_PER_PAGE = 4000


def _page_file(term_id: str, number: int) -> str:
    return f"{term_id}.md" if number == 1 else f"{term_id}-{number}.md"


def where_used_name(term_id: str, number: int) -> str:
    """The file of a term's where-used page `number` (1, 2, …), under docs/<variant>/."""
    return f"{WHERE_USED_DIR}/{_page_file(term_id, number)}"


def _uses(term: Term, reports: list[ReportFacts]) -> list[tuple[ReportFacts, list[tuple[str, str]]]]:
    return [(report, report.term_places[term.id]) for report in reports if term.id in report.term_places]


def _paged(uses: list) -> list[list]:
    """The reports using a term, cut into pages of about PLACES_PER_PAGE links each."""
    pages: list[list] = [[]]
    count = 0
    for report, places in uses:
        if pages[-1] and count + len(places) > PLACES_PER_PAGE:
            pages.append([])
            count = 0
        pages[-1].append((report, places))
        count += len(places)
    return pages


def glossary_markdown(glossary: Glossary, reports: list[ReportFacts]) -> str:
    """The glossary page in zh-Hans Markdown; the zh-Hant page is OpenCC on top of it, which
    writes each term in its reviewed zh-Hant form (the glossary feeds the protect table).

    Each page stays in one script, so that neither search index mixes the two; the anchors
    are the term ids, identical in both variants, so the switcher leads to the other form.
    """
    out = [
        "# 术语表",
        "",
        f"本术语表收录这些报告中使用的 {len(glossary.terms)} 个联合国术语，附联合国使用的英文名称、"
        "定义以及使用这一术语的报告和段落数。报告正文每段中首次出现的术语链接到本表。",
        "",
    ]
    for term in glossary.terms:
        out += [f"## {term.hans} {{#{term.id}}}", ""]
        fields = [f"**英文**：{term.en}", f"**定义**：{term.definition}"]
        if term.aliases:
            fields.append("**又作**：" + "、".join(term.aliases))
        if term.related:
            links = [f"[{glossary.by_id[r].hans}](#{r})" for r in term.related]
            fields.append("**相关术语**：" + "、".join(links))
        uses = _uses(term, reports)
        if uses:
            places = sum(len(p) for _, p in uses)
            fields.append(f"**使用情况**：{len(uses)} 份报告，{places} 处"
                          f"（[逐段列表]({where_used_name(term.id, 1)})）")
        out += ["  \n".join(fields), ""]
    return "\n".join(out)


def where_used_pages(glossary: Glossary, reports: list[ReportFacts]) -> dict[str, str]:
    """Each used term's where-used pages in zh-Hans Markdown, by file name under docs/<variant>/:
    every report using the term, with links to the paragraphs and notes that use it."""
    pages: dict[str, str] = {}
    for term in glossary.terms:
        paged = _paged(_uses(term, reports))
        if not paged[0]:
            continue
        for number, page in enumerate(paged, start=1):
            total = f"（第 {number} 页，共 {len(paged)} 页）" if len(paged) > 1 else ""
            out = [
                # Lists of places: found on the page, not by search (they matched every query for
                # a report symbol); the glossary entry is what search finds.
                "---",
                "search:",
                "  exclude: true",
                "---",
                "",
                f"# {term.hans}：使用情况{total}",
                "",
                f"[{term.hans}](../glossary.md#{term.id})（{term.en}）在下列报告中出现的段落和脚注。",
                "",
                '<div class="where-used" markdown>',
                "",
            ]
            for report, places in page:
                links = "、".join(f"[{label}](../{report.slug}.md#{place})" for place, label in places)
                symbols = " / ".join(report.symbols)
                out.append(f"- [{symbols}](../{report.slug}.md) {report.title}（{len(places)} 处）：{links}")
            out += ["", "</div>", ""]
            steps = [f"[上一页]({_page_file(term.id, number - 1)})"] if number > 1 else []
            if number < len(paged):
                steps.append(f"[下一页]({_page_file(term.id, number + 1)})")
            if steps:
                out += ["　".join(steps), ""]
            pages[where_used_name(term.id, number)] = "\n".join(out)
    return pages

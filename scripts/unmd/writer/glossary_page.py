"""The glossary page: one anchor per term, its English name, definition, related terms and
where each report uses it."""

from __future__ import annotations

from ..model import ReportFacts
from ..passes.glossary import Glossary


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
        "定义以及在各份报告中出现的段落和脚注。报告正文每段中首次出现的术语链接到本表。",
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
        out += ["  \n".join(fields), ""]
        using = [report for report in reports if term.id in report.term_places]
        if using:
            # Lists of places, not text to find: kept out of the search index (Material's mark).
            out += ['<div class="where-used" data-search-exclude markdown>', "", "**使用情况**：", ""]
            for report in using:
                places = report.term_places[term.id]
                links = "、".join(f"[{label}]({report.slug}.md#{place})" for place, label in places)
                symbols = " / ".join(report.symbols)
                out.append(f"- [{symbols}]({report.slug}.md) {report.title}（{len(places)} 处）：{links}")
            out += ["", "</div>", ""]
    return "\n".join(out)

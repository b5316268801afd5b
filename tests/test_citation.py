"""The citation downloads, read back by the parsers reference managers use: RIS (rispy),
CSL-JSON (citeproc-py renders it again), BibTeX (bibtexparser), without loss; the styles."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from citeproc.source.json import CiteProcJSON

from unmd import canonical
from unmd.writer import citation

META = {  # document_metadata of a report with every field a record takes, TeX specials included
    "title": "和平行动 100% & {伙伴}_关系", "symbol": "A/70/95-S/2015/446", "symbols": ["A/70/95", "S/2015/446"],
    "date": "2015-06-17", "kind_zh": "秘书长的同文信",
}
HANT_TITLE = "和平行動 100% & {夥伴}_關係"


@pytest.fixture(params=canonical.VARIANTS)
def record(request):
    return citation.csl_record("A-70-95", META, request.param)


def test_record(record):
    variant = record["language"]
    assert record["title"] == (META["title"] if variant == "zh-Hans" else HANT_TITLE)
    assert record["URL"] == canonical.page_url(variant, "A-70-95.html")
    assert record["number"] == META["symbol"] and record["issued"] == {"date-parts": [[2015, 6, 17]]}
    assert record["source"] == "https://undocs.org/zh/A/70/95"
    assert record["author"] == [{"literal": "联合国" if variant == "zh-Hans" else "聯合國"}]


def test_csl_json_reads_back_into_citeproc(record):
    (back,) = json.loads(citation.csl_json(record))
    assert back == record
    source = CiteProcJSON([back])  # citeproc-py's own reader takes every field
    assert str(source["a-70-95"]["title"]) == record["title"]
    assert citation.render_citations(back, record["language"], "2026-12-01") == citation.render_citations(
        record, record["language"], "2026-12-01")


def test_ris_reads_back_without_loss(record):
    (entry,) = rispy.loads(citation.ris(record))
    assert entry["type_of_reference"] == "RPT"
    assert entry["title"] == record["title"] and entry["authors"] == [record["author"][0]["literal"]]
    assert entry["publisher"] == record["publisher"] and entry["place_published"] == record["publisher-place"]
    assert entry["issn"] == record["number"] and entry["date"] == "2015/06/17" and entry["year"] == "2015"
    assert entry["language"] == record["language"] and entry["urls"] == [record["URL"], record["source"]]
    assert entry["type_of_work"] == record["genre"]


def test_bibtex_reads_back_without_loss(record):
    library = bibtexparser.parse_string(citation.bibtex(record))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport" and entry.key == "A-70-95"
    fields = {f.key: f.value for f in entry.fields}
    unescape = lambda text: text.replace("\\", "")  # noqa: E731 - the TeX escapes of the writer
    assert unescape(fields["title"]) == record["title"]
    assert fields["number"] == record["number"] and fields["date"] == "2015-06-17"
    assert fields["author"] == "{" + record["author"][0]["literal"] + "}" and fields["url"] == record["URL"]


def test_styles_render_from_the_record(record):
    variant = record["language"]
    entries = citation.render_citations(record, variant, "2026-12-01")
    un, new_york = ("联合国", "纽约") if variant == "zh-Hans" else ("聯合國", "紐約")
    assert entries["gbt7714"] == (f"{un}. {record['title']}: {META['symbol']}[R/OL]. {new_york}: {un}, "
                                  f"2015[2026-12-01]. {record['URL']}.")
    assert entries["un"] == f"{record['genre']}《{record['title']}》({META['symbol']})，2015 年 6 月 17 日，{record['URL']}"
    for style in ("chicago", "apa"):
        assert record["title"] in entries[style] and record["URL"] in entries[style] and "2015" in entries[style]
    assert citation.paragraph_citation(record, variant) == (
        f"{record['genre']}《{record['title']}》({META['symbol']})，第 {{N}} 段，{record['URL']}#para-{{N}}")


def test_page_citations_are_rendered_once_and_then_read_from_the_cache(record, tmp_path, monkeypatch):
    monkeypatch.setattr(citation, "_rendered", citation.DiskCache("citations", tmp_path))
    variant = record["language"]
    first = citation.page_citations(record, variant, "2026-12-01")
    assert first == (citation.render_citations(record, variant, "2026-12-01"), citation.paragraph_citation(record, variant))

    def no_citeproc(*args):
        raise AssertionError("rendered again")
    monkeypatch.setattr(citation, "render_citations", no_citeproc)
    assert citation.page_citations(record, variant, "2026-12-01") == first
    with pytest.raises(AssertionError):  # another consultation date is another key
        citation.page_citations(record, variant, "2026-12-02")


def test_a_style_answers_each_xpath_query_once(record, monkeypatch):
    """citeproc-py's lookups in a loaded style are remembered: a second report rendered in the
    same styles asks lxml nothing new, and renders as the first did."""
    queries = []
    monkeypatch.setattr(citation, "_xpath_search", lambda element, expression: queries.append(expression) or
                        element.xpath(expression, namespaces=element.nsmap))
    monkeypatch.setattr(citation, "_found", {})
    first = citation.render_citations(record, record["language"], "2026-12-04")
    asked = len(queries)
    other = {**record, "id": "S-2011-552", "number": "S/2011/552"}
    second = citation.render_citations(other, record["language"], "2026-12-04")
    assert asked and len(queries) == asked
    assert second == {name: text.replace("A/70/95-S/2015/446", "S/2011/552") for name, text in first.items()}

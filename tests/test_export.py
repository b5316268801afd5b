"""The JSON export holds what the page holds: unit cases on small synthetic reports, and every
committed report's export against its page rendered with the site's Markdown, block by block."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from hooks import ROOT, load_hook
from unmd.model import Abbr, Document, Emphasis, Footnote, FootnoteRef, Meta, Paragraph, Strong, Table, Text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.writer.export import document_data, header_rows, json_text, runs_text

DOCS = ROOT / "docs"


# ------------------------------------------------------------------ unit cases


def test_a_space_after_a_removed_mark_between_chinese_text_goes_with_the_mark():
    runs = [{"text": "范围扩大”。"}, {"note": "1", "mark": "1"}, {"text": " 预防性外交 vol. 2"}]
    assert runs_text(runs) == "范围扩大”。预防性外交 vol. 2"
    latin = [{"text": "see Smith"}, {"note": "2", "mark": "2"}, {"text": " and Jones"}]
    assert runs_text(latin) == "see Smith and Jones"  # between Latin words the space is the text's


def test_every_kind_of_block_reaches_the_export_in_page_order():
    doc = resolve_footnotes(read_text(
        "某国常驻联合国代表给秘书长的信*\n\n"
        " 谨随函转递一份**非正式文件**，载有 *Journal of Peace Research* 的摘要。\n\n"
        "常驻代表\n\n"
        "特命全权大使\n\n"
        "某某(签名)\n\n"
        "小组成员\n\n"
        "张三(主席)\n\n"
        "李四\n\n"
        "王五\n\n"
        "赵六\n\n"
        "* 2017 年 1 月 31 日印发。\n",
        "export.txt",
    ))
    data = document_data(doc)
    assert [(b["type"], b["id"]) for b in data["blocks"]] == [
        ("heading", "title"), ("paragraph", "title-p1"), ("signature", "title-p2"),
        ("heading", "title-h1"), ("entries", "title-h1-list"),
    ]
    title, letter, signature, _, members = data["blocks"]
    assert title["notes"] == ["star1"] and title["runs"][-1] == {"note": "star1", "mark": "*"}
    assert letter["runs"] == [
        {"text": "谨随函转递一份"}, {"text": "非正式文件", "strong": True}, {"text": "，载有 "},
        {"text": "Journal of Peace Research", "emphasis": True}, {"text": " 的摘要。"},
    ]
    assert signature["lines"] == ["常驻代表", "特命全权大使", "某某(签名)"]
    assert [e["text"] for e in members["entries"]] == ["张三(主席)", "李四", "王五", "赵六"]
    assert data["footnotes"][0]["id"] == "fn:star1"


def test_a_table_exports_its_header_rows_and_cells():
    table = Table(1, "ch-1-t1", rows=[["职等", "女", "", "男", ""], ["", "人数", "百分比", "人数", "百分比"],
                                     ["USG", "5", "28", "13", "72"]], caption="按性别分列")
    assert header_rows(table) == 2
    title, entry = document_data(Document(Meta(title="某报告"), [table], []))["blocks"]
    assert (title["id"], title["text"]) == ("title", "某报告")  # the page's H1, from the catalog
    assert entry == {"id": "ch-1-t1", "type": "table", "caption": "按性别分列", "header_rows": 2,
                     "rows": table.rows}


def test_short_forms_notes_and_their_paragraphs_are_exported():
    para = Paragraph(1, "para-1", number=1, inlines=[
        Text("欧洲安全与合作组织("), Abbr("欧安组织", "欧洲安全与合作组织"), Text(")"), FootnoteRef("1"),
        Emphasis([Strong([Text("重点")])]),
    ])
    note = Footnote("1", [Text("第一段：\n“1. 引文。")], line=2, id="fn:1", refs=1)
    data = document_data(Document(Meta(), [para], [note], abbreviations={"欧安组织": "欧洲安全与合作组织"}))
    assert data["blocks"][1]["runs"][1:] == [
        {"text": "欧安组织", "abbreviation": "欧洲安全与合作组织"}, {"text": ")"},
        {"note": "1", "mark": "1"}, {"text": "重点", "emphasis": True, "strong": True},
    ]
    assert data["footnotes"][0]["paragraphs"] == ["第一段：", "“1. 引文。"]
    assert data["abbreviations"] == [{"short": "欧安组织", "full": "欧洲安全与合作组织"}]


# ------------------------------------------------------------------ the page against its export


class _Tree(HTMLParser):
    """The rendered page as nested [tag, attrs, children] lists (text as strings)."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root: list = ["root", {}, []]
        self.stack = [self.root]
        self.feed(html)
        self.by_id: dict[str, list] = {}
        self._index(self.root)

    def handle_starttag(self, tag, attrs):
        node = [tag, dict(attrs), []]
        self.stack[-1][2].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1][2].append(data)

    def _index(self, node):
        if isinstance(node, list):
            if "id" in node[1]:
                self.by_id[node[1]["id"]] = node
            for child in node[2]:
                self._index(child)


def _classes(node) -> set[str]:
    return set(node[1].get("class", "").split())


def page_text(node, marks: bool) -> str:
    """The text the page shows in a block: without its paragraph number, item mark, heading
    permalink and note backlinks; note marks kept (as shown) or left out."""
    if isinstance(node, str):
        return node
    tag, _, children = node
    cls = _classes(node)
    if cls & {"para-num", "item-mark", "headerlink", "footnote-backref"}:
        return ""
    if tag == "sup" and "id" in node[1] and node[1]["id"].startswith("fnref"):
        return "".join(page_text(c, True) for c in children) if marks else "\x00"
    if tag == "br":
        return "\n"
    return "".join(page_text(c, marks) for c in children)


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]*\n[\s]*", "\n", text).strip()


def _without_marks(node) -> str:
    """The text with note marks left out, and the space after a mark between Chinese
    characters with it (as the export's `text` has it)."""
    text = _tidy(page_text(node, marks=False))
    text = re.sub(r"(?<=[^\x00-\x7f\s])\x00 (?=[^\x00-\x7f\s])", "", text)
    return text.replace("\x00", "")


def _runs_with_marks(runs: list[dict]) -> str:
    return "".join(r.get("text", r.get("mark", "")) for r in runs)


def _cells(node) -> list[list[str]]:
    rows = []

    def walk(n):
        if isinstance(n, list):
            if n[0] == "tr":
                rows.append([_tidy(page_text(c, True)) for c in n[2] if isinstance(c, list) and c[0] in ("td", "th")])
            else:
                for c in n[2]:
                    walk(c)
    walk(node)
    return rows


def _elements(node):
    yield node
    for child in node[2]:
        if isinstance(child, list):
            yield from _elements(child)


def _list_items(node) -> list[list]:
    return [c for ul in node[2] if isinstance(ul, list) and ul[0] == "ul" for c in ul[2] if isinstance(c, list)]


def _site_markdown() -> markdown.Markdown:
    config = yaml.safe_load((ROOT / "mkdocs-base.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        name, options = next(iter(ext.items())) if isinstance(ext, dict) else (ext, {})
        names.append(name)
        configs[name] = options or {}
    names.append(load_hook("footnote_marks").StarMarksExtension())
    return markdown.Markdown(extensions=names, extension_configs=configs)


PAGES = sorted(p.relative_to(DOCS).with_suffix("") for p in DOCS.glob("zh-*/*.json"))


@pytest.fixture(scope="module")
def site_markdown():
    return _site_markdown()


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_the_export_holds_the_text_of_every_block_of_the_page(page: Path, site_markdown):
    data = json.loads((DOCS / page).with_suffix(".json").read_text(encoding="utf-8"))
    source = (DOCS / page).with_suffix(".md").read_text(encoding="utf-8")
    site_markdown.reset()
    tree = _Tree(site_markdown.convert(source.split("\n---\n", 1)[1]))
    for block in data["blocks"]:
        if not block["id"]:  # the document header: organ, session, agenda, in the metadata too
            continue
        node = tree.by_id[block["id"]]
        if block["type"] == "table":
            assert _cells(node) == block["rows"], block["id"]
            caption = tree.by_id.get(f"{block['id']}-caption")
            assert (caption and _tidy(page_text(caption, True))) == (block["caption"] or None)
        elif block["type"] == "entries":
            items = _list_items(node)
            assert [_runs_with_marks(e["runs"]) for e in block["entries"]] == [
                _tidy(page_text(i, True)) for i in items], block["id"]
            assert [e["text"] for e in block["entries"]] == [_without_marks(i) for i in items]
        else:
            if "runs" in block:
                assert _runs_with_marks(block["runs"]) == _tidy(page_text(node, True)), block["id"]
            assert block["text"] == _without_marks(node), block["id"]
    for note in data["footnotes"]:
        node = tree.by_id[note["id"]]
        shown = _tidy(page_text(node, True))
        if note["id"].startswith("note-"):  # a note kept on the document: its mark, then its text
            shown = shown.removeprefix(note["mark"]).lstrip()
        assert shown == _runs_with_marks(note["runs"]), note["id"]
    header = next((n for n in _elements(tree.root) if "doc-header" in _classes(n)), None)
    assert [b["text"] for b in data["blocks"] if not b["id"]] == (
        [_without_marks(p) for p in header[2] if isinstance(p, list)] if header else [])
    ids = {b["id"] for b in data["blocks"]} | {n["id"] for n in data["footnotes"]}
    shown_blocks = {i for i, n in tree.by_id.items()
                    if n[0] in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li")
                    and not i.startswith("fnref") and not i.endswith("-caption")
                    and not _classes(n) & {"site-section", "footnote"}}
    assert shown_blocks - ids <= {"abbreviations", "cited-by"}, "blocks of the page missing in the export"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_the_export_is_written_as_the_standard_library_indents_json(page: Path):
    """json_text (orjson) writes byte for byte what json.dumps(…, indent=2) would."""
    text = (DOCS / page).with_suffix(".json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text

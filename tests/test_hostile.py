"""Hostile and damaged input fed to `scripts/convert`, as a user runs it (issue 7).

Every input is made at test time from a real report (S/2011/552 in sources/): other
encodings and line ends, damage (empty, binary, headings only, a lost line end, a lost
footnote, a repeated paragraph number, an orphan footnote) and injected markup. The rule:
the same Markdown for any encoding; input that cannot be a report (empty, binary, headings
only) stops with a one-line message naming the file and the line; damage inside a report
converts best effort with a warning naming file and line (one line with --strict, exit 1);
never a traceback and never a hang. Stderr also carries the conversion report.
"""

from __future__ import annotations

import codecs
import gzip
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parents[1]
CONVERT = ROOT / "scripts" / "convert"
REPORT = ROOT / "sources" / "000_ca9ac40d1b0e958f.txt"  # S/2011/552
TIMEOUT = 60  # seconds; 800,000 characters take about two


def run_convert(path: Path, *options: str) -> subprocess.CompletedProcess:
    """scripts/convert FILE; stdout kept as bytes so that "identical" means byte for byte."""
    result = subprocess.run([str(CONVERT), str(path), *options], capture_output=True, timeout=TIMEOUT)
    result.stderr = result.stderr.decode("utf-8")
    return result


def warning_lines(result) -> list[str]:
    """The warnings of the conversion report on stderr."""
    return [line.strip() for line in result.stderr.splitlines() if ": warning: " in line]


def write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def assert_one_line_error(result, path: Path, line: int, words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert f"{path}:{line}: " in result.stderr and words in result.stderr, result.stderr
    assert result.stdout == b""


@pytest.fixture(scope="module")
def report() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def original_markdown(report, tmp_path_factory) -> bytes:
    result = run_convert(write(tmp_path_factory.mktemp("original"), "utf8.txt", report))
    assert result.returncode == 0 and "warnings (0):" in result.stderr and not warning_lines(result), result.stderr
    return result.stdout


# ------------------------------------------------------------------ encodings and line ends

ENCODINGS = {
    "gb18030": (lambda text: text.encode("gb18030"), b""),
    "utf8-bom-crlf": (lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"), codecs.BOM_UTF8),
    "utf16-bom": (lambda text: text.encode("utf-16"), codecs.BOM_UTF16),
    "cr-only": (lambda text: text.replace("\n", "\r").encode("utf-8"), b""),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_other_encodings_and_line_ends_give_identical_markdown(name, report, original_markdown, tmp_path):
    encode, bom = ENCODINGS[name]
    data = encode(report)
    assert data.startswith(bom) and data != report.encode("utf-8")
    result = run_convert(write(tmp_path, f"{name}.txt", data))
    assert result.returncode == 0, result.stderr
    assert result.stdout == original_markdown


# ------------------------------------------------------------------ files that are no report


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    assert_one_line_error(run_convert(path), path, 1, "empty file")


def test_binary_file(report, tmp_path):
    path = write(tmp_path, "report.txt", gzip.compress(report.encode("utf-8")))
    assert_one_line_error(run_convert(path), path, 1, "binary file")


def test_undecodable_byte_is_named_at_its_line(report, tmp_path):
    lines = report.encode("gb18030").split(b"\n")
    lines[99] += b"\xff"  # a byte that is neither UTF-8 nor GB18030, on line 100
    path = write(tmp_path, "report.txt", b"\n".join(lines))
    assert_one_line_error(run_convert(path), path, 100, "undecodable")


def test_heading_only_file(report, tmp_path):
    title = "预防性外交：取得成果"
    text = report[: report.index(title) + len(title)] + "\n"  # the blank lines and the title
    path = write(tmp_path, "title.txt", text)
    assert_one_line_error(run_convert(path), path, line_of(text, title), "only headings")


# ------------------------------------------------------------------ damage inside a report


def assert_converts_with_warning(path: Path, expected: str) -> bytes:
    """Converts with exactly this warning; with --strict the same is a one-line error."""
    result = run_convert(path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert warning_lines(result) == [f"{path}:{expected}"], result.stderr
    line, message = expected.split(": warning: ")
    assert_one_line_error(run_convert(path, "--strict"), path, int(line), message)
    return result.stdout


def test_missing_footnote_definition(report, tmp_path):
    definition = next(line for line in report.split("\n") if line.startswith("¹⁸ "))
    text = report.replace(definition + "\n", "")
    path = write(tmp_path, "no-note-18.txt", text)
    page = assert_converts_with_warning(
        path, f"{line_of(text, '¹⁸')}: warning: footnote reference ¹⁸ has no definition: its note says that the source lost its text"
    )
    assert "[^18]: ［来源文本缺失此注的内容］".encode() in page


def test_duplicated_paragraph_number(report, tmp_path):
    text = report.replace("\n19. ", "\n18. ", 1)
    path = write(tmp_path, "two-18.txt", text)
    second = text.index("\n18. ", text.index("\n18. ") + 1) + 1
    line = text[:second].count("\n") + 1
    page = assert_converts_with_warning(
        path, f"{line}: warning: paragraph number 18 repeated where 19 is due (the next is 20): read as 19"
    )
    assert b"{: #para-19 .para }" in page


def test_missing_paragraph_number(report, tmp_path, original_markdown):
    """Paragraph 13's number lost: its text would go on paragraph 12; it is kept apart, behind a
    marker for the lost start."""
    assert report.count("\n13. ") == 1
    text = report.replace("\n13. ", "\n", 1)
    path = write(tmp_path, "no-13.txt", text)
    rest = line_of(text, chr(10) + "14. ") - 1  # paragraph 13's text, a blank line before 14
    page = assert_converts_with_warning(
        path, f"{rest + 2}: warning: paragraph number 14 out of sequence (expected 13): "
              f"paragraph 13 lost its start, its rest (line {rest}) kept after a marker"
    ).decode("utf-8")
    marker = "［来源文本缺失：第 13 段的开头］\n{: #para-13 .gap }\n\n"
    assert marker in page and page.index("{: #para-12 .para }") < page.index(marker) < page.index("[14.](#para-14)")


def test_footnote_defined_twice(report, tmp_path):
    definition = next(line for line in report.split("\n") if line.startswith("¹⁸ "))
    text = report.replace(definition, definition + "\n\n" + definition, 1)
    path = write(tmp_path, "note-18-twice.txt", text)
    line = line_of(text, definition)
    assert_converts_with_warning(
        path, f"{line + 2}: warning: footnote 18 defined again (first at line {line}): this definition kept as a note on the document"
    )


def test_footnote_definition_without_reference_is_a_warning(report, tmp_path):
    mark = "女性调解人的数目。¹⁸"
    assert report.count(mark) == 1
    text = report.replace(mark, mark[:-1])
    path = write(tmp_path, "orphan-18.txt", text)
    page = assert_converts_with_warning(
        path, f"{line_of(text, '¹⁸ 见')}: warning: footnote 18 is never referenced: kept as a note on the document"
    )
    assert b"{: #note-18 .doc-note }" in page


# ------------------------------------------------------------------ 800,000 characters


def run_together(report: str) -> str:
    """The report as an extractor that lost every line end gives it (footnote marks dropped,
    so that the definitions read as text and the whole pipeline runs)."""
    return re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", report).replace("\n", "")


def repeated(unit: str, length: int = 800_000) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def wrapped(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


LONG_INPUTS = {
    "one line: the report run together": lambda report: repeated(run_together(report)),
    # A running-symbol look-alike made the furniture pattern backtrack exponentially.
    "one line: running-symbol look-alike": lambda report: repeated("S" + "/AB" * 1000) + "/ab",
    # The abbreviation pass tried a definition 全称(简称) from every character of a Han run.
    "one line: Han characters only, then a short form": lambda report: repeated(
        re.sub(r"[^\u4e00-\u9fff]", "", report)
    ) + "(秘书长报告)",
    # Every piece joined onto a paragraph re-read the whole paragraph: quadratic. (Digits are
    # dropped so that no cut starts a line with a paragraph number.)
    "one paragraph wrapped every 40 characters": lambda report: wrapped(
        repeated(re.sub(r"\d", "", run_together(report))), 40
    ),
}


@pytest.mark.parametrize("shape", LONG_INPUTS)
def test_800000_characters_convert_quickly(shape, report, tmp_path):
    text = LONG_INPUTS[shape](report) + "\n"
    result = run_convert(write(tmp_path, "long.txt", text))  # TimeoutExpired fails the test
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    han = re.compile(r"[\u3400-\u9fff]")
    assert len(han.findall(result.stdout.decode("utf-8"))) >= len(han.findall(text))  # nothing lost
    assert len(result.stdout) >= len(text)


# ------------------------------------------------------------------ injected markup

INJECTED = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[点此](javascript:alert(2))",
    "&lt;b&gt;",
    "{: onclick=alert(3) }",
]
NOTE_URLS = {
    "javascript:alert(4)": False,
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==": False,
    "<javascript:alert(6)>": False,
    "https://www.un.org/zh/peace/": True,
}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render(page: str) -> _Elements:
    """The page's body as the site renders it: Python-Markdown with the site's extensions."""
    config = load_config(str(ROOT / "mkdocs-zh-Hans.yml"))
    body, _ = get_data(page)
    html = markdown.markdown(body, extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    elements = _Elements()
    elements.feed(html)
    return elements


@pytest.fixture(scope="module")
def injected(report, tmp_path_factory) -> tuple[str, _Elements]:
    """S/2011/552 with markup in paragraph 18 and URLs of every scheme in footnote 18."""
    text = report.replace("18. 过去几年来，", "18. 过去几年来，" + "、".join(INJECTED) + "，", 1)
    definition = next(line for line in text.split("\n") if line.startswith("¹⁸ "))
    text = text.replace(definition, "¹⁸ 见 " + " 和 ".join(NOTE_URLS) + " 。")
    result = run_convert(write(tmp_path_factory.mktemp("injected"), "injected.txt", text))
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode("utf-8")
    return page, render(page)


def test_injected_markup_is_escaped_in_the_markdown(injected):
    page, _ = injected
    assert not re.search(r"<\s*(script|img)\b", page, re.IGNORECASE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\[点此\\](javascript:alert(2))" in page


def test_injected_markup_is_text_on_the_page(injected):
    _, html = injected
    tags = {tag for tag, _ in html.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed"}
    assert not [(t, a) for t, a in html.tags for name in a if name.lower().startswith("on")]
    text = "".join(html.text)
    for fragment in INJECTED:
        assert fragment in text  # shown as written, entity included


def test_footnote_urls_link_only_for_http(injected):
    _, html = injected
    hrefs = [a["href"] for tag, a in html.tags if tag == "a" and "href" in a]
    assert all(urlsplit(href).scheme in ("", "http", "https") for href in hrefs), hrefs
    text = "".join(html.text)
    for url, linked in NOTE_URLS.items():
        assert (url in hrefs) == linked, url
        assert url in text  # a URL that is no link is still there, as text

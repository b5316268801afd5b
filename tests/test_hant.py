"""zh-Hant conversion: the protected UN terms, OpenCC's config, ids kept, and the theme strings."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unmd.writer.hant import HOLD, PROTECT_TSV, VERBATIM, convert_text, load_protected_terms, protected_replacements, to_hant

ROOT = Path(__file__).resolve().parents[1]
s2tw = opencc.OpenCC("s2tw").convert

# (zh-Hans as in the reports, what the pages must say). Each is a place where plain s2tw is
# wrong, found by converting the five source texts; the comment gives s2tw's output.
PROTECTED_CASES = [
    ("和国家伙伴探讨", "和國家夥伴探討"),          # 國傢伙伴
    ("规定和国家具体情况", "規定和國家具體情況"),  # 國傢俱體
    ("国家具有", "國家具有"),                      # 國傢俱有
    ("扩大合作伙伴关系", "擴大合作夥伴關係"),      # 合作伙伴 left Simplified
    ("工作对冲突有敏感认识", "工作對衝突有敏感認識"),  # 對沖突
    ("以应对冲突和动荡", "以應對衝突和動盪"),      # 應對沖突
    ("应对冲击", "應對衝擊"),                      # 應對沖擊
    ("能力包括发展预警系统", "能力包括發展預警系統"),  # 包括髮展
    ("一直发挥着这一作用", "一直發揮著這一作用"),  # 一直髮揮
    ("保护发展成果", "保護發展成果"),              # 保護髮展
    ("并为其与会员国", "並為其與會員國"),          # 併為
    ("预防性外交并不一定", "預防性外交並不一定"),  # 併不
    ("号决议，并发布了三份", "號決議，並發布了三份"),  # 併發布
    ("更加精简并有优先次序", "更加精簡並有優先次序"),  # 併有
    ("情况和面向成果的", "情況和面向成果的"),      # 和麵向
    ("问责制作为一种", "問責制作為一種"),          # 問責製作為
    ("却有严重制约", "卻有嚴重制約"),              # 製約
    ("它们对折衷解决办法", "它們對折衷解決辦法"),  # 對摺衷
    ("更加注重预防冲突", "更加注重預防衝突"),      # 註重
    ("特派团回归到联合国", "特派團回歸到聯合國"),  # 迴歸
    ("在危机情况下采用这种", "在危機情況下採用這種"),  # 下采用
    ("在 10-12 周内部署", "在 10-12 週內部署"),    # 周內 (but 数周内 → 數週內)
    ("马里、尼日尔", "馬里、尼日爾"),              # 馬裡
    ("里马·萨拉赫和王学贤", "里馬·薩拉赫和王學賢"),  # 裡馬
    ("加奥省和通布图省", "加奧省和通布圖省"),      # 通佈圖
]

# Where the rules must leave OpenCC's right answer alone (the exceptions of the 发/并/面 rules).
KEPT_CASES = [
    ("任务期限时一并审查", "任務期限時一併審查"),
    ("合并而非扩大办事处", "合併而非擴大辦事處"),
    ("面粉和面包", "麵粉和麵包"),
    ("头发", "頭髮"),
    ("索马里", "索馬里"),
    ("过去十年里", "過去十年裡"),
    ("在短短数周内", "在短短數週內"),
]

# s2tw, not s2t (祕書長/爲) and not s2twp (vocabulary: 和平程序, 奈及利亞).
CONFIG_CASES = [
    ("秘书长", "秘書長"),
    ("秘书处", "秘書處"),
    ("成为冲突", "成為衝突"),
    ("和平进程", "和平進程"),
    ("尼日利亚", "尼日利亞"),
    ("安理会于 2010 年", "安理會於 2010 年"),
]


@pytest.mark.parametrize(("hans", "hant"), PROTECTED_CASES)
def test_protected_terms_fix_what_s2tw_gets_wrong(hans, hant):
    assert s2tw(hans) != hant, "s2tw gets this right now: the protect entry may be dropped"
    assert to_hant(hans) == hant


@pytest.mark.parametrize(("hans", "hant"), KEPT_CASES + CONFIG_CASES)
def test_conversion_keeps_opencc_where_it_is_right(hans, hant):
    assert to_hant(hans) == hant


def test_protect_table_rows_are_complete_and_used():
    terms = load_protected_terms()
    assert terms
    for term in terms:
        assert term.why.strip(), f"{PROTECT_TSV}: {term.hans} says not why"
        assert to_hant(term.hans) == term.hant


def test_protect_table_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "protect.tsv"
    bad.write_text("# comment\n冲突\t衝突\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"protect\.tsv:2:"):
        load_protected_terms(bad)


def test_markdown_addresses_are_copied_unchanged():
    page = (
        "---\ntitle: 预防性外交\nsymbol: S/2011/552\n---\n\n"
        "## 一. 引言 {#ch-1 .chapter}\n\n"
        "[12.](#para-12){.para-num} 秘书长见[冲突](glossary.md#冲突 \"冲突定义\")。[^1]\n"
        "{: #para-12 .para }\n\n"
        "<abbr title=\"欧洲安全与合作组织\">欧安组织</abbr> `发展`\n\n"
        "[^1]: 见 <http://undocs.org/ch/S/2011/552>。\n"
    )
    hant = to_hant(page)
    assert "title: 預防性外交" in hant
    assert "## 一. 引言 {#ch-1 .chapter}" in hant
    assert "[12.](#para-12){.para-num} 秘書長見[衝突](glossary.md#冲突 \"衝突定義\")。[^1]" in hant
    assert "{: #para-12 .para }" in hant
    assert '<abbr title="歐洲安全與合作組織">歐安組織</abbr> `发展`' in hant
    assert "[^1]: 見 <http://undocs.org/ch/S/2011/552>。" in hant


ID = st.from_regex(r"(para-[1-9][0-9]{0,2}|fn:[1-9]|ch-[1-5])", fullmatch=True)
HANS_TEXT = st.text(alphabet="秘书长发展并为国家伙伴冲突面向里于台干系后， 。", max_size=30)


@given(st.lists(st.tuples(HANS_TEXT, ID), max_size=8))
def test_ids_survive_any_text(blocks):
    page = "\n\n".join(f"{text}\n{{: #{element_id} .para }}" for text, element_id in blocks)
    ids = re.findall(r"\{: #(\S+) \.para \}", page)
    assert re.findall(r"\{: #(\S+) \.para \}", to_hant(page)) == ids


def piece_by_piece(markdown: str) -> str:
    """What to_hant must give: OpenCC on each stretch between Markdown syntax and protected
    terms on its own (to_hant does it in one OpenCC call, with placeholders)."""
    terms = protected_replacements()
    longest = sorted(terms, key=len, reverse=True)

    def text(stretch: str) -> str:
        out, i = [], 0
        while i < len(stretch):
            term = next((t for t in longest if stretch.startswith(t, i)), None)
            if term is None:
                j = i + 1
                while j < len(stretch) and not any(stretch.startswith(t, j) for t in longest):
                    j += 1
                out.append(s2tw(stretch[i:j]))
                i = j
            else:
                out.append(terms[term])
                i += len(term)
        return "".join(out)

    out, start = [], 0
    for match in VERBATIM.finditer(markdown):
        kept = match.group()
        out += [text(markdown[start:match.start()]),
                re.sub(r'((?:title|alt|aria-label)=")([^"]*)(")', lambda m: m[1] + text(m[2]) + m[3], kept)]
        start = match.end()
    return "".join(out) + text(markdown[start:])


PIECES = st.sampled_from(["国家", "伙伴", "对", "冲突", "发展", "里", "秘书长", "预防性外交", "{: #para-1 }",
                          "](glossary.md#冲突", "[^1]", "`发展`", '<abbr title="欧安组织">', "</abbr>", HOLD, " ", "\n"])


@given(st.lists(PIECES, max_size=12))
def test_one_call_converts_as_piece_by_piece(pieces):
    page = "".join(pieces)
    assert to_hant(page) == piece_by_piece(page)
    assert to_hant(page).count(HOLD) == page.count(HOLD)


@pytest.mark.parametrize("source", sorted((ROOT / "sources").glob("*.txt")), ids=lambda p: p.name)
def test_source_texts_convert_to_taiwan_forms(source):
    hant = to_hant(source.read_text(encoding="utf-8"))
    assert not set("祕爲个") & set(hant)
    assert "秘書長" in hant
    assert "秘书长" not in hant


def test_zh_hant_theme_strings_are_taiwan_standard():
    """Material's zh-Hant strings had 个, 脚, 閲; the override must leave s2tw nothing to do."""
    override = (ROOT / "overrides/partials/languages/zh-Hant.html").read_text(encoding="utf-8")
    strings = dict(re.findall(r'"([^"]+)": "([^"]*)"', override))
    assert strings["search.result.one"] == "找到 1 個符合條件的結果"
    for key, value in strings.items():
        assert convert_text(value) == value, key
        assert "閲" not in value, key

"""The sharded search index (unmd.search_shards): terms, postings, shard keys, what is written."""

from __future__ import annotations

import re

import numpy as np

from unmd import search_shards
from unmd.search_shards import (
    SHARD_BYTES, ShardedIndex, page_terms, postings_text, read_entries, read_postings, read_shard, shard_key, shard_name,
    relevance_levels, split_keys,
)
from unmd.search_terms import terms_of

SEPARATOR = re.compile(r"[\s，。（）]+")


def page_of(entries: list[dict]):
    """page_terms of entries given with their terms' counts, {term: [in text, in title]}."""
    return page_terms([[e["anchor"], e["title"], e["text"]] for e in entries],
                      [([t for t, (n, _) in e["terms"].items() for _ in range(n)],
                        [t for t, (_, n) in e["terms"].items() for _ in range(n)]) for e in entries])


def cut_in_twos(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(0, len(run), 2)]


def test_terms_are_chinese_words_and_other_runs_in_lower_case_without_edge_punctuation():
    assert terms_of("S/2011/552号文件，见 Para. 12（A/RES/70/262）", SEPARATOR, cut_in_twos) == [
        "s/2011/552", "号文", "件", "见", "para", "12", "a/res/70/262"]


def test_postings_read_back_as_entries_in_order_with_their_relevance():
    numbers = np.array([0, 7, 40, 5000])  # a delta of three base-36 digits is written out, not looked up
    text = postings_text(np.diff(numbers, prepend=0), relevance_levels(np.array([0.0, 4.0, 1000.0, 1.0])))
    assert read_postings(text) == [(0, 1), (7, 5), (40, 25), (5000, 2)]  # at least B, at most Z; 4 -> sqrt 2 x 2.5


def test_a_shard_over_the_limit_is_split_by_one_more_character():
    sizes = {"s/2011/552": 10, "s/2015/730": 10, "s/2": 5, "a/70/95": 10}
    assert split_keys(sizes) == (set(), {"s/2": ["s/2011/552", "s/2015/730", "s/2"], "a/7": ["a/70/95"]})
    sizes = {f"s/20{n:02d}/{n}": SHARD_BYTES // 4 for n in (1, 2, 3, 11, 12)} | {"s/2": 5, "s/20": 5}
    split, shards = split_keys(sizes)
    assert split == {"s/2", "s/20"}  # s/200…, s/201… are under the limit: not split again
    assert shards["s/2"] == ["s/2"] and shards["s/20"] == ["s/20"]
    assert sorted(shards["s/201"]) == ["s/2011/11", "s/2012/12"] and len(shards["s/200"]) == 3
    assert shard_key("s/2011/11", split) == "s/201" and shard_key("s/20", split) == "s/20"
    assert shard_key("联合国系统", split) == "联合"
    assert all(shard_key(term, split) == key for key, terms in shards.items() for term in terms)


def test_the_written_index_gives_back_its_entries_and_finds_each_term_in_its_shard(tmp_path):
    index = ShardedIndex()
    index.add_page("a.html", "报告", page_of([
        {"anchor": "", "title": "报告", "text": "", "terms": {"报告": [0, 1]}},
        *({"anchor": f"para-{n}", "title": f"第 {n} 段", "text": f"{n}. 联合国调解",
           "terms": {str(n): [1, 0], "联合国": [1, 0], **({"调解": [1, 0]} if n % 2 else {})}}
          for n in range(1, 20)),
    ]))
    index.add_page("b.html", "调解", page_of([{"anchor": "", "title": "调解", "text": "", "terms": {"调解": [0, 1]}}]))
    info = index.write(tmp_path)
    assert info["entries"] == 21 and info["pages"] == 2 and info["split"] == []
    entries = read_entries(tmp_path)
    assert entries[0] == {"location": "a.html", "title": "报告", "text": ""}
    assert entries[3] == {"location": "a.html#para-3", "title": "第 3 段", "text": "3. 联合国调解"}
    assert entries[20]["location"] == "b.html"
    assert len(list((tmp_path / "e").iterdir())) == 3  # 8 entries a file
    found = read_postings(read_shard(tmp_path / f"{shard_name('调解', buckets=info['buckets'])}.js")["调解"])
    assert [n for n, _ in found] == [*range(1, 20, 2), 20]
    weights = dict(found)
    assert weights[20] > weights[1], "a page titled 调解 weighs more than a paragraph"
    assert "联合国" in read_shard(tmp_path / f"{shard_name('联合', buckets=info['buckets'])}.js")  # same two first characters
    assert search_shards.RELEVANCE_STEP == info["relevance_step"]


def test_shards_share_files_of_about_bucket_bytes_and_each_term_is_in_the_file_its_key_names(tmp_path):
    """Many small shards are written as a few files (a file, not a byte, is what a build pays for)."""
    index = ShardedIndex()
    words = [chr(0x4E00 + a) + chr(0x4E00 + b) + "会" for a in range(40) for b in range(40)]  # 1,600 keys
    index.add_page("a.html", "报告", page_of([
        {"anchor": f"para-{n}", "title": "", "text": "", "terms": {w: [1, 0] for w in words[n::7]}}
        for n in range(200)]))
    info = index.write(tmp_path)
    files = list((tmp_path / "w").iterdir())
    total = sum(f.stat().st_size for f in files)
    assert info["shards"] == 1600 and len(files) <= info["buckets"] < 1600 / 10
    assert total / len(files) > search_shards.BUCKET_BYTES / 2
    for word in words[:50]:
        name = shard_name(word, info["split"], info["buckets"])
        assert word in read_shard(tmp_path / f"{name}.js")
    assert search_shards.bucket_of("a", 2 ** 32) == 0xE40C292C  # FNV-1a, as worker.js computes it


def test_each_posting_carries_the_bm25_weight_of_its_term_in_its_entry(tmp_path):
    """The vectorised weights against BM25 written out entry by entry."""
    import math
    import random

    rng = random.Random(5)
    pages = [[{"anchor": f"p{p}-{n}", "title": "", "text": "",
               "terms": {t: list(rng.choice([(0, 1), (1, 0), (1, 1), (2, 0), (3, 1)])) for t in rng.sample("甲乙丙丁戊己庚", 3)}}
              for n in range(rng.randint(1, 6))] for p in range(30)]
    index = ShardedIndex()
    for p, entries in enumerate(pages):
        index.add_page(f"{p}.html", "", page_of(entries))
    info = index.write(tmp_path)
    flat = [(place, entry) for entries in pages for place, entry in enumerate(entries)]
    lengths = [sum(a + b for a, b in entry["terms"].values()) for _, entry in flat]
    average = sum(lengths) / len(flat)
    for term in "甲乙丙丁戊己庚":
        holding = [n for n, (_, entry) in enumerate(flat) if term in entry["terms"]]
        idf = math.log(1 + (len(flat) - len(holding) + 0.5) / (len(holding) + 0.5))
        expected = []
        for n in holding:
            place, entry = flat[n]
            in_text, in_title = entry["terms"][term]
            c = in_text + in_title
            weight = idf * c * 2.2 / (c + 1.2 * (0.25 + 0.75 * lengths[n] / average))
            if in_title:
                weight *= search_shards.TITLE_BOOST * (2 if place == 0 else 1)
            expected.append((n, min(25, max(1, round(math.sqrt(weight) * search_shards.RELEVANCE_STEP)))))
        shard = read_shard(tmp_path / f"{shard_name(term, info['split'], info['buckets'])}.js")
        assert read_postings(shard[term]) == expected


def test_a_page_s_terms_are_numbered_and_its_rows_ordered_as_the_terms_first_appear():
    """Per entry, a row per term: (entry, term, count in text and title, in the title or not)."""
    page = page_terms([["", "t", "x"], ["para-1", "", "y"], ["para-2", "", ""]],
                      [(["b", "a", "b"], ["c", "a"]), (["a", "d"], []), ([], [])])
    assert page.terms == ["b", "a", "c", "d"]
    assert page.found.tolist() == [[0, 0, 2, 0], [0, 1, 2, 1], [0, 2, 1, 1], [1, 1, 1, 0], [1, 3, 1, 0]]
    assert page.found.dtype == np.int32 and page_terms([], []).found.shape == (0, 4)


def test_an_index_written_over_a_larger_one_leaves_none_of_its_files(tmp_path):
    def index_of(pages: int) -> ShardedIndex:
        index = ShardedIndex()
        for n in range(pages):
            index.add_page(f"{n}.html", f"报告{n}", page_of([
                {"anchor": f"para-{k}", "title": "", "text": f"联合国{n}", "terms": {f"词{n}{k}": [1, 0]}}
                for k in range(8)]))
        return index

    over, fresh = tmp_path / "over", tmp_path / "fresh"
    index_of(5).write(over)
    info = index_of(2).write(over)
    index_of(2).write(fresh)
    assert sorted(p.relative_to(over) for p in over.rglob("*.js")) == sorted(p.relative_to(fresh) for p in fresh.rglob("*.js"))
    assert info["entries"] == len(read_entries(over)) == 16

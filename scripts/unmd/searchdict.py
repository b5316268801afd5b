"""jieba dictionaries for the search of both variants.

The search hook (overrides/hooks/paragraph_search.py) cuts every page with jieba at build time,
with the dictionaries the variant's config names (`jieba_dict`, `jieba_dict_user`), and gives
the words it found to the browser, which cuts the index and the queries with them. jieba ships
a Simplified dictionary only, so the zh-Hant build gets that dictionary converted with the same
converter as the zh-Hant pages (unmd.hant), and each variant gets the report and glossary terms
as user words, so that 预防性外交 or 欧安组织 stay one word.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import jieba

from unmd.batch import CODE
from unmd.cache import DiskCache, fingerprint
from unmd.hant import convert_text

# Where build-docs writes them and where mkdocs-zh-Hans.yml / mkdocs-zh-Hant.yml read them.
SEARCH_DICT_DIR = Path("docs/assets/search")
MAIN_DICT_HANT = "jieba-dict.zh-Hant.txt"
USER_DICT = {"zh-Hans": "jieba-user.zh-Hans.txt", "zh-Hant": "jieba-user.zh-Hant.txt"}

# Material passes only runs of Han characters to jieba, so only those can be user words.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]+")
# A longer term would become one token and hide the words inside it from search
# (人权事务高级专员办事处 would no longer be found by 办事处); the query still matches it by prefix.
MAX_USER_WORD_LENGTH = 8


def jieba_main_dict() -> Path:
    """The dictionary jieba uses by default (Simplified)."""
    return Path(jieba.__file__).with_name("dict.txt")


def hant_main_dict_lines(source: Path) -> list[str]:
    """jieba's dictionary in zh-Hant; words that merge (干/幹 → 幹) add their frequencies."""
    rows = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split(" ")
        if len(parts) != 3:
            raise ValueError(f"{source}:{number}: expected 'word frequency tag'")
        rows.append(parts)
    # One conversion for all words (no word holds a line break, so none is matched across two).
    words = convert_text("\n".join(word for word, _, _ in rows)).split("\n")
    frequency: dict[str, int] = {}
    tag: dict[str, str] = {}
    for word, (_, freq, word_tag) in zip(words, rows, strict=True):
        frequency[word] = frequency.get(word, 0) + int(freq)
        tag.setdefault(word, word_tag)
    return [f"{word} {freq} {tag[word]}" for word, freq in frequency.items()]


def user_words(terms: list[str]) -> list[str]:
    """Distinct Han runs of the terms, two to MAX_USER_WORD_LENGTH characters, in first-seen order."""
    words: dict[str, None] = {}
    for term in terms:
        for run in HAN_RUN.findall(term):
            if 2 <= len(run) <= MAX_USER_WORD_LENGTH:
                words.setdefault(run, None)
    return list(words)


def _write_atomically(path: Path, lines: list[str]) -> None:
    """Write the file unless it already holds these lines: an unchanged dictionary keeps its
    mtime, so jieba's own prefix-dictionary cache (keyed on it) stays valid across builds."""
    text = "".join(line + "\n" for line in lines)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main_dict_hant() -> list[str]:
    """The lines of jieba's dictionary in zh-Hant, from the cache unless the converter changed
    (making them takes seconds; they depend on no report, so build-docs makes them meanwhile)."""
    source = jieba_main_dict()
    key = fingerprint(CODE, source.read_bytes())
    return DiskCache("search-dicts").get_or_compute(key, lambda: hant_main_dict_lines(source))


def write_search_dicts(out_dir: Path, terms: list[str], main_hant: list[str] | None = None) -> dict[str, Path]:
    """Write the zh-Hant main dictionary (`main_hant`, made here if not given) and both user
    dictionaries; return their paths by role."""
    out_dir = Path(out_dir)
    words = user_words(terms)
    paths = {
        "main-zh-Hant": out_dir / MAIN_DICT_HANT,
        "user-zh-Hans": out_dir / USER_DICT["zh-Hans"],
        "user-zh-Hant": out_dir / USER_DICT["zh-Hant"],
    }
    _write_atomically(paths["main-zh-Hant"], main_hant if main_hant is not None else main_dict_hant())
    _write_atomically(paths["user-zh-Hans"], words)
    _write_atomically(paths["user-zh-Hant"], list(dict.fromkeys(convert_text(w) for w in words)))
    return paths

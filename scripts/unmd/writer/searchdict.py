"""The jieba user dictionary for the search of both variants.

The search hook (overrides/hooks/paragraph_search.py) cuts every page with jieba at build time,
with jieba's own dictionary plus the user words the variant's config names
(`jieba_dict_user`), and gives the words it found to the browser, which cuts the index and the
queries with them. jieba's dictionary is Simplified, so the hook cuts a zh-Hant page through its
zh-Hans form (unmd.writer.hant.to_simplified) and both variants share one user dictionary: the report
and glossary terms in zh-Hans, so that 预防性外交 or 欧安组织 stay one word in either script.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# Where build-docs writes it (in docs/assets/search/) and mkdocs-zh-Hans.yml / -zh-Hant.yml read it.
USER_DICT = "jieba-user.txt"

# The search hook cuts only runs of Han characters, so only those can be user words.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]+")
# A longer term would become one token and hide the words inside it from search
# (人权事务高级专员办事处 would no longer be found by 办事处); the query still matches it by prefix.
MAX_USER_WORD_LENGTH = 8


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


def write_search_dict(out_dir: Path, terms: list[str]) -> Path:
    """Write the user dictionary of the terms (zh-Hans); return its path."""
    path = Path(out_dir) / USER_DICT
    _write_atomically(path, user_words(terms))
    return path

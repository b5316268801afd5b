"""MkDocs hook of the variant builds: Python-Markdown's own link titles in the page's script.

The toc and footnotes extensions write English titles into every page ("Permanent link",
"Jump back to footnote 1 in the text"); Material's UI strings come from the theme language,
these do not. The variant's theme language picks the titles.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

TITLES = {
    "zh": {"permalink": "本节的固定链接", "backlink": "返回正文中的引用处"},
    "zh-Hant": {"permalink": "本節的固定連結", "backlink": "返回正文中的引用處"},
}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    titles = TITLES[config.theme["language"]]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = titles["permalink"]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = titles["backlink"]
    return config

"""MkDocs hook of the variant builds: a page whose Markdown has not changed is not rendered again.

MkDocs renders every page on every build, and with hundreds of reports rendering is most of a
rebuild after one edit. Rendering is a pure function of the page's Markdown and where it is,
of the site's file list (links are resolved against it) and of the Markdown extensions, so
this hook caches what `Page.render` produces (HTML, table of contents, title, anchors and the
links to them) on disk (unmd.cache), keyed by all of those plus the versions of the packages
that render and the code of these hooks. What rendering logged is stored with it and logged
again on a cache hit, so a `--strict` build fails on a cached page as it did the first time.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib.metadata import version
from pathlib import Path
from types import MethodType

import jinja2

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd.cache import DiskCache, cache_root, code_fingerprint, fingerprint  # noqa: E402

RENDERERS = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
HOOKS = Path(__file__).resolve().parent
_cache = DiskCache("rendered-pages")
_site: dict[str, str] = {}  # the fingerprint of what every page's rendering reads besides its own text


class _Recorder(logging.Handler):
    """Keeps what MkDocs logs while a page renders, to log it again when the page comes from the cache."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _named(value) -> str:
    """A stable name for an extension object or setting (no memory address in it)."""
    kind = value if isinstance(value, type) else type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def renderer_fingerprint(config: MkDocsConfig, files: Files) -> str:
    extensions = [e if isinstance(e, str) else _named(e) for e in config.markdown_extensions]
    settings = json.dumps(
        [extensions, config.mdx_configs, config.validation, config.use_directory_urls],
        sort_keys=True, default=lambda v: dict(v) if hasattr(v, "keys") else _named(v),
    )
    file_list = "\n".join(sorted(f"{f.src_uri}\t{f.dest_uri}\t{f.url}" for f in files))
    packages = [f"{name}=={version(name)}" for name in RENDERERS]
    return fingerprint(settings, file_list, *packages, code_fingerprint(HOOKS.glob("*.py")))


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    key = fingerprint(_site["renderer"], page.file.src_uri, page.markdown or "")
    cached = _cache.get(key)
    if cached is None:
        recorder = _Recorder()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(recorder)
        try:
            Page.render(page, config, files)
        finally:
            logger.removeHandler(recorder)
        links = page.links_to_anchors
        cached = {
            "content": page.content, "toc": page.toc, "title": page._title_from_render,
            "anchors": page.present_anchor_ids,
            "links": None if links is None else {f.src_uri: v for f, v in links.items()},
            "log": recorder.records,
        }
        _cache.put(key, cached)
        return
    page.content, page.toc = cached["content"], cached["toc"]
    page._title_from_render, page.present_anchor_ids = cached["title"], cached["anchors"]
    if cached["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in cached["links"].items()}
    for name, level, message in cached["log"]:
        logging.getLogger(name).log(level, message)


# After every other plugin has added or removed files.
@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _site["renderer"] = renderer_fingerprint(config, files)
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Compiled theme templates are kept too: compiling Material's templates is a fixed cost
    of every build (about 0.5 s per variant), however few pages changed. Jinja checks each
    template's source against the compiled copy, so an edited template is compiled again."""
    directory = cache_root() / "jinja"
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    return env


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    page.render = MethodType(_render, page)
    return page

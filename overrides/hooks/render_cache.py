"""MkDocs hook of the variant builds: a page whose Markdown has not changed is not rendered again.

MkDocs renders every page on every build, and with hundreds of reports rendering is most of a
rebuild after one edit. Rendering is a pure function of the page's Markdown and where it is,
of the site's file list (links are resolved against it) and of the Markdown extensions, so
this hook caches what `Page.render` produces (HTML, table of contents, title, anchors and the
links to them) on disk (unmd.cache), keyed by all of those plus the versions of the packages
that render and the code of these hooks. What rendering logged is stored with it and logged
again on a cache hit, so a `--strict` build fails on a cached page as it did the first time.
What the theme's page template makes of a page is cached the same way (PageTemplate).
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
_templates = DiskCache("page-templates")
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
    template's source against the compiled copy, so an edited template is compiled again.

    And so is what the page template makes of a page (see PageTemplate)."""
    directory = cache_root() / "jinja"
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    _site["theme"] = theme_fingerprint(config)
    get_template = env.get_template

    def get_page_template(name, parent=None, globals=None):
        template = get_template(name, parent, globals)
        # MkDocs asks for a page's template by name alone; Jinja's own lookups name a parent.
        return PageTemplate(template) if parent is None and globals is None else template

    env.get_template = get_page_template
    return env


def theme_fingerprint(config: MkDocsConfig) -> str:
    """What a page's template reads besides the page and the nav: the site's configuration
    (its YAML files; what hooks change in it is in their code) and the theme's own templates
    (custom_dir; Material's are in its version, in the renderer fingerprint)."""
    config_dir = Path(config.config_file_path).resolve().parent
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    theme_files = [f for f in custom_dir.rglob("*") if f.is_file() and "__pycache__" not in f.parts] if custom_dir else []
    return fingerprint(_site["renderer"], code_fingerprint(config_dir.glob("*.yml")), code_fingerprint(theme_files))


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _nav(items) -> list:
    return [(type(item).__name__, str(item.title), getattr(item, "url", None), _nav(item.children or []))
            for item in items]


def page_template_key(template_name: str, context) -> str:
    """Everything of the page and the site a theme template can show. The build date counts by
    the day: that is how the report header shows it (partials/report-header.html)."""
    page, nav = context["page"], context["nav"]
    if _site.get("nav_of") is not nav:  # once per build: the nav is the same for every page
        _site["nav_of"], _site["nav"] = nav, fingerprint(repr(_nav(nav.items)))
    neighbours = [(str(p.title), p.url) if p else None for p in (page.previous_page, page.next_page)]
    return fingerprint(
        _site["theme"], _site["nav"], template_name, context["build_date_utc"].strftime("%Y-%m-%d"),
        page.file.src_uri, page.url, str(page.title), page.content or "", repr(_toc(page.toc)),
        json.dumps(page.meta, sort_keys=True, default=str), repr(neighbours), str(page.canonical_url),
        str(page.edit_url),
    )


class PageTemplate:
    """A theme template that keeps what it makes of each page: rendering Material's templates
    (the nav, the table of contents) is most of a rebuild after one edit once the Markdown is
    cached, and it grows with pages × nav entries. The output is a function of the page, the
    nav and the site (page_template_key); plugins' page_context and post_page events still
    run on every page."""

    def __init__(self, template: jinja2.Template):
        self._template = template

    def __getattr__(self, name: str):
        return getattr(self._template, name)

    def render(self, context) -> str:
        if context.get("page") is None:
            return self._template.render(context)
        key = page_template_key(self._template.name, context)
        return _templates.get_or_compute(key, lambda: self._template.render(context))


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    page.render = MethodType(_render, page)
    return page

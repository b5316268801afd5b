"""MkDocs hook of mkdocs.yml: alongside the root page, build each script variant as its own site.

Each variant is a separate MkDocs build (mkdocs-zh-Hans.yml, mkdocs-zh-Hant.yml) so that
Material's search plugin writes one index per script, segmented with that script's jieba
dictionary, and the theme speaks that script. Running them from here keeps
`mkdocs build --strict` the one command that builds the whole site. Each build runs in its own
process (plugins keep state per process); both start once the root build has cleaned site/
and run while it builds the root page.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

VARIANTS = ("zh-Hans", "zh-Hant")
log = logging.getLogger("mkdocs.hooks.variant_builds")


def variant_build_command(config: MkDocsConfig, variant: str) -> list[str]:
    """The mkdocs command that builds one variant into <site_dir>/<variant>."""
    root = Path(config.config_file_path).resolve().parent
    command = [
        sys.executable, "-m", "mkdocs", "build",
        "--config-file", str(root / f"mkdocs-{variant}.yml"),
        "--site-dir", str(Path(config.site_dir).resolve() / variant),
    ]
    if config.strict:
        command.append("--strict")
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO:
        command.append("--quiet")
    return command


_builds: list[tuple[str, subprocess.Popen, IO[str]]] = []


# Once MkDocs has cleaned site_dir: from here the root build never touches the variants' folders,
# so they build while it builds the root page.
@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start both variant builds at once (each is one process, so two CPUs halve the wait)."""
    root = Path(config.config_file_path).resolve().parent
    # Material prints its end-of-life notice once, in the root build; not again per variant.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for variant in VARIANTS:
        log.info("Building the %s site", variant)
        output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        process = subprocess.Popen(variant_build_command(config, variant), cwd=root, env=env,
                                   stdout=output, stderr=subprocess.STDOUT, text=True)
        _builds.append((variant, process, output))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the variant builds; their logs are printed then, one build after the other."""
    failed = []
    while _builds:
        variant, process, output = _builds.pop(0)
        if process.wait() != 0:
            failed.append(variant)
        with output:
            output.seek(0)
            sys.stderr.write(output.read())
    if failed:
        raise PluginError(f"the {' and '.join(failed)} build failed (mkdocs-<variant>.yml), see above")


def on_build_error(error: Exception) -> None:
    """The root build failed: stop the variant builds rather than leave them running."""
    while _builds:
        _, process, output = _builds.pop(0)
        process.kill()
        process.wait()
        output.close()

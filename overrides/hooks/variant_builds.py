"""MkDocs hook of mkdocs.yml: alongside the root page, build each script variant as its own site.

Each variant is a separate MkDocs build (mkdocs-zh-Hans.yml, mkdocs-zh-Hant.yml) so that
Material's search plugin writes one index per script and the theme speaks that script. Running
them from here keeps `mkdocs build --strict` the one command that builds the whole site.

Each build runs in its own process (plugins keep state per process), forked from this one: it
starts with MkDocs, Material and the Markdown extensions already imported, which a new
interpreter would spend half a second on, and it builds as `mkdocs build` would. Both start
once the root build has cleaned site/ and run while it builds the root page.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import tempfile
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

VARIANTS = ("zh-Hans", "zh-Hant")
log = logging.getLogger("mkdocs.hooks.variant_builds")


def build_variant(config_file: str, site_dir: str, site_url: str, strict: bool, output: int) -> None:
    """In the forked process: `mkdocs build --config-file … --site-dir …`, its log into output."""
    os.dup2(output, sys.stdout.fileno())
    os.dup2(output, sys.stderr.fileno())
    os.chdir(Path(config_file).parent)  # the variant configs name their files from there
    config = load_config(config_file=config_file, site_dir=site_dir, site_url=site_url, strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as error:  # as the command line shows it: "Aborted with a BuildError!"
        error.show()
        raise
    finally:
        config.plugins.on_shutdown()


_builds: list[tuple[str, BaseProcess, IO[str]]] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The variants' folders are theirs to update (site_update.py): the root build spares them."""
    config.extra["built_apart"] = list(VARIANTS)
    return config


# Once MkDocs has cleaned site_dir: from here the root build never touches the variants' folders,
# so they build while it builds the root page.
@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start both variant builds at once (each is one process, so two CPUs halve the wait)."""
    root = Path(config.config_file_path).resolve().parent
    fork = multiprocessing.get_context("fork")  # flushes this process's output first
    for variant in VARIANTS:
        log.info("Building the %s site", variant)
        output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        # Each variant is published under the site's permanent address (site_url, unmd.canonical).
        arguments = (str(root / f"mkdocs-{variant}.yml"), str(Path(config.site_dir).resolve() / variant),
                     f"{config.site_url}{variant}/", config.strict, output.fileno())
        process = fork.Process(target=build_variant, args=arguments, name=f"mkdocs build {variant}")
        process.start()
        _builds.append((variant, process, output))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the variant builds; their logs are printed then, one build after the other."""
    failed = []
    while _builds:
        variant, process, output = _builds.pop(0)
        process.join()
        if process.exitcode != 0:
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
        process.join()
        output.close()

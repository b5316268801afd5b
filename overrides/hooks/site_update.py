"""MkDocs hook of all three builds: the site folder is updated in place, not emptied and written
again (unmd.sitefiles: after one edited report, creating every file anew was most of a rebuild).

MkDocs writes pages and theme files with `mkdocs.utils.write_file` and `copy_file` and empties
the folder with `clean_directory`; for the build in progress these go through the update. The
root build spares the folders of the builds it runs apart (`built_apart`, variant_builds).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd import sitefiles  # noqa: E402

_clean_directory = getattr(mkdocs.utils, "_unmd_clean_directory", mkdocs.utils.clean_directory)
mkdocs.utils._unmd_clean_directory = _clean_directory  # a forked build patches again: keep MkDocs' own


def _clean_other(directory: str) -> None:
    """Clean a folder that is not the site being updated, as MkDocs would."""
    if sitefiles.updating() != os.path.abspath(directory):
        _clean_directory(directory)


def _write_file(content: bytes, output_path: str) -> None:
    """`mkdocs.utils.write_file`, through the update."""
    sitefiles.write(output_path, content)


# After every on_config: variant_builds says there which folders it builds apart.
@event_priority(-100)
def on_pre_build(config: MkDocsConfig) -> None:
    sitefiles.begin(config.site_dir, spared=tuple(config.extra.get("built_apart", ())))
    mkdocs.utils.clean_directory = _clean_other
    mkdocs.utils.write_file = _write_file
    mkdocs.utils.copy_file = sitefiles.copy


# After every other post-build step (the search index, the variant builds it waits for).
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    sitefiles.finish()

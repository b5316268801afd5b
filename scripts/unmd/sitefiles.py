"""A built site brought up to date in place: a rebuild writes only the files whose bytes changed.

MkDocs empties site_dir before every build and writes every file again. After one edited
report, almost all of them come out byte for byte as they were, and creating them again was
most of what a rebuild had left to do once rendering is cached (render_cache): at 50 reports
each variant is about 1,600 files, 1,000 of them the search index's entry chunks, and making
them anew after emptying the folder cost more than a second per variant (reading one to compare
costs a few hundredths of that). So a build started with `begin` keeps what is in the folder;
`write` and `copy` leave a file alone when it already holds those bytes; `finish` removes every
file that was there before and that this build neither wrote nor kept, so that the folder
ends as a build into an empty one would leave it. A file that something else wrote during the
build (its modification time changed) stays; hidden entries at the top stay, as MkDocs' own
cleaning leaves them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def holds(path: str | os.PathLike, content: bytes) -> bool:
    """Whether the file at path holds exactly these bytes (reading it only when the size says it may)."""
    try:
        if os.path.getsize(path) != len(content):
            return False
    except FileNotFoundError:
        return False
    with open(path, "rb") as existing:
        return existing.read() == content


class SiteUpdate:
    def __init__(self, site_dir: str | os.PathLike, spared: tuple[str, ...] = ()):
        """`spared`: folders of site_dir that other builds own (left as they are)."""
        self.root = os.path.abspath(site_dir)
        self.spared = tuple(os.path.join(self.root, name) for name in spared)
        self.kept: set[str] = set()
        self.before: dict[str, int] = {}
        for folder, folders, files in os.walk(self.root):
            if folder == self.root:
                folders[:] = [f for f in folders if not f.startswith(".")]
                files = [f for f in files if not f.startswith(".")]
            folders[:] = [f for f in folders if os.path.join(folder, f) not in self.spared]
            for name in files:
                path = os.path.join(folder, name)
                self.before[path] = os.stat(path).st_mtime_ns

    def _keep(self, path: str | os.PathLike) -> str:
        path = os.path.abspath(path)
        self.kept.add(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return path

    def write(self, path: str | os.PathLike, content: bytes) -> None:
        path = self._keep(path)
        if path in self.before and holds(path, content):
            return
        with open(path, "wb") as out:
            out.write(content)

    def copy(self, source: str | os.PathLike, target: str | os.PathLike) -> None:
        if os.path.isdir(target):
            target = os.path.join(target, os.path.basename(source))
        target = self._keep(target)
        if target in self.before and os.path.getsize(target) == os.path.getsize(source):
            with open(source, "rb") as new:
                if holds(target, new.read()):
                    return
        shutil.copyfile(source, target)

    def finish(self) -> list[str]:
        """Remove what the build left over (and folders it left empty); the paths removed."""
        removed = []
        for path, mtime in self.before.items():
            if path in self.kept:
                continue
            try:
                if os.stat(path).st_mtime_ns == mtime:
                    os.unlink(path)
                    removed.append(path)
            except FileNotFoundError:
                pass
        for folder in sorted({os.path.dirname(p) for p in removed}, key=len, reverse=True):
            while folder != self.root and folder.startswith(self.root) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        return removed


_current: SiteUpdate | None = None


def begin(site_dir: str | os.PathLike, spared: tuple[str, ...] = ()) -> SiteUpdate:
    """Start updating site_dir in place: `write`, `copy` and `finish` act on it from here."""
    global _current
    _current = SiteUpdate(site_dir, spared)
    return _current


def updating() -> str | None:
    """The folder being updated, if a build is updating one."""
    return _current.root if _current is not None else None


def _updating(path: str | os.PathLike) -> SiteUpdate | None:
    if _current is None:
        return None
    path = os.path.abspath(path)
    return _current if path.startswith(_current.root + os.sep) else None


def write(path: str | os.PathLike, content: bytes) -> None:
    """Write a file of the site: through the update in progress where path is in its folder."""
    update = _updating(path)
    if update is not None:
        update.write(path, content)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(content)


def copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    update = _updating(target)
    if update is not None:
        update.copy(source, target)
        return
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    shutil.copyfile(source, target)


def finish() -> list[str]:
    global _current
    update, _current = _current, None
    return update.finish() if update is not None else []


class StagedUpdate:
    """Files for folders that must not be left half-written (docs/, reports/), written in
    place of what they hold only once all are made, and only where their bytes changed.

    `write(name, text)` stages a file under its name (zh-Hans/S-2011-552.md) unless the
    folder that `folders` maps its first part to holds those bytes already; whatever else is
    put into `staging` counts as written too. `commit` moves the staged files in and removes
    from each folder what this update did not write; until then the folders are as they were
    (build-docs writes ~900 files at 50 reports, and making them all anew after one edit was
    most of its time)."""

    def __init__(self, staging: Path, folders: dict[str, Path]):
        self.staging, self.folders = staging, folders
        self.kept: set[str] = set()

    def target(self, name: str) -> Path:
        first, _, rest = name.partition("/")
        return self.folders[first] / rest if rest and first in self.folders else self.folders[""] / name

    def write(self, name: str, text: str) -> None:
        data = text.encode("utf-8")
        if holds(self.target(name), data):
            self.kept.add(name)
            return
        (self.staging / name).parent.mkdir(parents=True, exist_ok=True)
        (self.staging / name).write_bytes(data)

    def commit(self) -> None:
        written = set(self.kept)
        for path in sorted(p for p in self.staging.rglob("*") if p.is_file()):
            name = path.relative_to(self.staging).as_posix()
            target = self.target(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            written.add(name)
        for first, folder in self.folders.items():
            if not first or not folder.exists():
                continue
            for path in sorted(folder.rglob("*"), reverse=True):
                if path.is_file() and f"{first}/{path.relative_to(folder).as_posix()}" not in written:
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()

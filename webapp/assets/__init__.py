"""The explorer's third-party editor (YASGUI), installed from the npm registry into a cache, never into git.

The project ships only code it wrote. YASGUI (MIT, by Triply; the maintained fork @zazuko/yasgui) is
fetched by `python -m unkg.webapp.assets` (or `unkg.webapp.assets.install()`) with the ordinary npm
client, and only its two built files are kept: yasgui.min.js and yasgui.min.css. The app then serves them
itself, so the explorer works offline. Without them the explorer falls back to unkg's own small editor.

Where: `$UNKG_ASSETS` if set, else the per-user cache folder (platformdirs), under yasgui-<version>/.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from unkg.config import assets_root
from unkg.errors import UnkgError

PACKAGE = "@zazuko/yasgui"
VERSION = "4.6.2"
FILES = ("yasgui.min.js", "yasgui.min.css")


def asset_dir() -> Path:
    return assets_root() / f"yasgui-{VERSION}"


def installed() -> bool:
    return all((asset_dir() / f).is_file() for f in FILES)


def install(force: bool = False) -> Path:
    """Fetch the pinned YASGUI release with `npm pack` (integrity checked by npm) and keep its built files."""
    target = asset_dir()
    if installed() and not force:
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise UnkgError("cannot install the explorer's editor: npm is not installed (apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([npm, "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", tmp],
                             capture_output=True, text=True, timeout=300)
        tgz = next(Path(tmp).glob("*.tgz"), None)
        if run.returncode != 0 or tgz is None:
            raise UnkgError(f"npm pack {PACKAGE}@{VERSION} failed: {(run.stderr or run.stdout).strip()[:300]}")
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tgz) as tar:
            for name in FILES:
                member = tar.getmember(f"package/build/{name}")
                src = tar.extractfile(member)
                assert src is not None
                (target / name).write_bytes(src.read())
        (target / "LICENSE-NOTE.txt").write_text(f"{PACKAGE}@{VERSION}, MIT licence, fetched from the npm registry by unkg.\n")
    return target


def main() -> int:
    try:
        path = install(force="--force" in sys.argv)
    except UnkgError as e:
        print(f"unkg: {e}", file=sys.stderr)
        return 1
    print(f"YASGUI {VERSION} ready in {path}")
    return 0

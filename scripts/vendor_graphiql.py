"""Copy GraphiQL and React from the npm registry into the package, so GraphiQL works offline.

``make graphiql-assets`` runs it; its output, ``src/rental/entrypoints/web/static/graphiql/``,
is committed and shipped in the wheel as package data. It asks ``npm pack`` for the exact
versions below, refuses a tarball whose sha512 is not the one pinned here, and copies out the
browser builds (GraphiQL's UMD bundle and stylesheet, React's and ReactDOM's UMD builds) with
each package's licence. Run again, it writes the same bytes. To move to another version:
change it here, run it once with ``--print-integrity``, pin what it prints, and run it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "rental" / "entrypoints" / "web" / "static" / "graphiql"

# package@version: (sha512 of its tarball as npm's "integrity", {file in the tarball: name here})
PACKAGES = {
    "graphiql@3.8.3": (
        "sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==",
        {
            "package/graphiql.min.js": "graphiql.min.js",
            "package/graphiql.min.css": "graphiql.min.css",
            "package/LICENSE": "LICENSE.graphiql",
        },
    ),
    "react@18.2.0": (
        "sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==",
        {
            "package/umd/react.production.min.js": "react.production.min.js",
            "package/LICENSE": "LICENSE.react",
        },
    ),
    "react-dom@18.2.0": (
        "sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==",
        {
            "package/umd/react-dom.production.min.js": "react-dom.production.min.js",
            "package/LICENSE": "LICENSE.react-dom",
        },
    ),
}  # fmt: skip


def integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def fetch(spec: str, into: Path) -> Path:
    """The tarball of ``spec`` from the npm registry, by ``npm pack``."""
    packed = subprocess.run(  # noqa: S603
        ["npm", "pack", spec, "--json", "--pack-destination", str(into)],  # noqa: S607
        check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return into / json.loads(packed.stdout)[0]["filename"]


def main(argv: list[str]) -> int:
    show_only = "--print-integrity" in argv
    with tempfile.TemporaryDirectory() as scratch:
        tarballs = {spec: fetch(spec, Path(scratch)) for spec in PACKAGES}
        if show_only:
            for spec, tarball in tarballs.items():
                print(spec, integrity(tarball))
            return 0
        for spec, tarball in tarballs.items():
            pinned = PACKAGES[spec][0]
            if integrity(tarball) != pinned:
                print(f"{spec}: the tarball's sha512 is not the one pinned", file=sys.stderr)
                return 1
        shutil.rmtree(TARGET, ignore_errors=True)
        TARGET.mkdir(parents=True)
        for spec, tarball in tarballs.items():
            with tarfile.open(tarball) as archive:
                for member, name in PACKAGES[spec][1].items():
                    source = archive.extractfile(member)
                    assert source is not None, (spec, member)
                    (TARGET / name).write_bytes(source.read())
    print(f"wrote {len(list(TARGET.iterdir()))} files to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""clients/python/ is what ``make client`` generates from the server's document now.

A change or a removal in the document that the committed client does not have fails, with
the command that fixes it. Pure additions (a new operation or model, a new field) only warn:
the committed client still speaks correctly for everything it has, and an endpoint landed by
someone else must not break the suite until the client is regenerated.
"""

from __future__ import annotations

import importlib.util
import subprocess
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "clients" / "python"


def generate(output: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "client_generator", ROOT / "clients" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(output)


def files(tree: Path) -> dict[str, list[str]]:
    return {
        str(path.relative_to(tree)): path.read_text(encoding="utf-8").splitlines()
        for path in sorted(tree.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def tracked(tree: Path) -> set[str] | None:
    """The files under ``tree`` that git tracks, relative to it; None outside a git checkout."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", "."],
            cwd=tree, capture_output=True, check=True, timeout=30,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    return {name for name in listed.stdout.decode().split("\0") if name}


def committed_files(tree: Path, generated: dict[str, list[str]]) -> dict[str, list[str]]:
    """What the client holds that is ours: what git tracks or, without git, what the generator
    writes. ``pip install ./clients/python`` leaves ``build/`` and ``*.egg-info/`` beside the
    package (ignored by git); they are not the client and must not count as drift."""
    names = tracked(tree)
    keep = names if names is not None else set(generated)
    return {
        name: (tree / name).read_text(encoding="utf-8").splitlines()
        for name in sorted(keep)
        if (tree / name).is_file()
    }


def only_adds(old: list[str], new: list[str]) -> bool:
    """True when ``new`` is ``old`` with lines inserted (``old`` is a subsequence of it)."""
    remaining = iter(new)
    return all(any(line == candidate for candidate in remaining) for line in old)


def test_only_adds_tells_insertions_from_changes() -> None:
    assert only_adds(["a", "c"], ["a", "b", "c"])
    assert not only_adds(["a", "c"], ["a", "x"])
    assert not only_adds(["a", "c"], ["c", "a"])


def test_the_committed_client_matches_the_server(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    generate(fresh)
    generated = files(fresh)
    committed = committed_files(COMMITTED, generated)
    assert committed, "clients/python/ is empty: run `make client`"
    removed = sorted(set(committed) - set(generated))
    changed = sorted(
        name
        for name in set(committed) & set(generated)
        if not only_adds(committed[name], generated[name])
    )
    fix = "the server's document changed: run `make client` and commit clients/python/"
    assert not removed, f"{fix}; gone: {removed}"
    assert not changed, f"{fix}; changed: {changed}"
    added = sorted(set(generated) - set(committed)) + sorted(
        name for name in committed if committed[name] != generated[name]
    )
    if added:
        warnings.warn(
            f"clients/python/ lacks additions ({added[:5]}…): run `make client`", stacklevel=1
        )


def test_files_left_by_installing_the_client_are_not_drift(tmp_path: Path) -> None:
    tree = tmp_path / "python"
    (tree / "pkg").mkdir(parents=True)
    (tree / "pkg" / "a.py").write_text("a\n")
    (tree / "build" / "lib").mkdir(parents=True)
    (tree / "build" / "lib" / "a.py").write_text("old\n")
    (tree / "x.egg-info").mkdir()
    (tree / "x.egg-info" / "PKG-INFO").write_text("x\n")
    # Outside git: only what the generator writes counts.
    assert set(committed_files(tree, {"pkg/a.py": ["a"]})) == {"pkg/a.py"}
    # In a git checkout: what git tracks, whatever the generator writes.
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    subprocess.run(["git", "-C", str(tree), "add", "pkg/a.py"], check=True)
    assert set(committed_files(tree, {})) == {"pkg/a.py"}

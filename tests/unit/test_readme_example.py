"""The README's "Use it from Python" example runs as printed and prints what it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "## Use it from Python"


def example(heading: str = HEADING, readme: Path = README) -> str:
    """The first ```python block under ``heading`` (before the next heading of its level)."""
    if not readme.exists():
        pytest.fail(f"{readme} is missing")
    text = readme.read_text(encoding="utf-8")
    assert heading in text, f"{readme.name} has no {heading!r} section"
    section = re.split(r"^## ", text.split(heading, 1)[1], flags=re.MULTILINE)[0]
    found = re.search(r"^```python\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    assert found, f"no ```python block under {heading!r}"
    return found.group(1)


def promised_outputs(code: str) -> list[str]:
    """What the ``print(...)  # comment`` lines say they print, less any "(explanation)"."""
    promises = []
    for line in code.splitlines():
        if line.lstrip().startswith("print(") and "#" in line:
            comment = line.rsplit("#", 1)[1].strip()
            promises.append(re.sub(r"\s*\([^)]*\)$", "", comment).strip())
    return promises


def test_the_readme_example_runs_and_prints_what_its_comments_say() -> None:
    code = example()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {"__name__": "readme_example"})
    printed = out.getvalue().splitlines()
    for promise in promised_outputs(code):
        assert any(line.startswith(promise) for line in printed), (promise, printed)

"""Summarize a ``mutmut run``: the share of mutants killed, per module and per target group.

``make mutation`` runs it after mutmut. Mutants judged equivalent (no test could tell them
from the original) are listed with a reason in ``docs/testing.md``, in a table whose first
cell is the mutant's name in backquotes; they count neither as killed nor as survived. The
exit status is 1 when a target group is below its target, so the figure cannot rot quietly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

TARGET = 0.90
# The groups the target applies to: the domain, and the application's handlers and policy.
GROUPS = {
    "domain": ("rental.domain.",),
    "handlers + authorization": (
        "rental.application.handlers.",
        "rental.application.authorization.",
    ),
}
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
SURVIVED = {"survived", "no tests"}
EQUIVALENTS_DOC = Path("docs/testing.md")
EQUIVALENT_ROW = re.compile(r"^\|\s*`(rental\.[^`]+__mutmut_\d+)`\s*\|")


def results() -> dict[str, str]:
    """Every mutant's name and status, as ``mutmut results --all true`` prints them."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("rental."):
            found[name] = status
    return found


def equivalents() -> set[str]:
    if not EQUIVALENTS_DOC.exists():
        return set()
    rows = (EQUIVALENT_ROW.match(line) for line in EQUIVALENTS_DOC.read_text().splitlines())
    return {row.group(1) for row in rows if row}


def module_of(mutant: str) -> str:
    return mutant.rsplit(".", 1)[0]


def score(counts: Counter[str]) -> float | None:
    judged = counts["killed"] + counts["survived"]
    return None if judged == 0 else counts["killed"] / judged


def main() -> int:
    statuses = results()
    equivalent = equivalents()
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in statuses.items():
        counts = per_module[module_of(name)]
        if name in equivalent and status in SURVIVED:
            counts["equivalent"] += 1
        elif status in KILLED:
            counts["killed"] += 1
        elif status in SURVIVED:
            counts["survived"] += 1
        else:
            counts["unchecked"] += 1

    print(f"{'module':45} {'killed':>7} {'survived':>8} {'equiv.':>6} {'unchecked':>9}  score")
    for module in sorted(per_module):
        counts = per_module[module]
        share = score(counts)
        shown = "  -" if share is None else f"{share:6.1%}"
        print(
            f"{module:45} {counts['killed']:7} {counts['survived']:8} "
            f"{counts['equivalent']:6} {counts['unchecked']:9}  {shown}"
        )
    failed = False
    for group, prefixes in GROUPS.items():
        total: Counter[str] = Counter()
        for module, counts in per_module.items():
            if f"{module}.".startswith(prefixes):
                total.update(counts)
        share = score(total)
        met = share is not None and share >= TARGET and total["unchecked"] == 0
        failed |= not met
        shown = "no mutants judged" if share is None else f"{share:.1%}"
        print(f"{group}: {shown} killed (target {TARGET:.0%}){'' if met else '  <- below target'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Switch off each validation rule and built-site check in turn; report which tests notice.

A rule is a place in build_scripts/ that reports a problem: `problems.add(…)`, `errors.append(…)`
/ `problems.append(…)` (parsers), `_add(problems, …)` (built-site checks) and `raise …Error(…)`
for YAML duplicate keys. Each mutant makes one such call do nothing, in a copy of the repository,
and runs the fast suite (no browser), stopping at the first failing test.

    .venv/bin/python tools/rules_caught.py            # every rule
    .venv/bin/python tools/rules_caught.py load.py    # the rules of one module

Exit status 1 if any rule is switched off without a test failing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULE = re.compile(r"^(?P<indent>\s*)(?P<call>problems\.add\(|errors\.append\(\(|problems\.append\(\(|"
                  r"_add\(problems, |raise yaml\.constructor\.ConstructorError\()")
# Fast tests, the quickest to fail first.
TESTS = ["tests/generator/test_scenarios.py", "tests/generator", "tests/edition"]


def rules(only: str | None) -> list[tuple[Path, int, str]]:
    """(file, line number, line) of every rule site."""
    found = []
    for path in sorted((REPO / "build_scripts").rglob("*.py")):
        if only and path.name != only:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if RULE.match(line):
                found.append((path, number, line.strip()))
    return found


def mutate(line: str) -> str:
    """The same call made harmless: its arguments are still evaluated, nothing is reported."""
    match = RULE.match(line)
    call = match["call"]
    opener = "((" if call.endswith("((") else "("
    if call.startswith("_add(problems, "):
        return line.replace("_add(problems, ", "(lambda *a, **k: None)(problems, ", 1)
    return line.replace(call, f"(lambda *a, **k: None){opener}", 1)


def main(argv: list[str]) -> int:
    only = argv[0] if argv else None
    sites = rules(only)
    work = Path(tempfile.mkdtemp(prefix="rules-"))
    copy = work / "repo"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".git", "site", ".venv", "*.pyc",
                                                               "__pycache__", ".site*"))
    python = REPO / ".venv" / "bin" / "python"
    missed = []
    print(f"{len(sites)} rules")
    for path, number, text in sites:
        target = copy / path.relative_to(REPO)
        original = target.read_text("utf-8")
        lines = original.splitlines(keepends=True)
        lines[number - 1] = mutate(lines[number - 1])
        target.write_text("".join(lines), "utf-8")
        try:
            run = subprocess.run(
                [str(python), "-m", "pytest", "-x", "-q", "-n", "2", "-m", "not browser",
                 "-p", "no:cacheprovider", *TESTS], cwd=copy, capture_output=True, text=True,
                timeout=600, check=False)
        finally:
            target.write_text(original, "utf-8")
        failed = re.search(r"^FAILED (\S+)", run.stdout, re.MULTILINE)
        where = f"{path.relative_to(REPO)}:{number}"
        if run.returncode == 0:
            missed.append(where)
            print(f"NOT CAUGHT  {where}  {text[:70]}")
        else:
            print(f"caught      {where}  by {failed[1] if failed else 'an error'}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n{len(sites) - len(missed)}/{len(sites)} rules caught by a fast test")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

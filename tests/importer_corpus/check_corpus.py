"""Check the importer test corpus for labelling mistakes.

Run: .venv/bin/python tests/importer_corpus/check_corpus.py
Prints per-file and total line counts by tag; exits 1 on the first kind of problem found
(each problem is printed as ``path:line: what — how to fix``).
"""
from __future__ import annotations

import collections
import html.parser
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
TAGS = "TASIFB"
ARABIC = re.compile(r"[\u0600-\u06FF]")


def parse_text_page(path: pathlib.Path) -> tuple[list[tuple[int, str, str]], list[str]]:
    """Return ([(line number, tag, raw line)], [problems])."""
    rows, problems = [], []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return rows, [f"{path}:1: not UTF-8 ({exc}) — save the file as UTF-8"]
    if text.startswith("\ufeff"):
        problems.append(f"{path}:1: starts with a BOM — save as UTF-8 without BOM")
    for number, line in enumerate(text.split("\n"), 1):
        if line == "" and number == len(text.split("\n")):
            continue  # final newline
        if line.startswith("%% "):
            continue
        if line == "B":
            rows.append((number, "B", ""))
            continue
        tag, sep, rest = line[:1], line[1:2], line[2:]
        if tag not in TAGS or tag == "B" or sep != " " or not rest.strip():
            problems.append(f"{path}:{number}: bad label line {line[:30]!r} — start with one of T A S I F, a space, then the text (or just B)")
            continue
        if rest != rest.strip():
            problems.append(f"{path}:{number}: leading/trailing spaces in the raw line — remove them unless the page really has them")
        rows.append((number, tag, rest))
    return rows, problems


class TextCollector(html.parser.HTMLParser):
    """Visible text of an HTML document, one block per text run (scripts/styles skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(document: str) -> str:
    collector = TextCollector()
    collector.feed(document)
    return re.sub(r"\s+", " ", "".join(collector.parts))


def check_html_pair(page: pathlib.Path) -> tuple[list[str], dict]:
    problems: list[str] = []
    truth_path = page.with_suffix(".yml")
    if not truth_path.exists():
        return [f"{page}:1: no truth file {truth_path.name} — write one next to the page"], {}
    document = page.read_text(encoding="utf-8")
    try:
        truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{truth_path}:1: YAML does not parse ({exc}) — fix the quoting"], {}
    keys = {"headline", "date", "outlet", "author", "paragraphs", "subheadings", "furniture"}
    missing = keys - set(truth)
    if missing:
        problems.append(f"{truth_path}:1: missing keys {sorted(missing)} — add them (null if unknown)")
    extra = set(truth) - keys
    if extra:
        problems.append(f"{truth_path}:1: unknown keys {sorted(extra)} — remove them")
    text = visible_text(document)
    whole = re.sub(r"\s+", " ", document)
    if truth.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(truth["date"])):
        problems.append(f"{truth_path}:1: date {truth['date']!r} is not YYYY-MM-DD — quote it as \"YYYY-MM-DD\" or null")
    for key in ("headline", "outlet", "author"):
        value = truth.get(key)
        if value is not None and value not in whole and value not in text:
            problems.append(f"{truth_path}:1: {key} {value!r} does not occur in {page.name} — copy it exactly from the page")
    for key in ("paragraphs", "subheadings"):
        for item in truth.get(key) or []:
            if item not in text:
                problems.append(f"{truth_path}:1: {key[:-1]} not in the page's visible text: {item[:50]!r} — copy it exactly")
    furniture = truth.get("furniture") or []
    if len(furniture) < 8:
        problems.append(f"{truth_path}:1: only {len(furniture)} furniture strings — list at least 8")
    for item in furniture:
        if item not in text:
            problems.append(f"{truth_path}:1: furniture not in the page's visible text: {item[:50]!r} — copy it exactly")
        if any(item in p for p in truth.get("paragraphs") or []):
            problems.append(f"{truth_path}:1: furniture {item[:40]!r} is part of an article paragraph — choose a string the article does not contain")
    if len(truth.get("paragraphs") or []) < 5:
        problems.append(f"{truth_path}:1: fewer than 5 paragraphs — the brief asks for 5–15")
    return problems, truth


def check_text_folder(folder: pathlib.Path, minimum: int) -> list[str]:
    """Check every labelled page in ``folder``; print its table of counts."""
    problems: list[str] = []
    total: collections.Counter = collections.Counter()
    text_pages = sorted(folder.glob("*.txt"))
    print(f"{'file':38} " + " ".join(f"{t:>4}" for t in TAGS) + "  furn%")
    for path in text_pages:
        rows, file_problems = parse_text_page(path)
        problems += file_problems
        counts = collections.Counter(tag for _, tag, _ in rows)
        total += counts
        if counts["T"] != 1:
            problems.append(f"{path}:1: {counts['T']} headline lines — label exactly one line T")
        if not 5 <= counts["A"] <= 15:
            problems.append(f"{path}:1: {counts['A']} article paragraphs — the brief asks for 5–15")
        content = sum(counts[t] for t in "TASIF")
        share = 100 * counts["F"] / content if content else 0
        if not 15 <= share <= 75 and path.stem != "plain-library":
            problems.append(f"{path}:1: furniture is {share:.0f}% of non-blank lines — the brief wants 30–60% overall; keep single pages within 15–75%")
        seen: dict[str, tuple[int, str]] = {}
        for number, tag, raw in rows:
            if tag == "B":
                continue
            first = seen.setdefault(raw, (number, tag))
            if first[1] != tag and "T" not in (first[1], tag):
                problems.append(f"{path}:{number}: same line labelled {first[1]} on line {first[0]} and {tag} here — "
                                "an importer cannot tell them apart; reword one or label both alike")
        for number, tag, raw in rows:
            if tag in "TASI" and not ARABIC.search(raw):
                problems.append(f"{path}:{number}: {tag} line has no Arabic letter — is it furniture?")
        print(f"{path.name:38} " + " ".join(f"{counts[t]:>4}" for t in TAGS) + f"  {share:4.0f}")
    content = sum(total[t] for t in "TASIF")
    print(f"{'TOTAL ' + folder.name + ' (' + str(len(text_pages)) + ' pages)':38} " + " ".join(f"{total[t]:>4}" for t in TAGS)
          + f"  {100 * total['F'] / content:4.0f}")
    overall = 100 * total["F"] / content if content else 0
    if not 30 <= overall <= 60:
        problems.append(f"{folder}: furniture is {overall:.0f}% of all non-blank lines — the brief asks for 30–60%")
    if len(text_pages) < minimum:
        problems.append(f"{folder}: only {len(text_pages)} text pages — the brief asks for {minimum}+")
    return problems


def main() -> int:
    problems: list[str] = []
    for folder, minimum in (("text", 22), ("holdout", 0)):
        problems += check_text_folder(HERE / folder, minimum)

    html_pages = sorted((HERE / "html").glob("*.html"))
    html_counts: collections.Counter = collections.Counter()
    for page in html_pages:
        page_problems, truth = check_html_pair(page)
        problems += page_problems
        html_counts["pages"] += 1
        html_counts["paragraphs"] += len(truth.get("paragraphs") or [])
        html_counts["subheadings"] += len(truth.get("subheadings") or [])
        html_counts["furniture"] += len(truth.get("furniture") or [])
        html_counts["with date"] += truth.get("date") is not None
        html_counts["with author"] += truth.get("author") is not None
        html_counts["with outlet"] += truth.get("outlet") is not None
    print("HTML:", dict(html_counts))
    if len(html_pages) < 8:
        problems.append(f"{HERE / 'html'}: only {len(html_pages)} HTML pages — the brief asks for 8+")
    for stray in sorted((HERE / "html").glob("*.yml")):
        if not stray.with_suffix(".html").exists():
            problems.append(f"{stray}:1: truth file without a page — add {stray.with_suffix('.html').name} or remove it")

    bad = sorted((HERE / "bad").glob("*"))
    print("bad files:", [p.name for p in bad])
    for path in bad:
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(f"{path}:1: not UTF-8 — the bad files are bad by content, not encoding")
    if len(bad) < 3:
        problems.append(f"{HERE / 'bad'}: only {len(bad)} bad files — the brief asks for 3")

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

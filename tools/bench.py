"""Benchmark the offline files: generation time (median of several runs) and size per kind.

    .venv/bin/python tools/bench.py [--runs 3]

Times one process's work, the machine being shared: compare the medians, not single runs. The
CPU seconds (the process's own) vary less than the wall-clock ones when other work shares the cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str]) -> int:
    from build_scripts.build import check
    from build_scripts.enrich import enrich
    from build_scripts.errors import Problems
    from build_scripts.i18n import load_strings
    from build_scripts.outputs import epub, pdf
    from build_scripts.outputs.common import View

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    site = enrich(check(REPO))
    rows = []
    for lang in site.config.codes:
        v = View(site, lang, load_strings(REPO / "content" / "locales", lang,
                                          Problems(REPO)), "../")
        article = max(site.articles, key=lambda a: len(a.blocks))
        kinds = {  # each is run at once, within this loop turn
            "article PDF": lambda v=v, a=article: pdf.render(pdf.article_document(a, v)),
            "answer-key PDF": lambda v=v, a=article: pdf.render(pdf.answers_document(a, v)),
            "booklet PDF": lambda v=v: pdf.render(pdf.booklet(site, v)),
            "EPUB": lambda v=v: epub.book(site, v),
        }
        for kind, make in kinds.items():
            times, cpu, size = [], [], 0
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                size = len(make())
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            rows.append((lang, kind, statistics.median(times), min(times), max(times),
                         statistics.median(cpu), size))
    print(f"{'lang':4} {'file':16} {'median s':>9} {'min':>6} {'max':>6} {'cpu s':>6} {'size KB':>8}")
    for lang, kind, median, low, high, cpu, size in rows:
        print(f"{lang:4} {kind:16} {median:9.2f} {low:6.2f} {high:6.2f} {cpu:6.2f} "
              f"{size / 1000:8.0f}")
    print(f"(article PDF and answer key: the longest article, "
          f"{max(site.articles, key=lambda a: len(a.blocks)).slug})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

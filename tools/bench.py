"""Benchmarks (issue 11): build speed, page weight, Lighthouse and the offline files.

    .venv/bin/python tools/bench.py [--runs 3] [--only stages,web,weight,lighthouse,offline]
                                    [--web-sizes 5,300]

- stages: the content stages (load → validate → enrich → output checks, everything before
  MkDocs) on synthetic editions of 10, 100, 300 and 500 articles (tools/corpus.py), in ms per
  article; target ≤ 20 ms at 500, growing linearly.
- web: the whole site without PDFs against a plain mkdocs-material `mkdocs build` of the same
  generated Markdown, at 5 and 300 articles, run in turn, the ratio pair by pair; target ≤ 1.3×.
- weight: an article page's first visit over a gzip server, fonts included, in Chromium:
  requests and bytes transferred (gzip) and raw; targets ≤ 12 requests and ≤ 200 KB gzip.
- lighthouse: mobile performance (target ≥ 95) and accessibility (target 100) of an Arabic and an
  English article page, served gzipped (npm lighthouse 12 from tools/package.json: run
  `npm ci --prefix tools` once; Chromium at /usr/bin/chromium or $CHROME_PATH).
- offline: generation time and size of each kind of offline file (PDF, EPUB).

Every figure is the median of `--runs` runs (min and max beside it): the machine is shared, so
compare medians and pairwise ratios, not single runs. Each timed run is a fresh process, so no
cache of one run speeds up the next.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

SECTIONS = ("stages", "web", "weight", "lighthouse", "offline")
STAGE_SIZES = (10, 100, 300, 500)
WEB_SIZES = (5, 300)
PLAIN_MKDOCS = """site_name: plain
docs_dir: {docs}
site_dir: {site}
use_directory_urls: false
theme: {{name: material, language: {lang}}}
plugins: [search]
markdown_extensions: [attr_list, md_in_html, admonition, {{toc: {{permalink: "#"}}}}]
"""


def median_row(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def child(argv: list[str]) -> tuple[float, float]:
    """Run `tools/bench.py --child …` in a fresh process; return the (wall, CPU) seconds it
    reports."""
    result = subprocess.run([sys.executable, __file__, "--child", *argv], check=False,
                            cwd=REPO,
                            capture_output=True, text=True, env={**os.environ,
                                                                 "SOURCE_DATE_EPOCH": "0"})
    if result.returncode:
        raise SystemExit(f"bench step {argv} failed:\n{result.stdout}\n{result.stderr}")
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for (user + system)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), \
        resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_child(kind: str, args: list[str]) -> None:
    """In the child: import everything first, then time only the work: wall time, and CPU time
    (this process and its workers), which the other loads of a shared machine hardly change."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from build_scripts.build import build, check

    start, cpu = time.perf_counter(), cpu_seconds()
    if kind == "stages":  # everything `check` does: load, validate, enrich, output checks
        check(REPO, content=Path(args[0]))
    elif kind == "site":
        build(REPO, site_dir=Path(args[1]), content=Path(args[0]), skip={"pdf"})
    elif kind == "mkdocs":  # a plain mkdocs-material build of each language's Markdown
        for config_file in args:
            mkdocs_build(load_config(config_file=config_file))
    print(time.perf_counter() - start, cpu_seconds() - cpu)


# --- content stages and the web build -------------------------------------------------------

def edition(size: int, tmp: Path) -> Path:
    import corpus

    return corpus.make(REPO / "content", size, tmp / f"corpus-{size}")


def bench_stages(runs: int, tmp: Path) -> list[str]:
    lines = ["content stages (load → validate → enrich → output checks), ms per article:",
             f"{'articles':>8} {'CPU ms':>7} {'min':>6} {'max':>6} {'wall ms':>8}"
             "   target ≤ 20 ms at 500"]
    per_article = {}
    for size in STAGE_SIZES:
        content = edition(size, tmp)
        runs_ = [child(["stages", str(content)]) for _ in range(runs)]
        times = [cpu * 1000 / size for _, cpu in runs_]
        per_article[size] = statistics.median(times)
        wall = statistics.median(w for w, _ in runs_) * 1000 / size
        lines.append(f"{size:8} {per_article[size]:7.1f} {min(times):6.1f} {max(times):6.1f} "
                     f"{wall:8.1f}")
    growth = per_article[STAGE_SIZES[-1]] / per_article[STAGE_SIZES[1]]
    verdict = "meets" if per_article[STAGE_SIZES[-1]] <= 20 else "misses"
    lines.append(f"{verdict} the target; per-article time at {STAGE_SIZES[-1]} / at "
                 f"{STAGE_SIZES[1]}: {growth:.2f} (1.0 = linear growth)")
    return lines


def generated_markdown(content: Path, keep: Path) -> list[Path]:
    """Build once, keeping each language's generated Markdown; return plain mkdocs configs."""
    from build_scripts import build as pipeline

    original = pipeline._write_pages

    def write_and_keep(docs: Path, pages) -> None:
        original(docs, pages)
        shutil.copytree(docs, keep / "docs" / docs.name, dirs_exist_ok=True)

    pipeline._write_pages = write_and_keep
    try:
        pipeline.build(REPO, site_dir=keep / "site", content=content, skip={"pdf"})
    finally:
        pipeline._write_pages = original
    configs = []
    for docs in sorted((keep / "docs").iterdir()):
        config = keep / f"plain-{docs.name}.yml"
        config.write_text(PLAIN_MKDOCS.format(docs=docs, site=keep / "plain" / docs.name,
                                              lang=docs.name), encoding="utf-8")
        configs.append(config)
    return configs


def bench_web(runs: int, tmp: Path, sizes: tuple[int, ...] = ()) -> list[str]:
    lines = ["whole site without PDFs vs plain mkdocs-material of the same Markdown (both languages),",
             "seconds and ratio ours/plain, pair by pair (CPU: all processes; wall: elapsed):",
             f"{'articles':>8} {'ours CPU':>8} {'plain CPU':>9} {'ratio':>6} {'min':>5} {'max':>5}"
             f" {'ours wall':>9} {'plain wall':>10} {'ratio':>6}   target ≤ 1.3×"]
    for size in sizes or WEB_SIZES:
        content = edition(size, tmp)
        configs = generated_markdown(content, tmp / f"web-{size}")
        ours, plain = [], []
        for _ in range(runs):  # in turn, so a drift of the machine's speed hits both
            ours.append(child(["site", str(content), str(tmp / f"web-{size}" / "ours")]))
            plain.append(child(["mkdocs", *map(str, configs)]))
        cpu, low, high = median_row([o[1] / p[1] for o, p in zip(ours, plain)])
        wall = statistics.median(o[0] / p[0] for o, p in zip(ours, plain))
        lines.append(f"{size:8} {statistics.median(o[1] for o in ours):8.1f} "
                     f"{statistics.median(p[1] for p in plain):9.1f} {cpu:6.2f} {low:5.2f} "
                     f"{high:5.2f} {statistics.median(o[0] for o in ours):9.1f} "
                     f"{statistics.median(p[0] for p in plain):10.1f} {wall:6.2f}   "
                     f"{'meets' if cpu <= 1.3 and wall <= 1.3 else 'misses'}; "
                     f"{statistics.median(o[1] for o in ours) * 1000 / size:.0f} CPU ms "
                     "per article")
    return lines


# --- page weight and Lighthouse over a gzip server ------------------------------------------

GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text files (as any real host does) and counts what it sends."""

    log: ClassVar[list[tuple[str, int, int]]] = []  # (path, bytes sent, raw bytes)

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            self.log.append((self.path, 0, 0))
            return
        raw = path.read_bytes()
        body = raw
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(raw, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)
        self.log.append((self.path, len(body) + 200, len(raw)))  # ~200 bytes of headers

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    handler = type("Handler", (_GzipHandler,), {"log": []})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a, **k: handler(*a, directory=str(folder), **k))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.log
    finally:
        server.shutdown()
        server.server_close()


def built_site(tmp: Path) -> Path:
    from build_scripts.build import build

    return build(REPO, site_dir=tmp / "site", skip={"pdf"})


def article_pages(site: Path) -> dict[str, str]:
    """An article page per language: the longest article (the heaviest page)."""
    pages = {}
    for lang in ("ar", "en"):
        articles = sorted((site / lang / "articles").glob("*.html"), key=lambda p: p.stat().st_size)
        pages[lang] = f"{lang}/articles/{articles[-1].name}"
    return pages


def bench_weight(runs: int, tmp: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    site = built_site(tmp)
    lines = ["article page, first visit (empty cache) over gzip, fonts included:",
             f"{'page':44} {'requests':>8} {'gzip KB':>8} {'raw KB':>7} {'fonts KB':>8}"
             "   targets ≤ 12 requests, ≤ 200 KB gzip"]
    with serve(site) as (base, log), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROME_PATH",
                                                                   "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-gpu"])
        for page_path in article_pages(site).values():
            figures = []
            for _ in range(runs):
                log.clear()
                context = browser.new_context(viewport={"width": 412, "height": 823})
                page = context.new_page()
                page.goto(f"{base}/{page_path}", wait_until="networkidle")
                page.wait_for_timeout(500)  # late requests (fonts, workers)
                context.close()
                served = list(log)
                figures.append((len(served), sum(s for _, s, _ in served),
                                sum(r for _, _, r in served),
                                sum(s for path, s, _ in served if path.endswith(".woff2"))))
            count, sent, raw, fonts = sorted(figures)[len(figures) // 2]
            ok = count <= 12 and sent <= 200_000
            lines.append(f"{page_path:44} {count:8} {sent / 1000:8.0f} {raw / 1000:7.0f} "
                         f"{fonts / 1000:8.0f}   {'meets' if ok else 'misses'}")
            lines.append("    " + ", ".join(path.rsplit("/", 1)[-1].split("?")[0]
                                            for path, _, _ in served))
        browser.close()
    return lines


METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def bench_lighthouse(runs: int, tmp: Path) -> list[str]:
    binary = REPO / "tools" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return ["lighthouse: not installed; run `npm ci --prefix tools` first"]
    site = built_site(tmp)
    lines = ["Lighthouse, mobile (its default throttling), served gzipped:",
             f"{'page':44} {'performance':>11} {'accessibility':>13}   targets ≥ 95, 100"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with serve(site) as (base, _):
        for lang, page_path in article_pages(site).items():
            scores = []
            for n in range(runs):
                report = tmp / f"lighthouse-{lang}-{n}.json"
                subprocess.run([str(binary), f"{base}/{page_path}", "--quiet",
                                "--output=json", f"--output-path={report}",
                                "--only-categories=performance,accessibility",
                                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                                f"--user-data-dir={tmp / f'chrome-{lang}-{n}'}"],
                               env=env, check=True, capture_output=True)
                data = json.loads(report.read_text(encoding="utf-8"))
                scores.append((data["categories"]["performance"]["score"] * 100,
                               data["categories"]["accessibility"]["score"] * 100,
                               [a["id"] for a in data["audits"].values()
                                if a.get("score") is not None and a["score"] < 1
                                and a.get("scoreDisplayMode") == "binary"],
                               {m: data["audits"][m]["displayValue"] for m in METRICS}))
            perf = statistics.median(s[0] for s in scores)
            access = statistics.median(s[1] for s in scores)
            ok = perf >= 95 and access >= 100
            lines.append(f"{page_path:44} {perf:11.0f} {access:13.0f}   "
                         f"{'meets' if ok else 'misses'} (runs: "
                         f"{', '.join(f'{p:.0f}/{a:.0f}' for p, a, _, _ in scores)})")
            lines.append("    " + "; ".join(f"{m} {v}" for m, v in scores[0][3].items()))
            failed = sorted({audit for s in scores for audit in s[2]})
            if failed:
                lines.append(f"    failed audits: {', '.join(failed)}")
    return lines


# --- offline files ----------------------------------------------------------------------------

def bench_offline(runs: int, tmp: Path) -> list[str]:
    from build_scripts.build import check
    from build_scripts.enrich import enrich
    from build_scripts.errors import Problems
    from build_scripts.i18n import load_strings
    from build_scripts.outputs import epub, pdf
    from build_scripts.outputs.common import View

    site = enrich(check(REPO))
    rows = []
    article = max(site.articles, key=lambda a: len(a.blocks))
    for lang in site.config.codes:
        v = View(site, lang, load_strings(REPO / "content" / "locales", lang,
                                          Problems(REPO)), "../")
        kinds = {  # each is run at once, within this loop turn
            "article PDF": lambda v=v, a=article: pdf.render(pdf.article_document(a, v)),
            "answer-key PDF": lambda v=v, a=article: pdf.render(pdf.answers_document(a, v)),
            "booklet PDF": lambda v=v: pdf.render(pdf.booklet(site, v)),
            "EPUB": lambda v=v: epub.book(site, v),
        }
        for kind, make in kinds.items():
            times, cpu, size = [], [], 0
            for _ in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                size = len(make())
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            rows.append((lang, kind, *median_row(times), statistics.median(cpu), size))
    lines = ["offline files (CPU seconds vary less than wall-clock on shared cores):",
             f"{'lang':4} {'file':16} {'median s':>9} {'min':>6} {'max':>6} {'cpu s':>6} "
             f"{'size KB':>8}"]
    for lang, kind, median, low, high, cpu_s, size in rows:
        lines.append(f"{lang:4} {kind:16} {median:9.2f} {low:6.2f} {high:6.2f} {cpu_s:6.2f} "
                     f"{size / 1000:8.0f}")
    lines.append(f"(article PDF and answer key: the longest article, {article.slug})")
    return lines


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        run_child(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--web-sizes", default=",".join(map(str, WEB_SIZES)),
                        help="edition sizes of the web build comparison (articles)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(wanted) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    web_sizes = tuple(int(n) for n in args.web_sizes.split(","))
    benches = {"stages": bench_stages,
               "web": lambda runs, tmp: bench_web(runs, tmp, web_sizes), "weight": bench_weight,
               "lighthouse": bench_lighthouse, "offline": bench_offline}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for section in wanted:
            for line in benches[section](args.runs, Path(folder)):
                print(line, flush=True)
            print(flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

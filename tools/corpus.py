"""Make a synthetic edition of N articles from the real one, for benchmarks.

    .venv/bin/python tools/corpus.py 300 /tmp/corpus-300   # writes /tmp/corpus-300/content

The edition is copied as it is (settings, glossary, timeline, claims, pages, the real articles);
the extra articles are real ones under new slugs, each followed by paragraphs taken from the other
articles (Arabic and English together, so every name and number stays translated). The template's
own paragraphs keep their ids, so its explainers, quiz and lesson stay valid and the build passes.
The same N gives the same corpus (a fixed seed).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EXTRA_PARAGRAPHS = 2  # taken from other articles, after the template's own text
_TITLE = re.compile(r"^(  (?:ar|en): )(\"?)(.*?)(\"?)$", re.MULTILINE)
_SOURCE_FILE = re.compile(r"^source_file: .*$", re.MULTILINE)


def _paragraphs(folder: Path, lang: str) -> dict[str, str]:
    from build_scripts import textfile

    blocks, _ = textfile.parse((folder / f"{lang}.md").read_text(encoding="utf-8"))
    return {b.id: b.text for b in blocks if b.kind != "heading"}


def make(content: Path, count: int, out: Path) -> Path:
    """Write an edition of `count` articles (at least the real ones) to `out`/content."""
    target = out / "content"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(content, target)
    real = sorted(p for p in (content / "articles").iterdir() if p.is_dir())
    langs = ("ar", "en")
    pool = [(folder.name, pid, {lang: _paragraphs(folder, lang)[pid] for lang in langs})
            for folder in real for pid in _paragraphs(folder, "ar")]
    rng = random.Random(count)
    for n in range(count - len(real)):
        template = real[n % len(real)]
        slug = f"{template.name}-{n + 1:03d}"
        folder = target / "articles" / slug
        shutil.copytree(template, folder)
        meta = (folder / "article.yml").read_text(encoding="utf-8")
        meta = _SOURCE_FILE.sub(f"source_file: synthetic-{n + 1:03d}.txt", meta, count=1)
        meta = _TITLE.sub(lambda m, k=n + 1: f"{m[1]}{m[2]}{m[3]} ({k}){m[4]}", meta, count=2)
        (folder / "article.yml").write_text(meta, encoding="utf-8")
        last = max(int(pid[1:]) for pid in _paragraphs(template, "ar"))
        extra = rng.sample([p for p in pool if p[0] != template.name], EXTRA_PARAGRAPHS)
        for lang in langs:
            text = (folder / f"{lang}.md").read_text(encoding="utf-8").rstrip("\n")
            for k, (_, _, texts) in enumerate(extra, start=1):
                text += f"\n\n{{#p{last + k}}} {texts[lang]}"
            (folder / f"{lang}.md").write_text(text + "\n", encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args(argv)
    print(make(args.content, args.count, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

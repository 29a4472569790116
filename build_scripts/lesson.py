"""The teacher's guide to an article (`lesson.yml`): objectives, discussion questions and a
source-evaluation activity, checked like all content. Level, reading time and key vocabulary
come from the article and the glossary, not from this file."""

from __future__ import annotations

from pathlib import Path

from . import schema
from .errors import Problems
from .model import Article, Lesson, LessonClaim, Origin

TEXTS = schema.ListOf(schema.TextIn(), 1)

CLAIM = schema.Schema("a claim to evaluate", {
    "claim": schema.F("the claim, attributed", kind=schema.TextIn()),
    "source": schema.F("who makes it, as the article names them", kind=schema.TextIn()),
    "evidence": schema.F("what evidence the article gives, or that it gives none",
                         kind=schema.TextIn()),
    "reply": schema.F("who denies or disputes it, or that no reply is reported",
                      kind=schema.TextIn()),
    "paragraphs": schema.F("the paragraphs it rests on", kind=schema.ListOf(str, 1)),
}, make=lambda paragraphs, **texts: LessonClaim(**texts, paragraphs=tuple(paragraphs)))

LESSON = schema.Schema("a lesson guide", {
    "objectives": schema.F("what students can do after the lesson", kind=TEXTS),
    "discussion": schema.F("three to five questions for class discussion", kind=TEXTS),
    "source_activity": schema.F("the source-evaluation activity", kind=schema.Schema(
        "a source-evaluation activity", {
            "intro": schema.F("what students do", kind=schema.TextIn()),
            "claims": schema.F("the claims to evaluate", kind=schema.ListOf(CLAIM, 1)),
        })),
}, example="objectives:\n  - {ar: …, en: …}\ndiscussion:\n  - {ar: …, en: …}")


def load_lesson(path: Path, rel: str, article: Article, ctx: schema.Context, problems: Problems,
                load_yaml) -> Lesson | None:
    """Read and check `lesson.yml` (optional); None when absent or broken."""
    data = load_yaml(path, LESSON, ctx, problems, required=False)
    if not data:
        return None
    activity = data["source_activity"]
    paragraphs = {b.id for b in article.blocks if b.kind != "heading"}
    ok = True
    for claim, line in zip(activity["claims"], activity["claims"].item_lines):
        for ident in claim.paragraphs if claim else ():
            if ident not in paragraphs:
                problems.add(path, line, f"source_activity: '{ident}' is not a paragraph of "
                             f"{article.slug}", "cite a paragraph id of its text, e.g. p3")
                ok = False
    if not 3 <= len(data["discussion"]) <= 5:
        problems.add(path, data["discussion"].line, "discussion: write three to five "
                     f"questions (found {len(data['discussion'])})", "add or remove some")
        ok = False
    if not ok:
        return None
    return Lesson(objectives=tuple(data["objectives"]), discussion=tuple(data["discussion"]),
                  intro=activity["intro"], claims=tuple(activity["claims"]),
                  origin=Origin(rel, 1))

"""This edition's content (tests of the edition, not of the generator)."""

from __future__ import annotations

from pathlib import Path

from build_scripts.build import check

REPO = Path(__file__).resolve().parents[2]


def test_the_edition_is_valid_and_complete():
    warnings: list = []
    site = check(REPO, warnings=warnings)
    assert len(site.articles) == 5
    assert all(not article.pending("en") for article in site.articles)
    assert warnings == [], "explainer sentences over 30 words: split them"


def test_every_claim_status_is_used_as_defined():
    site = check(REPO)
    used = {claim.status for claim in site.claims}
    assert used <= {status.id for status in site.config.claim_statuses}
    partly = [c for c in site.claims if c.status == "partly-denied"]
    assert partly and all(c.denial for c in partly), "a partial denial must say what it denies"
    for claim in site.claims:
        if claim.status in ("denied", "partly-denied"):
            assert claim.denial, f"{claim.id}: status {claim.status} without a denial"

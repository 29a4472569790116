"""Text becomes HTML in one place: input and expected output side by side."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from build_scripts import markup


def cite(refs: str) -> Markup:
    return Markup('<a href="#p{}">¶{}</a>').format(refs.split(",")[0].strip(), refs)


@pytest.mark.parametrize(("text", "html"), [
    ("plain", "plain"),
    ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
    ("[x](javascript:alert(1))", "&#91;x&#93;(javascript:alert(1))"),
    ("*a* _b_ `c` {: #id} ## !", ("&#42;a&#42; &#95;b&#95; &#96;c&#96; &#123;: &#35;id&#125; "
                                  "&#35;&#35; &#33;")),
    ("it's \"quoted\"", "it's \"quoted\""),
])
def test_text_is_escaped_for_html_and_inert_for_markdown(text, html):
    assert markup.text(text) == html


def test_rtl_text_isolates_latin_runs_but_not_bare_numbers():
    html = markup.text("وكالة KCNA في 2024 وصاروخ KN-23 & <x>", rtl=True)
    assert html == ('وكالة <bdi dir="ltr">KCNA</bdi> في 2024 وصاروخ <bdi dir="ltr">KN-23</bdi> '
                    "&amp; &lt;<bdi dir=\"ltr\">x</bdi>&gt;")


def test_attribute_text_escapes_quotes():
    assert markup.attr('a "b" \'c\'') == "a &#34;b&#34; &#39;c&#39;"


@pytest.mark.parametrize(("text", "html"), [
    ("**strong** and *em* [¶3]", '<strong>strong</strong> and <em>em</em> <a href="#p3">¶3</a>'),
    ("a * b [¶1, 2]", 'a &#42; b <a href="#p1">¶1, 2</a>'),
    ("<i>no</i> [¶2]", '&lt;i&gt;no&lt;/i&gt; <a href="#p2">¶2</a>'),
    ("**open", "&#42;&#42;open"),
])
def test_rich_text_allows_emphasis_and_citations_only(text, html):
    assert markup.rich(text, rtl=False, cite=cite) == html


def test_blocks_make_paragraphs_and_lists():
    lines = ["First [¶1].", "", "- one [¶2]", "- two", "  continued [¶3]", "", "1. first [¶4]"]
    assert markup.blocks(lines, rtl=False, cite=cite) == (
        '<p>First <a href="#p1">¶1</a>.</p>\n'
        '<ul><li>one <a href="#p2">¶2</a></li><li>two continued <a href="#p3">¶3</a></li></ul>\n'
        '<ol><li>first <a href="#p4">¶4</a></li></ol>')


def test_front_matter_quotes_any_title():
    assert markup.front_matter('A "title": with\\ colon') == \
        '---\ntitle: "A \\"title\\": with\\\\ colon"\n---\n\n'

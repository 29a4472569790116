"""The correction to WeasyPrint's line layout: right-to-left lines laid out once, where they were."""

from __future__ import annotations

from build_scripts.outputs import weasyfix

HTML = ('<html lang="ar" dir="rtl"><body style="width: 9cm; font-size: 14pt">'
        '<p>تتصاعد المخاوف من دخول كوريا الشمالية على خط الأزمة الأوكرانية بعدما توطدت العلاقات '
        'بين الزعيم <em>كيم جونغ أون</em> والرئيس الروسي فلاديمير بوتين (Vladimir Putin) وترددت '
        'أنباء حول زيارة يجريها الأول إلى روسيا.</p>'
        '<p dir="ltr">Left-to-right lines too, in a right-to-left page, wrapped over two lines '
        'or three.</p></body></html>')


def layout(monkeypatch, get_next_linebox):
    """(line boxes as geometry, how many times a line box was laid out)."""
    from weasyprint import HTML as Document
    from weasyprint.formatting_structure.boxes import LineBox
    from weasyprint.layout import inline

    calls = []
    split = inline.split_inline_box

    def counting(context, box, *args, **kwargs):
        if isinstance(box, LineBox):
            calls.append(box)
        return split(context, box, *args, **kwargs)

    monkeypatch.setattr(inline, "split_inline_box", counting)
    monkeypatch.setattr(inline, "get_next_linebox", get_next_linebox)
    page, = Document(string=HTML).render().pages
    lines = [(round(b.position_x, 3), round(b.position_y, 3), round(b.width, 3))
             for b in page._page_box.descendants() if isinstance(b, LineBox)]
    monkeypatch.undo()
    return lines, len(calls)


def test_rtl_lines_are_laid_out_once_at_the_same_places(monkeypatch):
    assert weasyfix.apply(), "WeasyPrint changed: check whether the bug is fixed, then drop weasyfix"
    assert weasyfix.apply()  # twice is harmless
    from weasyprint.layout import inline

    fixed_lines, fixed_calls = layout(monkeypatch, inline.get_next_linebox)
    original_lines, original_calls = layout(monkeypatch, weasyfix.ORIGINAL)
    assert len(fixed_lines) >= 5
    assert fixed_lines == original_lines
    assert fixed_calls == len(fixed_lines)
    assert original_calls > fixed_calls  # what the correction saves

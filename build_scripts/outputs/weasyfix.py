"""One correction to WeasyPrint's line layout, applied in the process that renders the PDFs.

WeasyPrint 70's `layout.inline.get_next_linebox` lays a line out, then lays it out again if
floats moved it: it compares the line's position before and after. In a right-to-left block it
adds the line's width to one side of that comparison and the width known before the layout (0
without floats) to the other, so the comparison never holds and every right-to-left line is laid
out twice, the second time identically — twice the layout time for Arabic text. The position of
a right-to-left line box is its right edge whatever its width (`layout.float.avoid_collisions`),
so the left-to-right comparison is the right one in both directions; with it the pages are the
same, pixel for pixel (tests/generator/test_weasyfix.py).

The correction edits that comparison in the function's source and compiles it into its module.
If the source is not the one expected (another WeasyPrint, perhaps fixed), nothing is changed.
"""

from __future__ import annotations

import inspect

_BUGGY = """\
        if containing_block.style['direction'] == 'ltr':
            condition = (position_x, position_y) == (
                original_position_x, original_position_y)
        else:
            condition = (position_x + line.width, position_y) == (
                original_position_x + original_width, original_position_y)
"""
_FIXED = """\
        condition = (position_x, position_y) == (original_position_x, original_position_y)
"""
ORIGINAL = None  # WeasyPrint's own function, once replaced


def apply() -> bool:
    """Replace `get_next_linebox` with the corrected one; True if it is (now or already)."""
    global ORIGINAL
    from weasyprint.layout import inline

    if ORIGINAL is not None:
        return True
    lines, first = inspect.getsourcelines(inline.get_next_linebox)
    source = "".join(lines)
    if source.count(_BUGGY) != 1:
        return False
    original = inline.get_next_linebox
    # Blank lines before it keep the line numbers of tracebacks those of WeasyPrint's file.
    fixed = "\n" * (first - 1) + source.replace(_BUGGY, _FIXED)
    exec(compile(fixed, inline.__file__, "exec"), inline.__dict__)  # noqa: S102 (WeasyPrint's own code)
    ORIGINAL = original
    return True

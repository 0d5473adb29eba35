"""The briefing as HTML: one fragment per block, for the notebook (and so ``04_briefing.html``).

Figures are ``<figure>`` elements with ``alt`` text and a caption; tables have a header row and
a caption; ``**bold**`` becomes ``<strong>``.
"""

from __future__ import annotations

import html
import re

from samen_model.products.briefing.content import (
    Briefing,
    Bullets,
    Definitions,
    Figure,
    Heading,
    Paragraph,
    Section,
    Table,
    keep_together,
)

CSS = """<style>
.samen-briefing{font:15px/1.5 "DejaVu Sans",Arial,sans-serif;max-width:52em}
.samen-briefing table{border-collapse:collapse;margin:.4em 0 1em;font-size:13px}
.samen-briefing th,.samen-briefing td{border-bottom:1px solid #ccc;padding:3px 8px;
 vertical-align:top}
.samen-briefing table th,.samen-briefing table td{text-align:left!important}
.samen-briefing th{background:#f2f2f2}
.samen-briefing table td.r,.samen-briefing table th.r{text-align:right!important}
.samen-briefing caption{caption-side:top;text-align:left;font-style:italic;color:#444}
.samen-briefing figure{margin:1em 0}.samen-briefing img{max-width:100%;height:auto}
.samen-briefing figcaption{font-style:italic;color:#444;font-size:13px}
.samen-briefing dt{font-weight:bold}.samen-briefing dd{margin:0 0 .5em 1.5em}
</style>"""


def inline(text: str) -> str:
    """Escape text for HTML and turn ``**bold**`` into ``<strong>``; amounts do not break."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(keep_together(text)))


def _caption(block: Table | Figure, numbers: dict[int, str] | None) -> str:
    """``Figuur 2. caption`` (the number from :meth:`Briefing.numbers`), or the caption."""
    number = (numbers or {}).get(id(block))
    return f"**{number}.** {block.caption}" if number else block.caption


def _table(t: Table, numbers: dict[int, str] | None = None) -> str:
    def cells(row: list[str], tag: str) -> str:
        return "".join(f'<{tag}{" class=r" if a == "r" else ""}>{inline(c)}</{tag}>'
                       for c, a in zip(row, t.align, strict=True))

    caption = f"<caption>{inline(_caption(t, numbers))}</caption>" if t.caption else ""
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in t.rows)
    return (f"<table>{caption}<thead><tr>{cells(t.header, 'th')}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def block_html(block: object, numbers: dict[int, str] | None = None) -> str:
    """One block as an HTML fragment (``numbers``: caption numbers by block id)."""
    if isinstance(block, Paragraph):
        return f"<p>{inline(block.text)}</p>"
    if isinstance(block, Heading):
        return f"<h3>{inline(block.text)}</h3>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block, numbers)
    if isinstance(block, Figure):
        caption = (f"<figcaption>{inline(_caption(block, numbers))}</figcaption>"
                   if block.caption else "")
        return (f'<figure><img src="data:image/png;base64,{block.png_base64}" '
                f'alt="{html.escape(block.alt, quote=True)}">{caption}</figure>')
    if isinstance(block, Definitions):
        return "<dl>" + "".join(f"<dt>{inline(term)}</dt><dd>{inline(text)}</dd>"
                                for term, text in block.items) + "</dl>"
    raise TypeError(f"not a briefing block: {type(block).__name__}")


def section_html(section: Section, numbers: dict[int, str] | None = None) -> str:
    """A section: its title (h2) and its blocks."""
    return (f'<section class="samen-briefing" id="{html.escape(section.key)}">'
            f"<h2>{inline(section.title)}</h2>"
            + "\n".join(block_html(b, numbers) for b in section.blocks) + "</section>")


def head_html(briefing: Briefing) -> str:
    """The title (h1), subtitle and the style of the briefing."""
    return (f'{CSS}<div class="samen-briefing"><h1>{inline(briefing.title)}</h1>'
            f"<p><em>{inline(briefing.subtitle)}</em></p></div>")


def briefing_html(briefing: Briefing) -> str:
    """The whole briefing as one HTML fragment."""
    numbers = briefing.numbers()
    return head_html(briefing) + "\n".join(section_html(s, numbers) for s in briefing.sections)

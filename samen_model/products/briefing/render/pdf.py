"""The briefing as PDF through Typst (the ``typst`` wheel carries the compiler; no downloads).

A4, page numbers ("Pagina 3 van 9"), charts as SVG (sharp at any zoom) with their alt text,
tables whose rows never break across pages and whose header repeats, the colophon on its own
last page. The font is DejaVu Sans from matplotlib's own data folder (the charts use it too),
so the PDF looks the same on every machine; system fonts are ignored.

Text goes into Typst as string literals (``#"..."``), never as markup, so no character of a
title or a source can be read as Typst syntax.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from samen_model.present import messages as msg
from samen_model.products.briefing.content import (
    COLOPHON,
    DEFAULT_AUTHOR,
    Briefing,
    Bullets,
    Definitions,
    Figure,
    Heading,
    Paragraph,
    Table,
    keep_together,
)

#: The page footer ("Pagina 2 van 9") by language.
PAGE = {lang: msg.texts("briefing.page", lang) for lang in msg.LANGUAGES}
FONT = "DejaVu Sans"
SHORT_TABLE_ROWS = 5  # up to this many rows a table is not split (no orphan row)
PREAMBLE = """#set document(title: {title}, author: {author}, date: {date})
#set page(paper: "a4", margin: (x: 2.2cm, top: 2.0cm, bottom: 2.4cm),
  footer: context [#set text(7.5pt, fill: luma(90)); {short} #h(1fr) {page}
    #counter(page).display() {of} #counter(page).final().first()])
#set text(font: "{font}", size: 9.5pt, lang: "{lang}")
#set par(leading: 0.62em, spacing: 0.9em)
#show heading.where(level: 1): it => block(above: 1.4em, below: 0.7em,
  text(size: 13.5pt, weight: "bold", fill: rgb("#1f3b63"), it.body))
#show heading.where(level: 2): it => block(above: 1.1em, below: 0.5em,
  text(size: 10.5pt, weight: "bold", it.body))
#set table(stroke: (x, y) => (bottom: 0.4pt + luma(180)), inset: (x: 4pt, y: 3pt),
  fill: (x, y) => if y == 0 {{ luma(235) }})
#set table.cell(breakable: false)
#show table: set text(size: 8pt)
#show table.cell.where(y: 0): set text(weight: "bold", hyphenate: true)
#show figure: set block(breakable: false)
#show figure.caption: set text(size: 8pt, style: "italic")
#set figure(numbering: none, gap: 0.5em)
#set terms(separator: [: ], tight: false)
"""


def s(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def content(text: str) -> str:
    """Text with ``**bold**`` as Typst content ``[#"..."#strong("...")]``."""
    parts = keep_together(text).split("**")
    out = []
    for i, part in enumerate(parts):
        if part:
            out.append(f"#strong({s(part)})" if i % 2 else f"#{s(part)}")
    return "[" + "".join(out) + "]"


def _caption(block: Table | Figure, numbers: dict[int, str]) -> str:
    """``Figuur 2. caption`` as Typst content (the number from :meth:`Briefing.numbers`)."""
    number = numbers.get(id(block))
    return content(f"**{number}.** {block.caption}" if number else block.caption)


def _table(t: Table, numbers: dict[int, str] | None = None) -> str:
    cols = ", ".join(f"{w:g}fr" for w in t.widths)
    align = ", ".join("right" if a == "r" else "left" for a in t.align)
    head = ", ".join(content(c) for c in t.header)
    body = ",\n  ".join(", ".join(content(c) for c in row) for row in t.rows)
    caption = (f"#block(below: 0.4em, sticky: true, text(size: 8pt, style: \"italic\", "
               f"{_caption(t, numbers or {})}))\n") if t.caption else ""
    table = (f"#table(columns: ({cols},), align: ({align},),\n"
             f"  table.header({head}),\n  {body})")
    # a short table stays on one page with its caption; a long one breaks between rows
    breakable = "true" if len(t.rows) > SHORT_TABLE_ROWS else "false"
    return f"#block(breakable: {breakable})[\n{caption}{table}]\n"


def _block(block: object, figures: list[Figure], numbers: dict[int, str] | None = None
           ) -> str:
    if isinstance(block, Paragraph):
        return f"#par({content(block.text)})\n"
    if isinstance(block, Heading):
        return f"#block(sticky: true, heading(level: 2, {content(block.text)}))\n"
    if isinstance(block, Bullets):
        return "#list(" + ", ".join(content(i) for i in block.items) + ")\n"
    if isinstance(block, Table):
        return _table(block, numbers)
    if isinstance(block, Figure):
        figures.append(block)
        caption = f", caption: {_caption(block, numbers or {})}" if block.caption else ""
        return (f"#figure(image(\"fig-{len(figures)}.svg\", width: 100%, "
                f"alt: {s(block.alt)}){caption})\n")
    if isinstance(block, Definitions):
        items = ", ".join(f"terms.item({content(term)}, {content(text)})"
                          for term, text in block.items)
        return f"#terms({items})\n"
    raise TypeError(f"not a briefing block: {type(block).__name__}")


def typst_source(briefing: Briefing, date: dt.date | None = None) -> tuple[str, list[Figure]]:
    """The Typst document of the briefing and the figures it refers to (``fig-N.svg``)."""
    lang = briefing.language
    page, of = PAGE[lang]
    date_expr = f"datetime(year: {date.year}, month: {date.month}, day: {date.day})" \
        if date else "auto"
    out = [PREAMBLE.format(title=s(briefing.title), date=date_expr, short=f"#{s(briefing.title)}",
                           page=f"#{s(page)}", of=f"#{s(of)}", font=FONT, lang=lang,
                           author=s(briefing.author or DEFAULT_AUTHOR))]
    out.append(f"#text(size: 19pt, weight: \"bold\", fill: rgb(\"#1f3b63\"), "
               f"{content(briefing.title)})\n")
    out.append(f"#par(text(size: 10pt, style: \"italic\", {content(briefing.subtitle)}))\n")
    figures: list[Figure] = []
    numbers = briefing.numbers()
    for section in briefing.sections:
        if section.key == COLOPHON or section.new_page:
            out.append("#pagebreak(weak: true)\n")
        out.append(f"#heading(level: 1, {content(section.title)})\n")
        out += [_block(b, figures, numbers) for b in section.blocks]
    return "\n".join(out), figures


def font_folder() -> Path:
    """matplotlib's bundled TrueType fonts (DejaVu Sans), shared with the charts."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def pdf_bytes(briefing: Briefing, date: dt.date | None = None) -> bytes:
    """Compile the briefing to PDF bytes (A4), dated ``date`` (default: the briefing's run
    date). Raises ``typst.TypstError`` on a Typst error."""
    import typst

    if date is None and briefing.created:
        date = dt.date.fromisoformat(briefing.created[:10])
    source, figures = typst_source(briefing, date)
    with tempfile.TemporaryDirectory(prefix="samen-typst-") as tmp:
        root = Path(tmp)
        (root / "main.typ").write_text(source, encoding="utf-8")
        for i, fig in enumerate(figures, start=1):
            (root / f"fig-{i}.svg").write_text(fig.svg, encoding="utf-8")
        stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc) \
            if date else None
        return typst.compile(str(root / "main.typ"), root=str(root),
                             font_paths=[str(font_folder())], ignore_system_fonts=True,
                             timestamp=stamp)


def page_images(briefing: Briefing, ppi: float = 40.0) -> list[bytes]:
    """Every page of the PDF as PNG (``ppi`` pixels per inch), rendered by the same Typst
    compiler: the pages as a reader sees them, without a PDF rasteriser."""
    import typst

    source, figures = typst_source(briefing)
    with tempfile.TemporaryDirectory(prefix="samen-typst-") as tmp:
        root = Path(tmp)
        (root / "main.typ").write_text(source, encoding="utf-8")
        for i, fig in enumerate(figures, start=1):
            (root / f"fig-{i}.svg").write_text(fig.svg, encoding="utf-8")
        typst.compile(str(root / "main.typ"), output=str(root / "page-{0p}.png"),
                      format="png", ppi=ppi, root=str(root),
                      font_paths=[str(font_folder())], ignore_system_fonts=True)
        return [p.read_bytes() for p in sorted(root.glob("page-*.png"))]


def write_pdf(briefing: Briefing, path: Path, date: dt.date | None = None) -> Path:
    """Write the briefing as PDF to ``path``; returns the path."""
    path.write_bytes(pdf_bytes(briefing, date))
    return path

"""The briefing as content: sections of paragraphs, lists, tables, figures and definitions.

One :class:`Briefing` is built once (:mod:`samen_model.products.briefing.compose`) and rendered
to HTML in the notebook, to PDF (:mod:`~samen_model.products.briefing.render.pdf`) and to Word
(:mod:`~samen_model.products.briefing.render.word`), so the three never drift apart. Text is plain
with ``**bold**`` as the only markup; figures are stored as PNG (HTML, Word) and SVG (PDF).

Adding content is one call on a section::

    b = compose_briefing(...)
    b.section("uncertainty").paragraph("Met de gekalibreerde onzekerheid ...")
    b.section("uncertainty").table(["Jaar", "P(wachtlijst)"], [["2024", "0,12"]],
                                   caption="Kans op een wachtlijst")
    b.section("uncertainty").figure(some_matplotlib_figure, caption="...")
    b.add_section("forecast", "Voorspelling tegen realisatie", after="uncertainty")
"""

from __future__ import annotations

import base64
import io
from dataclasses import asdict, dataclass, field
from typing import Any

from samen_model.present import messages as msg

#: The section that holds the provenance; renderers put it on its own, last page.
COLOPHON = "colophon"
NBSP = "\u00a0"
#: The document property "author" (PDF, Word) and the colophon's maker when none is given.
DEFAULT_AUTHOR = "Gemeente Groningen"
#: The words before a caption's number: "Figuur 3. ...", "Tabel 2. ...".
CAPTION_WORDS: dict[str, dict[str, str]] = {lang: msg.words("briefing.caption", lang)
                                            for lang in msg.LANGUAGES}


def keep_together(text: str) -> str:
    """No line break inside an amount: ``€ 1,2 mln`` keeps its spaces (non-breaking)."""
    return text.replace("€ ", "€" + NBSP).replace(" mln", NBSP + "mln")


@dataclass
class Paragraph:
    """Running text; ``**bold**`` marks emphasis."""

    text: str
    kind: str = "paragraph"


@dataclass
class Heading:
    """A heading inside a section (level 3; the section title is level 2)."""

    text: str
    kind: str = "heading"


@dataclass
class Bullets:
    """A bulleted list; each item is running text."""

    items: list[str]
    kind: str = "bullets"


@dataclass
class Table:
    """A table of text: one header row, body rows, optional caption and relative widths.

    ``align`` per column: ``"l"`` (left) or ``"r"`` (right, for amounts).
    """

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    widths: list[float] | None = None
    align: list[str] | None = None
    kind: str = "table"

    def __post_init__(self) -> None:
        n = len(self.header)
        if any(len(r) != n for r in self.rows):
            raise ValueError(f"table {self.caption!r}: every row needs {n} cells")
        self.widths = self.widths or [1.0] * n
        self.align = self.align or ["l"] * n


@dataclass
class Figure:
    """A chart as PNG (base64) and SVG, with its text alternative and caption.

    ``aspect`` is height / width, so renderers can size the figure to the page.
    """

    png_base64: str
    svg: str
    alt: str
    caption: str = ""
    aspect: float = 0.5
    kind: str = "figure"

    @classmethod
    def from_matplotlib(cls, fig: Any, alt: str, caption: str = "",
                        dpi: int = 150) -> Figure:
        """Render a matplotlib Figure once to PNG (``dpi``) and SVG (text as outlines)."""
        png, svg = io.BytesIO(), io.StringIO()
        fig.savefig(png, format="png", dpi=dpi)
        fig.savefig(svg, format="svg", metadata={"Date": None})
        width, height = fig.get_size_inches()
        return cls(base64.b64encode(png.getvalue()).decode("ascii"), svg.getvalue(), alt,
                   caption, float(height / width))

    @property
    def png(self) -> bytes:
        return base64.b64decode(self.png_base64)


@dataclass
class Definitions:
    """Terms and their explanation (the glossary)."""

    items: list[tuple[str, str]]
    kind: str = "definitions"


Block = Paragraph | Heading | Bullets | Table | Figure | Definitions
BLOCKS: dict[str, type] = {c.__dataclass_fields__["kind"].default: c
                           for c in (Paragraph, Heading, Bullets, Table, Figure, Definitions)}


@dataclass
class Section:
    """A titled part of the briefing; the methods append a block and return it."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    #: Start the section on a new page (PDF, Word): page 1 ends, the annexes begin.
    new_page: bool = False

    def add(self, block: Block) -> Block:
        self.blocks.append(block)
        return block

    def paragraph(self, text: str) -> Paragraph:
        return self.add(Paragraph(text))

    def heading(self, text: str) -> Heading:
        return self.add(Heading(text))

    def bullets(self, items: list[str]) -> Bullets:
        return self.add(Bullets(list(items)))

    def table(self, header: list[str], rows: list[list[str]], caption: str = "",
              widths: list[float] | None = None, align: list[str] | None = None) -> Table:
        return self.add(Table(list(header), [list(r) for r in rows], caption, widths, align))

    def figure(self, fig: Any, caption: str = "", alt: str | None = None) -> Figure:
        """Add a matplotlib Figure; ``alt`` defaults to the chart's own text alternative."""
        from samen_model.present.charts.base import alt_text

        return self.add(Figure.from_matplotlib(fig, alt or alt_text(fig), caption))

    def definitions(self, items: list[tuple[str, str]]) -> Definitions:
        return self.add(Definitions([tuple(i) for i in items]))


@dataclass
class Briefing:
    """A council briefing: title, language, sections in order (the colophon last)."""

    title: str
    subtitle: str
    language: str
    sections: list[Section] = field(default_factory=list)
    created: str = ""  # ISO date and time of the run, UTC (the PDF's date, Word's "created")
    author: str = ""  # the document property "author" of the PDF and the Word file

    def section(self, key: str) -> Section:
        """The section with this key (KeyError naming the keys there are)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"no section {key!r} (sections: {', '.join(s.key for s in self.sections)})")

    def add_section(self, key: str, title: str, after: str | None = None,
                    new_page: bool = False) -> Section:
        """A new empty section after section ``after`` (default: before the colophon)."""
        if any(s.key == key for s in self.sections):
            raise ValueError(f"section {key!r} exists already")
        new = Section(key, title, new_page=new_page)
        keys = [s.key for s in self.sections]
        if after is not None:
            at = keys.index(self.section(after).key) + 1
        else:
            at = keys.index(COLOPHON) if COLOPHON in keys else len(keys)
        self.sections.insert(at, new)
        return new

    def body_sections(self) -> list[Section]:
        """Every section except the colophon."""
        return [s for s in self.sections if s.key != COLOPHON]

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready) for embedding in a notebook output."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        """The inverse of :meth:`to_dict`."""
        sections = []
        for s in data["sections"]:
            blocks = []
            for b in s["blocks"]:
                kind = BLOCKS[b["kind"]]
                fields = dict(b)
                if kind is Definitions:
                    fields["items"] = [tuple(i) for i in fields["items"]]
                blocks.append(kind(**fields))
            sections.append(Section(s["key"], s["title"], blocks, s.get("new_page", False)))
        return cls(data["title"], data["subtitle"], data["language"], sections,
                   data.get("created", ""), data.get("author", ""))

    def numbers(self) -> dict[int, str]:
        """The number word of every captioned figure and table, by ``id`` of the block
        (``Figuur 1``, ``Tabel 1``, ...), counted through the whole briefing; the three
        renderers use it so a number means the same block in HTML, PDF and Word."""
        words, counts, out = CAPTION_WORDS[self.language], {"figure": 0, "table": 0}, {}
        for s in self.sections:
            for b in s.blocks:
                if isinstance(b, (Figure, Table)) and b.caption:
                    counts[b.kind] += 1
                    out[id(b)] = f"{words[b.kind]} {counts[b.kind]}"
        return out

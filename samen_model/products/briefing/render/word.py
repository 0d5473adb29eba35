"""The briefing as a Word document (python-docx): real headings, tables and pictures to edit.

Headings use Word's heading styles (so the navigation pane and a table of contents work),
tables are Word tables whose header row repeats and whose rows do not split across pages,
charts are pictures with their alt text, the footer numbers the pages ("Pagina 3 van 9"), the
document language is Dutch (nl-NL) or English (en-GB), and the colophon starts a new page.
"""

from __future__ import annotations

import io
from pathlib import Path

from samen_model.products.briefing.content import (
    COLOPHON,
    Briefing,
    Bullets,
    Definitions,
    Figure,
    Heading,
    Paragraph,
    Table,
    keep_together,
)

LANG = {"nl": "nl-NL", "en": "en-GB"}
PAGE = {"nl": ("Pagina ", " van "), "en": ("Page ", " of ")}
FONT = "Arial"
TEXT_WIDTH_CM = 16.0


def _runs(paragraph, text: str, size: float | None = None) -> None:
    """Add ``text`` to a python-docx paragraph, ``**bold**`` as bold runs."""
    from docx.shared import Pt

    for i, part in enumerate(keep_together(text).split("**")):
        if part:
            run = paragraph.add_run(part)
            run.bold = bool(i % 2)
            if size:
                run.font.size = Pt(size)


def _set_language(doc, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG[language])
    rpr.append(lang)
    doc.core_properties.language = LANG[language]


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, code), ("end", None)):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _row_properties(row, header: bool) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _table(doc, t: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    if t.caption:
        doc.add_paragraph(t.caption, style="Caption")
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = "Light List Accent 1"
    total = sum(t.widths)
    for r, row in enumerate([t.header, *t.rows]):
        _row_properties(table.rows[r], header=r == 0)
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Cm(TEXT_WIDTH_CM * t.widths[c] / total)
            para = cell.paragraphs[0]
            _runs(para, f"**{text}**" if r == 0 and text else text, 8)
            if t.align[c] == "r":
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def _figure(doc, f: Figure) -> None:
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(f.png), width=Cm(TEXT_WIDTH_CM))
    inline = doc.inline_shapes[-1]._inline
    inline.docPr.set("descr", f.alt)
    inline.docPr.set("title", f.caption or f.alt[:60])
    if f.caption:
        doc.add_paragraph(f.caption, style="Caption")


def docx_document(briefing: Briefing):
    """The briefing as a python-docx ``Document``."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    doc = Document()
    lang = briefing.language
    _set_language(doc, lang)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer.text = f"{briefing.title}\t\t"
    footer.add_run(PAGE[lang][0])
    _field(footer, "PAGE")
    footer.add_run(PAGE[lang][1])
    _field(footer, "NUMPAGES")
    doc.core_properties.title = briefing.title
    doc.core_properties.subject = briefing.subtitle
    doc.core_properties.author = "samen_model"
    doc.add_heading(briefing.title, 0)
    _runs(doc.add_paragraph(), f"{briefing.subtitle}")
    for part in briefing.sections:
        if part.key == COLOPHON:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(part.title, 1)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                _runs(doc.add_paragraph(), block.text)
            elif isinstance(block, Heading):
                doc.add_heading(block.text, 2)
            elif isinstance(block, Bullets):
                for item in block.items:
                    _runs(doc.add_paragraph(style="List Bullet"), item)
            elif isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Figure):
                _figure(doc, block)
            elif isinstance(block, Definitions):
                for term, text in block.items:
                    _runs(doc.add_paragraph(), f"**{term}**: {text}")
            else:
                raise TypeError(f"not a briefing block: {type(block).__name__}")
    return doc


def write_docx(briefing: Briefing, path: Path) -> Path:
    """Write the briefing as a Word file to ``path``; returns the path."""
    docx_document(briefing).save(str(path))
    return path

"""The briefing as a Word document (python-docx): real headings, tables and pictures to edit.

Headings use Word's heading styles, and a table of contents field after the title lists them
(Word fills it in when the document opens); tables are Word tables whose header row repeats
and whose rows do not split across pages, with the column grid equal to the cell widths;
captions are numbered with Word's own SEQ fields ("Figuur 2", "Tabel 3", the same numbers as
the PDF); charts are pictures with their alt text; the footer numbers the pages ("Pagina 3 van
9"); the document language is Dutch (nl-NL) or English (en-GB); the document properties carry
the briefing's author and the run's time; sections marked ``new_page`` and the colophon start a
new page.
"""

from __future__ import annotations

import datetime as dt
import io
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

LANG = {"nl": "nl-NL", "en": "en-GB"}
#: The page footer ("Pagina 2 van 9") around the page fields, by language.
PAGE = {lang: tuple(f" {w} " if i else f"{w} "
                   for i, w in enumerate(msg.texts("briefing.page", lang)))
        for lang in msg.LANGUAGES}
#: The table of contents: its title and the hint shown until Word fills it in.
TOC = {lang: msg.texts("briefing.toc", lang) for lang in msg.LANGUAGES}
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


def _field(paragraph, code: str, shown: str | None = None, bold: bool = False) -> None:
    """A Word field (PAGE, NUMPAGES, SEQ, TOC) that Word fills in when it lays out the page;
    ``shown`` is the result it shows until then (e.g. the caption number)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    parts = [("begin", None), (None, code)]
    if shown is not None:
        parts += [("separate", None), ("text", shown)]
    for kind, text in [*parts, ("end", None)]:
        run = paragraph.add_run()
        run.bold = bold or None
        if kind == "text":
            run.text = text
            continue
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _caption(doc, block: Table | Figure, numbers: dict[int, str], keep_with_next: bool):
    """A numbered caption paragraph: ``Figuur`` + SEQ field (showing its number) + text."""
    para = doc.add_paragraph(style="Caption")
    number = numbers.get(id(block))
    if number:
        word, n = number.rsplit(" ", 1)
        para.add_run(f"{word} ").bold = True
        _field(para, f" SEQ {word} \\* ARABIC ", n, bold=True)
        para.add_run(". ").bold = True
    _runs(para, block.caption)
    para.paragraph_format.keep_with_next = keep_with_next
    return para


def _toc(doc, language: str) -> None:
    """A table of contents (headings 1-2) as a TOC field, and Word asked to update fields on
    opening so it fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    title, hint = TOC[language]
    head = doc.add_paragraph(style="TOC Heading") if "TOC Heading" in [
        st.name for st in doc.styles] else doc.add_paragraph()
    head.add_run(title).bold = True
    _field(doc.add_paragraph(), ' TOC \\o "1-2" \\h \\z \\u ', hint)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # the schema fixes the order of the settings: updateFields comes before these
    later = [el for el in settings if el.tag in {qn(f"w:{n}") for n in (
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")}
        or el.tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}")]
    if later:
        later[0].addprevious(update)
    else:
        settings.append(update)


def _properties(doc, briefing: Briefing) -> None:
    """Core properties: title, subject, author, language and the run's time (not the
    template's 2013 defaults)."""
    props = doc.core_properties
    props.title = briefing.title
    props.subject = briefing.subtitle
    props.author = props.last_modified_by = briefing.author or DEFAULT_AUTHOR
    props.comments = ""
    props.keywords = "SAMEN.; jeugdhulp; Groningen"
    props.revision = 1
    created = _created(briefing.created)
    props.created = props.modified = props.last_printed = created


#: The extended properties (docProps/app.xml): the template's say "Microsoft Macintosh Word"
#: and one page; Word recounts pages and words when it saves.
APP_XML = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>{app}</Application>'
           "<DocSecurity>0</DocSecurity></Properties>")


def _app_properties(doc) -> None:
    """Replace the template's extended properties (application, pages)."""
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(app="python-docx").encode("utf-8")


def _row_properties(row, header: bool) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _created(text: str) -> dt.datetime:
    """The run's time (ISO, UTC) as a datetime for the document properties; now without it."""
    if not text:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when.replace(tzinfo=None, microsecond=0)


def _table(doc, t: Table, numbers: dict[int, str] | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    if t.caption:
        _caption(doc, t, numbers or {}, keep_with_next=True)
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = "Light List Accent 1"
    table.autofit = False
    total = sum(t.widths)
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in t.widths]
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width  # the grid (w:gridCol) Word lays out by
    for r, row in enumerate([t.header, *t.rows]):
        _row_properties(table.rows[r], header=r == 0)
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = widths[c]
            para = cell.paragraphs[0]
            _runs(para, f"**{text}**" if r == 0 and text else text, 8)
            if t.align[c] == "r":
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def _figure(doc, f: Figure, numbers: dict[int, str] | None = None) -> None:
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(f.png), width=Cm(TEXT_WIDTH_CM))
    doc.paragraphs[-1].paragraph_format.keep_with_next = bool(f.caption)
    inline = doc.inline_shapes[-1]._inline
    inline.docPr.set("descr", f.alt)
    inline.docPr.set("title", f.caption or f.alt[:60])
    if f.caption:
        _caption(doc, f, numbers or {}, keep_with_next=False)


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
    _properties(doc, briefing)
    _app_properties(doc)
    doc.add_heading(briefing.title, 0)
    _runs(doc.add_paragraph(), f"{briefing.subtitle}")
    numbers = briefing.numbers()
    for i, part in enumerate(briefing.sections):
        if part.key == COLOPHON or (part.new_page and i > 0):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if i == 1:  # after page 1 (the summary), before the body
            _toc(doc, lang)
        doc.add_heading(part.title, 1).paragraph_format.keep_with_next = True
        for block in part.blocks:
            if isinstance(block, Paragraph):
                _runs(doc.add_paragraph(), block.text)
            elif isinstance(block, Heading):
                doc.add_heading(block.text, 2).paragraph_format.keep_with_next = True
            elif isinstance(block, Bullets):
                for item in block.items:
                    _runs(doc.add_paragraph(style="List Bullet"), item)
            elif isinstance(block, Table):
                _table(doc, block, numbers)
            elif isinstance(block, Figure):
                _figure(doc, block, numbers)
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

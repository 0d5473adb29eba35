"""Excel presentation for ``summary.xlsx``: headers with units, number formats, frozen header
row, column widths and filters (openpyxl)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samen_model.analysis import key_figures as kf
from samen_model.model.columns import COLUMNS
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg

#: Excel number formats (the separators follow the reader's Excel settings).
EUR = '"€ "#,##0;[Red]-"€ "#,##0'
PERCENT = "0.0%"
SHARE = "0.00%"
COUNT = "#,##0"
ONE_DECIMAL = "#,##0.0"
RATIO = "0.0000"
YEAR = "0"
PERCENT_FIGURE = '0.00" %"'  # a value already in percent (OVA 3.0 = 3%)
GENERAL = "General"

_UNIT_FORMATS = {"EUR": EUR, "cases/year": COUNT, "persons/year": COUNT, "persons": COUNT,
                 "person-years": ONE_DECIMAL, "FTE": ONE_DECIMAL, "percent": PERCENT_FIGURE,
                 "ratio": RATIO, "fraction": SHARE, "year": YEAR, "months": ONE_DECIMAL}
_UNITS = {c.name: c.unit for c in COLUMNS}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def column_header(name: str, language: str = "nl") -> str:
    """Header of an output column with its unit: ``Afwijking gesloten vierkant (€)``."""
    if name == "draw":
        return msg.text("workbook.draw_column", language)
    unit = str(msg.words("workbook.unit", language).get(_UNITS.get(name, ""), ""))
    label = fmt.column_label(name, language).removesuffix(" (EUR)")  # the unit follows
    return f"{label} ({unit})" if unit else label


def column_format(name: str) -> str:
    """Number format of an output column (by its unit in the column dictionary)."""
    if name == "draw":
        return COUNT
    return _UNIT_FORMATS.get(_UNITS.get(name, ""), GENERAL)


def key_figure_format(name: str) -> str:
    """Number format of a key figure (:mod:`samen_model.analysis.key_figures`)."""
    if name.endswith("_eur"):
        return EUR
    if name == "payback_year":
        return YEAR
    return COUNT


def key_figure_header(name: str, language: str = "nl", results: Sequence[Result] = ()) -> str:
    """Label of a key figure (with the years it covers in ``results``) and its unit."""
    label = kf.label(name, language, results)
    if name.endswith("_eur"):
        return f"{label} ({msg.text('workbook.euro', language)})"
    return label


def style_sheet(ws: Worksheet, formats: Sequence[str | None], widths: Sequence[float],
                freeze: str = "B2", wrap: Sequence[int] = ()) -> None:
    """Header row bold and wrapped, frozen (``freeze``), a filter over the table, a number
    format per column (None: leave) and column widths (characters). ``wrap``: 1-based column
    numbers whose cells wrap (long text)."""
    ws.freeze_panes = freeze
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 45
    for i, (number_format, width) in enumerate(zip(formats, widths, strict=True), start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        if number_format is None and i not in wrap:
            continue
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            if number_format is not None:
                cell.number_format = number_format
            if i in wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def width_for(header: str, number_format: str | None) -> float:
    """A column width (characters) that shows the number and a wrapped header."""
    longest_word = max((len(w) for w in header.split()), default=8)
    base = 14 if number_format == EUR else 10
    return float(min(max(base, longest_word + 2, min(len(header), 22)), 40))

"""Showing figures, tables and text in a notebook (and so in its HTML).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from samen_model.present import formatting as fmt


def show(fig: Any, alt: str | None = None, dpi: int = 110) -> None:
    """Display a matplotlib Figure in a notebook as a PNG with its text alternative (``alt``,
    default the chart's own, :func:`samen_model.present.charts.alt_text`)."""
    import base64
    import html
    import io

    from IPython.display import HTML, display

    from samen_model.present.charts.base import alt_text

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    text = html.escape(alt or alt_text(fig), quote=True)
    display(HTML(f'<img src="data:image/png;base64,{data}" alt="{text}" '
                 'style="max-width:100%;height:auto">'))


def show_briefing(briefing: Any) -> None:
    """Display a :class:`~samen_model.products.briefing.content.Briefing` section by section
    (in ``samen report`` the object its PDF and Word are rendered from)."""
    from IPython.display import HTML, display

    from samen_model.products.briefing.render.html import head_html, section_html

    display(HTML(head_html(briefing)))
    numbers = briefing.numbers()
    for section in briefing.sections:
        display(HTML(section_html(section, numbers)))


def show_table(df: pd.DataFrame, index: bool = True) -> None:
    """Display a table in full (no row limit) as HTML in a notebook."""
    from IPython.display import HTML, display

    display(HTML(df.to_html(index=index, border=0, na_rep=fmt.MISSING, escape=True)))


def show_markdown(text: str) -> None:
    """Display Markdown text in a notebook (rendered in the HTML report)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def print_briefing_table(briefing: Any, section: str, number: int = 0) -> None:
    """Print table ``number`` of a briefing section as text (what nbval checks)."""
    from samen_model.products.briefing.content import Table
    from samen_model.present.tables.results import print_table

    tables = [b for b in briefing.section(section).blocks if isinstance(b, Table)]
    t = tables[number]
    rows = [[c.replace("**", "") for c in r] for r in t.rows]  # bold is for the page only
    print_table(pd.DataFrame([r[1:] for r in rows], columns=t.header[1:],
                             index=pd.Index([r[0] for r in rows], name=t.header[0])))

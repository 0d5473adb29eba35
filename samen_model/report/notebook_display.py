"""Showing figures, tables and text in a notebook (and so in its HTML).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from samen_model.report import formatting as fmt


def show(fig: Any, dpi: int = 100) -> None:
    """Display a matplotlib Figure in a notebook as a PNG (works with any backend)."""
    import io

    from IPython.display import Image, display

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    display(Image(data=buf.getvalue(), format="png"))


def show_table(df: pd.DataFrame, index: bool = True) -> None:
    """Display a table in full (no row limit) as HTML in a notebook."""
    from IPython.display import HTML, display

    display(HTML(df.to_html(index=index, border=0, na_rep=fmt.MISSING, escape=True)))


def show_markdown(text: str) -> None:
    """Display Markdown text in a notebook (rendered in the HTML report)."""
    from IPython.display import Markdown, display

    display(Markdown(text))

"""The report's HTML: notebooks converted (the briefing without code), provenance footer, index.
"""


from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samen_model.report.config import NotebookJob
from samen_model.report.manifest import provenance_line

FOOTER_CSS = ("font:12px/1.4 sans-serif;color:#444;border-top:1px solid #ccc;"
              "margin:2em 1em 1em;padding-top:.5em")


def provenance_html(info: dict[str, Any]) -> str:
    """A visible provenance block for the foot of an HTML page."""
    return (f'<footer class="samen-provenance" style="{FOOTER_CSS}">'
            f"<strong>Verantwoording / provenance</strong>: "
            f"{html.escape(provenance_line(info))} · "
            f'<a href="manifest.json">manifest.json</a></footer>')


def notebook_html(path: Path, info: dict[str, Any], hide_input: bool = False) -> str:
    """An executed notebook as standalone HTML with the provenance footer.

    With ``hide_input`` the code cells and prompts are left out (reads without code).
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=hide_input, exclude_input_prompt=hide_input,
                            exclude_output_prompt=hide_input)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4),
                                          resources={"metadata": {"name": path.stem}})
    footer = provenance_html(info)
    return body.replace("</body>", footer + "\n</body>", 1) if "</body>" in body else (
        body + footer)


def index_html(info: dict[str, Any], jobs: Sequence[NotebookJob], scenarios: Sequence[str],
               language: str = "nl") -> str:
    """The report's front page: links to the notebooks, tables, workbook and manifest."""
    nl = language == "nl"
    rows = "\n".join(
        f'<li><a href="{html.escape(j.output)}.html">{html.escape(j.output)}</a> '
        f'(<a href="notebooks/{html.escape(j.output)}.ipynb">ipynb</a>, '
        f"{info['timings_s']['notebooks'].get(j.output, 0):.1f} s)</li>" for j in jobs)
    scen = "\n".join(
        f"<li>{html.escape(s)}: " + ", ".join(
            f'<a href="{html.escape(s)}/{f}.csv">{f}.csv</a>'
            for f in ("yearly", "providers", "assumptions")) + "</li>" for s in scenarios)
    title = "SAMEN. rapportage" if nl else "SAMEN. report"
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:15px/1.5 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}</style>
</head><body>
<h1>{title}</h1>
<p>{"Run" if nl else "Run"} {html.escape(info.get("run_id", ""))} ·
{"totale tijd" if nl else "total time"} {info['timings_s']['total']:.1f} s</p>
<h2>Notebooks</h2><ul>
{rows}
</ul>
<h2>{"Tabellen" if nl else "Tables"}</h2><ul>
<li><a href="summary.xlsx">summary.xlsx</a>
({"per scenario, vergelijking, aannames, manifest" if nl else
  "per scenario, comparison, assumptions, manifest"})</li>
<li><a href="comparison.csv">comparison.csv</a></li>
{scen}
<li><a href="manifest.json">manifest.json</a></li>
</ul>
{provenance_html(info)}
</body></html>
"""

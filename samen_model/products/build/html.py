"""The report's HTML: notebooks converted (the briefing without code), provenance footer, index.
"""


from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samen_model.products.build.config import ROOT, NotebookJob

FOOTER_CSS = ("font:12px/1.4 sans-serif;color:#444;border-top:1px solid #ccc;"
              "margin:2em 1em 1em;padding-top:.5em")


FOOTER = {"nl": "Verantwoording", "en": "Provenance"}
FULL = {"nl": "volledige verantwoording", "en": "full provenance"}


def provenance_html(info: dict[str, Any], language: str = "nl") -> str:
    """A short visible provenance line for the foot of a report page: package version, git
    commit, report run and time, and a link to ``manifest.json`` (hashes, seeds, draws). The
    scenarios a page uses, with their hashes, are in that page's own colophon or manifest."""
    commit = (info.get("git_commit") or "no git")[:12]
    run = info.get("run_id", "")
    line = (f"samen_model {info['version']} · commit {commit}"
            + (f" · run {run}" if run else "") + f" · {info['created_utc']}")
    return (f'<footer class="samen-provenance" style="{FOOTER_CSS}">'
            f"<strong>{FOOTER.get(language, FOOTER['en'])}</strong>: {html.escape(line)} · "
            f'<a href="manifest.json">manifest.json</a> ({FULL.get(language, FULL["en"])})'
            "</footer>")


def page_title(nb: Any) -> str:
    """The first level-1 heading of a notebook (a Markdown cell or an HTML/Markdown output)."""
    for cell in nb.cells:
        texts = [cell.source] if cell.cell_type == "markdown" else [
            str(out.get("data", {}).get(kind, "")) for out in cell.get("outputs", [])
            for kind in ("text/markdown", "text/html")]
        for text in texts:
            m = re.search(r"^# (.+)$", text, re.M) or re.search(r"<h1[^>]*>(.*?)</h1>", text,
                                                                  re.S)
            if m:
                return html.unescape(re.sub(r"<[^>]+>|\*\*|`", "", m.group(1))).strip()
    return ""


def _relative_paths(nb: Any) -> None:
    """Show the scenario folder papermill injected as a relative path (no machine paths)."""
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = re.sub(r'scenario_dir = "([^"]*)"', lambda m: 'scenario_dir = "'
                                 + _short_path(m.group(1)) + '"', cell.source)


def _short_path(path: str) -> str:
    p = Path(path)
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return p.name


def notebook_html(path: Path, info: dict[str, Any], hide_input: bool = False,
                  language: str = "nl") -> str:
    """An executed notebook as standalone HTML with the provenance footer.

    With ``hide_input`` the code cells and prompts are left out (reads without code). Cells
    tagged ``remove-cell`` (regression checks) are left out; the page title is the notebook's
    first level-1 heading; the injected scenario folder is shown relative to the repository.
    """
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(exclude_input=hide_input, exclude_input_prompt=hide_input,
                            exclude_output_prompt=hide_input, language_code=language)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"remove-cell"},
                                                         enabled=True), True)
    nb = nbformat.read(path, as_version=4)
    _relative_paths(nb)
    title = page_title(nb)
    if title:
        nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
    footer = provenance_html(info, language)
    return body.replace("</body>", footer + "\n</body>", 1) if "</body>" in body else (
        body + footer)


def index_html(info: dict[str, Any], jobs: Sequence[NotebookJob], scenarios: Sequence[str],
               language: str = "nl", downloads: Sequence[str] = ()) -> str:
    """The report's front page: links to the notebooks, the briefing as PDF and Word
    (``downloads``), tables, workbook and manifest."""
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
    files = ("<h2>" + ("Raadsnotitie" if nl else "Council briefing") + "</h2><ul>" + "".join(
        f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>' for f in downloads)
        + "</ul>") if downloads else ""
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
{files}
<h2>{"Tabellen" if nl else "Tables"}</h2><ul>
<li><a href="summary.xlsx">summary.xlsx</a>
({"per scenario, vergelijking, aannames, manifest" if nl else
  "per scenario, comparison, assumptions, manifest"})</li>
<li><a href="comparison.csv">comparison.csv</a></li>
{scen}
<li><a href="manifest.json">manifest.json</a></li>
</ul>
{provenance_html(info, language)}
</body></html>
"""

"""The report's HTML: notebooks converted (the briefing without code), provenance footer, index.
"""


from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.products.build.config import ROOT, NotebookJob

FOOTER_CSS = ("font:12px/1.4 sans-serif;color:#444;border-top:1px solid #ccc;"
              "margin:2em 1em 1em;padding-top:.5em")




def _lang(language: str) -> str:
    """The page's language; English for any other (a notebook may set its own)."""
    return language if language in msg.LANGUAGES else "en"


def provenance_html(info: dict[str, Any], language: str = "nl") -> str:
    """A short visible provenance line for the foot of a report page: package version, git
    commit, report run and time, and a link to ``manifest.json`` (hashes, seeds, draws). The
    scenarios a page uses, with their hashes, are in that page's own colophon or manifest."""
    commit = (info.get("git_commit") or "no git")[:12]
    run = info.get("run_id", "")
    line = (f"samen_model {info['version']} · commit {commit}"
            + (f" · run {run}" if run else "") + f" · {info['created_utc']}")
    head, full = (msg.text(f"report.{k}", _lang(language)) for k in ("footer", "full"))
    return (f'<footer class="samen-provenance" style="{FOOTER_CSS}">'
            f"<strong>{head}</strong>: {html.escape(line)} · "
            f'<a href="manifest.json">manifest.json</a> ({full})'
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


#: What each report page is, in one line, by notebook (the reading order is this order; the
#: words are messages ``report.page.<notebook>``).
PAGES = msg.by_key("report.page")


def reading_order(jobs: Sequence[NotebookJob]) -> list[NotebookJob]:
    """The jobs in reading order: the notebooks of :data:`PAGES` in its order, then the rest
    (by output name); several outputs of one notebook keep their order."""
    rank = {name: i for i, name in enumerate(PAGES)}
    return sorted(jobs, key=lambda j: (rank.get(j.notebook, len(rank)), j.output))


def index_html(info: dict[str, Any], jobs: Sequence[NotebookJob], scenarios: Sequence[str],
               language: str = "nl", downloads: Sequence[str] = ()) -> str:
    """The report's front page: where to start (the briefing, also as PDF and Word from
    ``downloads``), every page in reading order with what it is in one line, how to start the
    explorer, then tables, workbook and manifest."""
    w = msg.words("report.index", _lang(language))
    ordered = reading_order(jobs)
    briefing = next((j for j in ordered if "briefing" in j.notebook), None)
    timings = info.get("timings_s", {})

    def seconds(x: float) -> str:
        return f"{fmt.number(x, 1, _lang(language))} s"

    def line(j: NotebookJob) -> str:
        about = msg.find(f"report.page.{j.notebook}", _lang(language)) or ""
        return (f'<li><a href="{html.escape(j.output)}.html">{html.escape(j.output)}</a>'
                + (f" – {html.escape(about)}" if about else "")
                + f' <small>(<a href="notebooks/{html.escape(j.output)}.ipynb">'
                f'{w["notebook"]}</a>, {seconds(timings.get("notebooks", {}).get(j.output, 0))})'
                "</small></li>")

    first = ""
    if briefing is not None:
        extra = ", ".join(f'<a href="{html.escape(f)}">{html.escape(f)}</a>' for f in downloads)
        first = (f'<section class="samen-first"><h2>{w["first"]}</h2><p>{w["first_text"]}</p>'
                 f'<p><strong><a href="{html.escape(briefing.output)}.html">{w["briefing"]}'
                 "</a></strong>" + (f" ({w['also']} {extra})" if extra else "") + "</p>"
                 "</section>")
    rows = "\n".join(line(j) for j in ordered)
    scen = "\n".join(
        f"<li>{html.escape(s)}: " + ", ".join(
            f'<a href="{html.escape(s)}/{f}.csv">{f}.csv</a>'
            for f in ("yearly", "providers", "assumptions")) + "</li>" for s in scenarios)
    total = timings.get("total", 0.0)
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{w["title"]}</title>
<style>body{{font:15px/1.5 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}
.samen-first{{background:#f3f6fa;border-left:4px solid #2b6cb0;padding:.2em 1em;margin:1em 0}}
li{{margin:.25em 0}}</style>
</head><body>
<h1>{w["title"]}</h1>
<p>{w["run"]} {html.escape(info.get("run_id", ""))} · {w["total"]} {seconds(total)}</p>
{first}
<h2>{w["pages"]}</h2><ol class="samen-pages">
{rows}
</ol>
<h2>{w["explorer"]}</h2><p class="samen-explorer">{w["explorer_text"]}</p>
<h2>{w["tables"]}</h2><ul>
<li><a href="summary.xlsx">summary.xlsx</a> ({w["per_scenario"]})</li>
<li><a href="comparison.csv">comparison.csv</a></li>
{scen}
<li><a href="manifest.json">manifest.json</a></li>
</ul>
{provenance_html(info, language)}
</body></html>
"""

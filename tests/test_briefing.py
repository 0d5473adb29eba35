"""The council briefing: one content, three formats (HTML, PDF, Word), Dutch figures, no
internal names outside the colophon, the PDF checked page by page as a reader sees it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present.manifest import Run, manifest
from samen_model.products.briefing.compose import compose_briefing
from samen_model.products.briefing.content import COLOPHON, Briefing, Figure, Table
from samen_model.products.briefing.render import html as html_render
from samen_model.products.briefing.render import pdf as typst_render
from samen_model.products.briefing.render import word as docx_render
from samen_model.scenario import sources as src
from samen_model.scenario.observations import load_observations

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
NAMES = ["realised_2023", "plan_2022", "high_leakage"]
DRAWS = 200


@pytest.fixture(scope="module")
def parts():
    results = [sm.simulate(sm.load_scenario(SCENARIOS / f"{n}.yaml")) for n in NAMES]
    # the report's briefing draws its ranges from the calibrated posterior (reports.yaml)
    uncertain = sm.load_scenario(SCENARIOS / "calibrated_2023.yaml")
    summary = monte_carlo(uncertain, draws=DRAWS, seed=1)
    info = manifest([*results, Run(uncertain, DRAWS, 1, True)])
    obs = load_observations(ROOT / "observations" / "groningen.yaml", COLUMN_NAMES[1:])
    return results, uncertain, summary, info, obs


@pytest.fixture(scope="module")
def briefing(parts):
    results, uncertain, summary, info, obs = parts
    return compose_briefing(results, info, "nl", summary, uncertain, obs)


@pytest.fixture(scope="module")
def pdf(briefing, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    typst_render.write_pdf(briefing, path)
    return path


@pytest.fixture(scope="module")
def pdf_pages(pdf):
    from pypdf import PdfReader

    return [p.extract_text().replace("\xa0", " ") for p in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def docx_text(briefing, tmp_path_factory):
    import docx

    path = tmp_path_factory.mktemp("docx") / "briefing.docx"
    docx_render.write_docx(briefing, path)
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return doc, "\n".join(parts).replace("\xa0", " ")


def html_text(briefing: Briefing) -> str:
    text = re.sub(r'src="data:[^"]+"', "", html_render.briefing_html(briefing))
    return text.replace("\xa0", " ").replace("&#x27;", "'")


def before_colophon(text: str, heading: str = "Colofon") -> str:
    assert heading in text
    return text[:text.rindex(heading)]


def internal_names(parts) -> list[str]:
    """What a council member must not meet: parameter paths, scenario file names, registry
    keys used as citations, 'seed', 'SPEC'."""
    results, uncertain, *_ = parts
    paths = {p for r in [*results] for p in r.scenario.params} | set(uncertain.params)
    stems = [p.stem for p in SCENARIOS.glob("*.yaml")]
    keys = [f"{k}:" for k in src.registry()]
    return [*sorted(paths), *stems, *keys, "seed", "SPEC", "samen_clients_served"]


# ------------------------------------------------------------------------------- content
def test_one_call_adds_content_and_sections(briefing):
    copy = Briefing.from_dict(briefing.to_dict())
    assert copy == briefing  # the data a notebook carries comes back whole
    s = copy.add_section("forecast", "Voorspelling tegen realisatie", after="uncertainty")
    s.paragraph("Nieuw.")
    copy.section("uncertainty").table(["Jaar", "Kans"], [["2024", "0,12"]], caption="x")
    keys = [x.key for x in copy.sections]
    assert keys.index("forecast") == keys.index("uncertainty") + 1 and keys[-1] == COLOPHON
    assert copy.add_section("annex", "Extra").key == "annex"  # default: before the colophon
    assert [x.key for x in copy.sections][-2:] == ["annex", COLOPHON]
    with pytest.raises(KeyError, match="no section 'nope' .*summary"):
        copy.section("nope")
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        Table(["a", "b"], [["1"]])


def test_sections_in_order_and_every_figure_has_alt_text(briefing):
    assert [s.key for s in briefing.sections] == [
        "summary", "key_figures", "dynamics", "scenarios", "uncertainty", "budget",
        "glossary", "assumptions", "sources", COLOPHON]
    figures = [b for s in briefing.sections for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) == 5
    for f in figures:
        assert len(f.alt) > 60 and f.caption and f.svg.startswith("<?xml")
        assert not any(n in f.alt for n in NAMES)


# ------------------------------------------------------------------------------- HTML
def test_html_has_key_figures_in_dutch_and_no_internal_names(briefing, parts):
    text = html_text(briefing)
    # realised_2023: 977 helped in 2023 (967 counted in November 2023, evaluation §2),
    # execution budget 2023 € 4,28 mln, net result 2026-2030 € 14,84 mln saved (under the
    # default reeel budget after 2025; € 0,57 mln extra cost under the t-2 rule)
    for figure in ("977 jeugdigen", "967 jeugdigen", "€ 4,3 mln", "€ 14,84 mln besparing",
                   "Gesloten vierkant", "Weglek", "Uitvoeringsbudget",
                   "Evaluatie Basis jeugdhulp 2023 (15 december 2023)",
                   "ons kenmerk 373336-2023"):
        assert figure in text, figure
    body = before_colophon(text)
    for name in internal_names(parts):
        assert name not in body, name
    assert text.count("<img ") == 5 and text.count('alt=""') == 0
    summary = body.split("Kerncijfers per scenario")[0]
    assert "netto besparing −" not in summary and "(−€" not in summary  # no double negatives


# ------------------------------------------------------------------------------- PDF
def test_pdf_text_has_dutch_figures_and_provenance_only_in_the_colophon(pdf_pages, parts,
                                                                         briefing):
    text = "\n".join(pdf_pages)
    assert 8 <= len(pdf_pages) <= 16, len(pdf_pages)
    for i, page in enumerate(pdf_pages, start=1):
        assert f"Pagina {i} van {len(pdf_pages)}" in page, i
    for figure in ("977 jeugdigen", "967 jeugdigen", "€ 4,3 mln", "€ 14,84 mln",
                   "Begrippen", "Gesloten vierkant"):
        assert figure in text.replace("\n", " "), figure
    body = before_colophon(text)
    for name in internal_names(parts):
        assert name not in body, name
    last = pdf_pages[-1]
    info = parts[3]
    assert "Colofon" in last and info["run_key"] in last  # the manifest on the last page
    assert "realised_2023.yaml" in last and "startgetal (seed) 1" in last


def test_pdf_is_a4_and_tables_keep_their_rows(pdf, briefing):
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    source, figures = typst_render.typst_source(briefing)
    assert "#set table.cell(breakable: false)" in source  # a row never splits over pages
    assert source.count("table.header(") == sum(
        isinstance(b, Table) for s in briefing.sections for b in s.blocks)  # header repeats
    assert len(figures) == 5 and source.count("alt: ") == 5
    assert "#pagebreak()\n\n#heading(level: 1, [#\"Colofon\"])" in source


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (poppler-utils) is not installed; .ci/run installs it")
def test_pdf_pages_as_a_reader_sees_them(pdf, tmp_path):
    """Render every page to PNG: nothing may reach into the side margins (a table or chart
    running off the page), and every page but the last carries content to its foot."""
    import matplotlib.image as mpimg

    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 8
    for png in pages:
        img = mpimg.imread(png)[..., :3].mean(axis=2)  # 0 black .. 1 white
        height, width = img.shape
        margin = int(width * 1.6 / 21.0)  # 1.6 cm of the 2.2 cm side margins
        ink = img < 0.85
        assert not ink[:, :margin].any(), f"{png.name}: something in the left margin"
        assert not ink[:, width - margin:].any(), f"{png.name}: something in the right margin"
        assert ink[: int(height * 0.25)].any(), f"{png.name}: an empty top of the page"
    # the charts are drawn (vector graphics): a page with a chart has many grey levels
    richest = max(pages, key=lambda p: len(np.unique(np.round(mpimg.imread(p), 2))))
    assert len(np.unique(np.round(mpimg.imread(richest), 2))) > 30


# ------------------------------------------------------------------------------- Word
def test_docx_has_headings_tables_and_pictures_as_word_objects(docx_text, briefing, parts):
    doc, text = docx_text
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert [s.title for s in briefing.sections] == [h for h in headings if h in {
        s.title for s in briefing.sections}]
    n_tables = sum(isinstance(b, Table) for s in briefing.sections for b in s.blocks)
    assert len(doc.tables) == n_tables
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.xpath("./w:trPr/w:tblHeader"), "header row repeats on a new page"
        assert all(r._tr.xpath("./w:trPr/w:cantSplit") for r in table.rows)
    shapes = doc.inline_shapes
    assert len(shapes) == 5
    assert all(len(s._inline.docPr.get("descr")) > 60 for s in shapes)  # alt text
    assert doc.core_properties.title == briefing.title
    assert doc.core_properties.language == "nl-NL"
    for figure in ("977 jeugdigen", "967 jeugdigen", "€ 4,3 mln", "€ 14,84 mln besparing"):
        assert figure in text, figure
    body = before_colophon(text)
    for name in internal_names(parts):
        assert name not in body, name


def test_english_briefing(parts, tmp_path):
    results, uncertain, summary, info, obs = parts
    b = compose_briefing(results, info, "en", summary, uncertain, obs)
    text = html_text(b)
    assert "Summary" in text and "Key figures per scenario" in text and "Colophon" in text
    assert "€4.3M" in text and "977 young people" in text and "extra cost" in text
    assert "Closed square (gesloten vierkant)" in text
    assert io.BytesIO(typst_render.pdf_bytes(b)).getvalue()[:5] == b"%PDF-"


def test_uncertainty_is_conditioned_on_2023_and_gives_p_waiting_list(briefing, parts):
    """The ranges come from calibrated_2023 and the text says so in plain Dutch, naming the
    2023 figures; P(wachtlijst) per year is the Monte Carlo summary's shortfall share."""
    summary = parts[2]
    section = briefing.section("uncertainty")
    text = " ".join(b.text for b in section.blocks if hasattr(b, "text"))
    assert "bijgesteld op de werkelijke cijfers tot en met 2023" in text
    assert "967 jeugdigen" in text
    table = next(b for b in section.blocks if isinstance(b, Table)
                 and b.rows[0][0].startswith("Kans op te weinig personeel"))
    years = [int(y) for y in table.header[1:]]
    assert years[0] == 2023 and years[-1] == 2030
    expected = summary.shortfall_probability.loc[years]
    assert table.rows[0][1:] == [f"{round(100 * p):.0f}%" for p in expected]

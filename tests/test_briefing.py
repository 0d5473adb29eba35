"""The council briefing: a raadsbrief with a page 1 a council member can act on, one content
in three formats (HTML, PDF, Word), no past tense for what the model expects, every
"document" assumption with the words it rests on, no internal names outside the colophon, and
a Word file with numbered captions, repeating header rows and correct properties.

The briefing is built once per module (500 computed situations per regime)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis import key_figures as kf
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present import parameters as rp
from samen_model.present.manifest import Run, manifest
from samen_model.products.briefing import text as tx
from samen_model.products.briefing.compose import (
    compose_briefing,
    middle,
    net_output,
    square_output,
    years_of,
)
from samen_model.products.briefing.content import COLOPHON, Briefing, Figure, Paragraph, Table
from samen_model.products.briefing.render import html as html_render
from samen_model.products.briefing.render import pdf as typst_render
from samen_model.products.briefing.render import word as docx_render
from samen_model.products.briefing.run import regime_results
from samen_model.scenario import sources as src
from samen_model.scenario.observations import load_observations
from samen_model.scenario.quotes import Quote, load_quotes, quote_problem, quotes_for

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
NAMES = ["realised_2023", "staff_shortage", "waterbed_effect", "high_leakage",
         "savings_fewer_referrals"]
DRAWS = 500
SECTIONS = ["summary", "occasion", "context", "happened", "expected", "choice", "risks",
            "breakeven", "measure", "next", "limits", "budget", "key_figures", "assumptions",
            "glossary", "sources", COLOPHON]
#: What a council member must not meet outside the colophon: code, file names, internal keys,
#: jargon of the analysis (with the forbidden words of the issue).
FORBIDDEN = [r"docs/", r"\.ya?ml\b", r"\.md\b", r"\.py\b", r"\.json\b", r"waiting_list",
             r"P\(wachtlijst\)", r"[Tt]rekking", r"[Gg]ekalibreerd", r"percentiel",
             r"Python \d", r"rekenrun", r"samen_model", r"Realisatie 2023",
             r"Realisatie t-2", r"Raming kosten t-1", r"\bseed\b", r"\bSPEC\b",
             r"\b[a-z]+_[a-z0-9_]+\b", r"deels geschat", r"werkelijke cijfers",
             r"met 90% zekerheid", r"'Samenwerking'", r"0,63% per jaar vanaf"]
#: Past-tense verbs (Dutch) that must not tell a figure of a year after the last observed one.
PAST = re.compile(r"\b(was|waren|werd|werden|had|hadden|kreeg|kregen|kostte|kostten|leverde|"
                  r"leverden|bleef|bleven|hielp|hielpen|werkte|werkten|viel|vielen|uitviel|"
                  r"uitvielen|steeg|stegen|daalde|daalden|ontving|ontvingen|"
                  r"is (verhoogd|verlaagd|gestegen|gedaald|gebleken)|"
                  r"heeft \S+ (gekost|opgeleverd|ontvangen))\b")


@pytest.fixture(scope="module")
def parts():
    results = [sm.simulate(sm.load_scenario(SCENARIOS / f"{n}.yaml")) for n in NAMES]
    uncertain = sm.load_scenario(SCENARIOS / "calibrated_2023.yaml")
    obs = load_observations(ROOT / "observations" / "groningen.yaml", COLUMN_NAMES[1:])
    y = years_of(results[0], tuple(obs))
    regimes, extra = regime_results(results[0].scenario, uncertain, DRAWS, 1,
                                    (square_output(y), net_output(y)))
    summary = next(r.summary for r in regimes if r.main)
    info = manifest([*results, Run(uncertain, DRAWS, 1, True), *extra])
    return results, uncertain, summary, info, obs, regimes, y


@pytest.fixture(scope="module")
def briefing(parts):
    results, uncertain, summary, info, obs, regimes, _ = parts
    # the break-even cut of the t-2 rule continued: 0,64% (notebook 03, savings.budget_cut_share)
    return compose_briefing(results, info, "nl", summary, uncertain, obs, regimes,
                            {"t2_rule": 0.0063545}, author="Onderzoek en Statistiek Groningen")


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
def word(briefing, tmp_path_factory):
    import docx

    path = tmp_path_factory.mktemp("docx") / "briefing.docx"
    docx_render.write_docx(briefing, path)
    return docx.Document(str(path))


def html_text(briefing: Briefing) -> str:
    text = re.sub(r'src="data:[^"]+"', "", html_render.briefing_html(briefing))
    return text.replace("\xa0", " ").replace("&#x27;", "'").replace("&quot;", '"')


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def before_colophon(text: str, heading: str = "Colofon") -> str:
    assert heading in text
    return text[:text.rindex(heading)]


def internal_names(parts) -> list[str]:
    """Parameter paths, scenario file names, registry keys used as citations."""
    results, uncertain, *_ = parts
    paths = {p for r in results for p in r.scenario.params} | set(uncertain.params)
    stems = [p.stem for p in SCENARIOS.glob("*.yaml")]
    keys = [f"{k}:" for k in src.registry()]
    return [*sorted(paths), *stems, *keys]


def sentences(text: str) -> list[str]:
    """Sentences of a text: a stop followed by a capital ('kost SAMEN. de gemeente' is one)."""
    text = text.replace("**", "")
    return [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text) if s.strip()]


def past_tense_after(text: str, last_observed: int) -> list[str]:
    """Sentences that name a year after ``last_observed`` and a figure, in the past tense."""
    out = []
    for s in sentences(text):
        years = [int(y) for y in re.findall(r"\b(20[2-4]\d)\b", s)]
        has_figure = re.search(r"€|\d+ (fte|jeugdigen)", s)
        if any(y > last_observed for y in years) and has_figure and PAST.search(s):
            out.append(s)
    return out


def body_texts(briefing: Briefing) -> list[str]:
    """The running text of the briefing (paragraphs and bullets), colophon left out."""
    out = []
    for s in briefing.body_sections():
        for b in s.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            elif hasattr(b, "items") and b.kind == "bullets":
                out += b.items
    return out


# ------------------------------------------------------------------------------ content
def test_sections_in_raadsbrief_order_and_round_trip(briefing):
    assert [s.key for s in briefing.sections] == SECTIONS
    assert [s.key for s in briefing.sections if s.new_page] == ["occasion", "budget"]
    copy = Briefing.from_dict(briefing.to_dict())
    assert copy == briefing  # the data a notebook carries comes back whole
    new = copy.add_section("forecast", "Voorspelling tegen realisatie", after="risks")
    new.paragraph("Nieuw.")
    keys = [x.key for x in copy.sections]
    assert keys.index("forecast") == keys.index("risks") + 1 and keys[-1] == COLOPHON
    with pytest.raises(KeyError, match="no section 'nope' .*summary"):
        copy.section("nope")
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        Table(["a", "b"], [["1"]])


def test_page_one_has_one_bottom_line_one_chart_and_the_median_with_its_band(briefing,
                                                                             parts):
    """The first paragraph is one bold sentence with the median of the main regime's run; the
    next gives that run's 5th and 95th percentile in words; one chart, whose alt text carries
    the same three numbers."""
    summary, regimes, y = parts[2], parts[5], parts[6]
    page = briefing.section("summary")
    paragraphs = [b for b in page.blocks if isinstance(b, Paragraph)]
    figures = [b for b in page.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and not any(isinstance(b, Table) for b in page.blocks)
    bottom = paragraphs[0].text
    assert bottom.startswith("**") and bottom.endswith(".**") and bottom.count("**") == 2
    assert len(sentences(bottom)) == 1
    p5, p50, p95 = middle(summary, net_output(y))
    assert p5 < p50 < p95
    verb = f"netto {tx.money(p50)} op" if p50 >= 0 else f"netto {tx.money(p50)} meer"
    assert verb in bottom and "2026–2030" in bottom
    assert "in 9 van de 10 doorgerekende situaties" in paragraphs[1].text
    assert tx.range_words(p5, p95) in paragraphs[1].text
    assert f"{DRAWS} doorgerekende situaties" in paragraphs[1].text
    # the same run in the chart: the main regime's median and band
    alt = figures[0].alt
    for value in (p5, p50, p95):
        assert tx.money(value).replace("€ ", "") in alt
    # the choice that moves it most: the regime whose median is farthest from the main one
    others = [r for r in regimes if not r.main]
    best = max(others, key=lambda r: abs(middle(r.summary, net_output(y))[1] - p50))
    b50 = middle(best.summary, net_output(y))[1]
    assert best.words("nl")[2] in paragraphs[2].text
    assert tx.net_words(b50) in paragraphs[2].text


def test_pdf_page_one_is_the_summary_and_the_body_fits_about_six_pages(pdf_pages, parts):
    summary, y = parts[2], parts[6]
    first = pdf_pages[0]
    p50 = middle(summary, net_output(y))[1]
    assert "In het kort" in first and "Figuur 1." in first and "Figuur 2." not in first
    assert tx.money(p50) in first.replace("\n", " ")
    assert "1. Aanleiding en vraag" not in first
    annex = next(i for i, p in enumerate(pdf_pages, 1) if "Bijlage 1. De budgetregel" in p)
    assert annex <= 8, f"the body runs to page {annex - 1}"
    for i, page in enumerate(pdf_pages, start=1):
        assert f"Pagina {i} van {len(pdf_pages)}" in page, i


def test_no_figure_after_the_last_observed_year_in_the_past_tense(briefing, parts):
    y = parts[6]
    assert y["last_obs"] == 2023
    offending = [s for t in body_texts(briefing) for s in past_tense_after(t, y["last_obs"])]
    assert offending == []
    # the check does catch what the earlier briefing said
    old = ("Bij de toets van 1 maart 2026 is het met € 0,77 mln verhoogd, omdat de kosten van "
           "2025 hoger uitvielen. Eind 2025 werkten er 146 fte.")
    assert len(past_tense_after(old, 2023)) == 2
    expected = " ".join(b.text for b in briefing.section("expected").blocks
                        if isinstance(b, Paragraph))
    assert "naar verwachting" in expected and "Vanaf 2024 zijn alle cijfers verwachtingen" \
        in expected
    assert "Het hoofdscenario komt voor eind 2025 uit op 146 fte" in expected  # 146.4
    # the central result against the run: how many situations are worse
    from samen_model.products.briefing.regimes import share_at_or_below

    central = kf.central(parts[0][0])["net_savings_structural_eur"]
    worse = share_at_or_below(parts[2], net_output(y), central)
    assert f"In {tx.in_ten(worse)} doorgerekende situaties is het netto resultaat ongunstiger" \
        in expected


def test_what_happened_gives_only_the_documents_figures_as_they_say_them(briefing):
    table = next(b for b in briefing.section("happened").blocks if isinstance(b, Table))
    rows = {r[0]: r for r in table.rows}
    assert rows["Subsidie WIJ 2023"][1] == "subsidie ontvangen van 4,2 miljoen euro"
    assert rows["Subsidie WIJ 2023"][2] == "ontvangen"
    assert rows["Jeugdigen geholpen in 2023"][1].startswith("967 jeugdigen")
    assert rows["Jeugdigen geholpen in 2023"][2:4] == ["geteld", "november 2023"]
    overrun = rows["Nadeel 2023 door meer specialistische hulp"]
    assert overrun[2] == "verwacht" and "We verwachten" in overrun[1]
    assert "15 december 2023" in overrun[3]
    text = " ".join(b.text for b in briefing.section("happened").blocks
                    if isinstance(b, Paragraph))
    assert "977 jeugdigen" in text and "geteld in november 2023" in text  # model vs count
    # the old misstatement of the 2023 subsidy (a model figure where the evaluation says 4,2)
    assert not re.search(r"(uitvoeringsbudget|subsidie)\D{0,40}€\s4,3\smln", html_text(briefing))


def test_the_choice_after_2025_side_by_side(briefing, parts):
    """One row per regime of budget.structural_regime, the main one (reeel) in bold; central
    values as the engine gives them (tests/golden: realised_2023 € 14,84 mln saving under
    reeel; € 0,57 mln extra cost with the t-2 rule continued; € 12,22 mln saving with
    settlement). With the t-2 rule WIJ keeps € 2,5 mln in 2026 and € 12,8 mln over 2026-2030."""
    results, regimes = parts[0], parts[5]
    table = next(b for b in briefing.section("choice").blocks if isinstance(b, Table))
    assert [r[0] for r in table.rows] == [
        "Budgetregel loopt door, WIJ houdt het verschil", "Verrekening loopt door",
        "**Reëel budget op de werkelijke kosten**"]
    main = next(r for r in regimes if r.main)
    assert main.key == "reeel" and kf.central(main.result)["net_savings_structural_eur"] == \
        pytest.approx(kf.central(results[0])["net_savings_structural_eur"])
    assert [r[2] for r in table.rows] == ["€ 0,57 mln extra kosten", "€ 12,2 mln besparing",
                                          "€ 14,8 mln besparing"]
    text = " ".join(b.text for b in briefing.section("choice").blocks
                    if isinstance(b, Paragraph))
    assert "“speelt alleen maar gedurende de overgangperiode”" in text
    t2 = next(r for r in regimes if r.key == "t2_rule").result
    kept = t2.arrays["wij_result_eur"][:, 0]
    at = {int(y): i for i, y in enumerate(t2.years)}
    assert kept[at[2026]] == pytest.approx(2.5e6, abs=0.05e6)
    assert sum(kept[at[y]] for y in range(2026, 2031)) == pytest.approx(12.79e6, abs=0.05e6)
    # WIJ's result in words, as in the key figures: positive = overschot (WIJ keeps money)
    assert "Als de budgetregel doorloopt, houdt WIJ in 2026 in het hoofdscenario naar " \
        "verwachting € 2,5 mln overschot" in text
    assert "over 2026–2030 is dat € 12,8 mln overschot" in text


def test_risks_name_the_scenarios_and_how_often_and_break_even(briefing, parts):
    summary, y = parts[2], parts[6]
    table = next(b for b in briefing.section("risks").blocks if isinstance(b, Table))
    rows = {r[0]: r for r in table.rows}
    staff = rows["Personeelstekort (max. 20 fte groei per jaar vanaf 2024)"]
    # under reeel (tests/golden): main € 14,84 mln saving, staff shortage € 22,14 mln (a lower
    # cost base), high leakage € 9,78 mln, fewer referrals € 21,05 mln
    # a risk is never good news: WIJ's own result stands beside the municipality's (staff
    # shortage: WIJ € 8,02 mln deficit), and the two together against the main scenario
    assert staff[2] == "€ 22,1 mln besparing" and staff[3] == "€ 8,0 mln tekort"
    leak = rows["Hoge weglek (25% vanaf 2024)"]
    assert leak[2] == "€ 9,8 mln besparing" and leak[3] == "€ 1,3 mln overschot"
    fewer = rows["Minder specialistische verwijzingen (1% in 2026, 3% in 2030)"]
    assert fewer[2] == "€ 21,1 mln besparing"
    # "how often": the share of the run at or below the high-leakage result, in tens
    leak_net = kf.central(sm.simulate(sm.load_scenario(SCENARIOS / "high_leakage.yaml")))[
        "net_savings_structural_eur"]
    values = summary.outputs.loc[net_output(y), [f"p{p}" for p in range(1, 100)]].to_numpy()
    below = np.interp(leak_net, np.sort(values), np.arange(1, 100) / 100)
    expected = f"{round(10 * below)} van de 10 even slecht of slechter" if below >= 0.05 \
        else "minder dan 1 van de 10"
    assert leak[5] == expected
    text = " ".join(b.text for b in briefing.section("risks").blocks
                    if isinstance(b, Paragraph))
    share = summary.shortfall_probability.loc[2026]
    assert f"In {tx.in_ten(share)} doorgerekende situaties kan WIJ in 2026" in text
    assert "“er zijn geen wachtlijsten”" in text and "gecertificeerde instellingen" in text
    breakeven = " ".join(b.text for b in briefing.section("breakeven").blocks)
    assert "al een besparing" in breakeven  # reeel: no cut needed
    assert "Als de budgetregel doorloopt en WIJ het verschil houdt, dan is een taakstelling van " \
        "0,64% op het budget van WIJ vanaf 2026" in breakeven  # notebook 03, t-2 rule


def test_the_waterbed_scenario_in_the_risks_with_its_result(briefing):
    """waterbed_effect: from 2024 5% of SAMEN.'s new clients later need specialist care at
    € 15.000 (2021 prices, indexed); the municipality pays it from other youth care, so the
    net result 2026-2030 falls by exactly the step-up cost of those years (tests/golden:
    € 14,84 mln -> € 6,07 mln saving)."""
    main = sm.simulate(sm.load_scenario(SCENARIOS / "realised_2023.yaml"))
    water = sm.simulate(sm.load_scenario(SCENARIOS / "waterbed_effect.yaml"))
    net = kf.central(water)["net_savings_structural_eur"]
    cost = float(water.total_over("step_up_cost_eur", 2026, 2030)[0])
    assert kf.central(main)["net_savings_structural_eur"] - net == pytest.approx(cost, rel=1e-9)
    assert net == pytest.approx(6.07e6, abs=0.01e6) and cost == pytest.approx(8.77e6, abs=0.01e6)
    table = next(b for b in briefing.section("risks").blocks if isinstance(b, Table))
    rows = {r[0]: r for r in table.rows}
    row = rows["Waterbedeffect (5% opschaling vanaf 2024)"]
    assert row[1] == "Opschaling naar specialistische hulp: 0% in 2023 en 5% vanaf 2024 van de " \
        "nieuwe cliënten"  # one colon; a year series holds its last value
    staff = rows["Personeelstekort (max. 20 fte groei per jaar vanaf 2024)"]
    assert staff[1] == "Grootste groei van het personeel: 80 fte per jaar in 2023 en 20 fte " \
        "per jaar vanaf 2024"
    assert row[2] == tx.net_words(net) == "€ 6,1 mln besparing"
    assert row[3] == "€ 0,93 mln tekort"  # as in the main scenario: WIJ carries nothing
    assert row[4] == "€ 8,8 mln ongunstiger"
    # beside staff shortage and high leakage, the worst first
    titles = [r[0] for r in table.rows]
    assert titles.index("Waterbedeffect (5% opschaling vanaf 2024)") < \
        titles.index("Hoge weglek (25% vanaf 2024)")
    assert "Personeelstekort (max. 20 fte groei per jaar vanaf 2024)" in titles
    text = " ".join(b.text for b in briefing.section("risks").blocks
                    if isinstance(b, Paragraph))
    assert "“tekort aan personeel (ook eventueel elders in de regio) of een mogelijk " \
        "waterbedeffect”" in text  # the memo's words (a shipped passage)
    assert "In het scenario “Waterbedeffect (5% opschaling vanaf 2024)” heeft vanaf 2024 5% " \
        "van de nieuwe cliënten van SAMEN. later alsnog specialistische hulp nodig" in text
    assert f"kost de gemeente in 2026–2030 naar verwachting {tx.money(cost)} extra" in text
    assert "het netto resultaat wordt dan € 6,1 mln besparing in plaats van € 14,8 mln " \
        "besparing" in text
    # page 1 names the largest risk computed: the waterbed effect
    page1 = " ".join(briefing.section("summary").blocks[-1].items)
    assert "“Waterbedeffect (5% opschaling vanaf 2024)”, maakt van de € 14,8 mln besparing " \
        "van het hoofdscenario in 2026–2030 € 6,1 mln besparing" in page1


def test_who_carries_the_difference_when_a_risk_turns_out_better(briefing):
    """Staff shortage is € 7,3 mln better for the municipality under a reëel budget because
    WIJ keeps a deficit of € 8,0 mln (tests/golden: WIJ's result 2026-2030 -€ 8,02 mln against
    -€ 0,93 mln in the main scenario)."""
    text = " ".join(b.text for b in briefing.section("risks").blocks
                    if isinstance(b, Paragraph))
    assert "in 2026–2030 is dat naar verwachting € 0,93 mln tekort" in text
    assert "bij “Personeelstekort” € 8,0 mln tekort" in text
    assert "Waterbedeffect” €" not in text  # worse for the municipality: not listed


def test_what_to_measure_names_the_assumption_that_narrows_the_band_most(briefing, parts):
    """Section 8 ranks the uncertain assumptions on the computed situations of page 1 (the
    uncertainty scenario under the main regime, same draws and seed): its band is page 1's
    band, and it names the assumption with the largest share of the spread, computed here
    again from the run."""
    from samen_model.analysis.value_of_information import measure_next, narrowing

    results, uncertain, summary, *_, y = parts
    reeel = uncertain.with_values({"budget.structural_regime": "reeel"})
    m = measure_next(reeel, draws=DRAWS, seed=1, window=(2026, 2030))
    net = m.outputs.loc["net_savings"]
    p5, _, p95 = middle(summary, net_output(y))
    assert (net["p5"], net["p95"]) == pytest.approx((p5, p95), rel=1e-9)  # the same run
    ranked = m.table[m.table["output"] == "net_savings"]
    top = ranked.iloc[0]
    assert top["variance_share"] >= ranked["variance_share"].max() - 1e-12
    label = rp.label_text(uncertain, top["parameter"], "nl")
    section = briefing.section("measure")
    paragraphs = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert tx.range_words(p5, p95) in paragraphs[0]
    assert f"{DRAWS} doorgerekende situaties als op pagina 1" in paragraphs[0]
    assert label  # the table's label; the sentence names it with its article (the registry's
    # phrase: "caseload" reads "het aantal cliënten per fte"), without bold
    from samen_model.products.briefing.measure import phrase_text

    phrase = phrase_text(uncertain, top["parameter"], "nl")
    assert phrase.split()[0] in ("de", "het")
    assert f"Het meest helpt een beter cijfer voor {phrase}:" in paragraphs[1]
    assert "**" not in " ".join(paragraphs[1:])
    assert phrase_text(uncertain, "products.individual_guidance_plus.mean_duration_years",
                       "nl") == "de gemiddelde duur van individuele begeleiding plus"
    share = float(top["variance_share"])
    assert f"ongeveer {round(100 * narrowing(share))}% smaller" in paragraphs[1]
    assert narrowing(0.36) == pytest.approx(0.2)  # 1 - sqrt(1 - 0,36): by hand
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert [r[0] for r in table.rows] == [rp.label_text(uncertain, p, "nl")
                                          for p in ranked["parameter"].iloc[:5]]
    assert table.rows[0][1] == f"{round(100 * share)}%"
    assert all(r[3] not in ("", "–") for r in table.rows)  # where a better figure comes from
    for word in ("trekking", "percentiel", "gekalibreerd", "Sobol", "EVPPI", "variantie"):
        assert word not in " ".join(paragraphs + [c for r in table.rows for c in r])


def test_key_figures_give_wij_result_and_net_results_in_words(briefing, parts):
    """One sign convention in the key-figure annex: no minus sign; the net results say
    besparing / extra kosten, WIJ's result overschot / tekort (tests/golden, realised_2023:
    WIJ -€ 0,93 mln; high leakage +€ 1,28 mln)."""
    table = next(b for b in briefing.section("key_figures").blocks if isinstance(b, Table))
    assert not any("−" in c or c.startswith("-") for r in table.rows for c in r)
    rows = {r[0]: r[1:] for r in table.rows}
    wij = rows["Resultaat van WIJ 2026–2030 (houdt WIJ zelf)"]
    head = table.header[1:]
    assert wij[head.index("Hoofdscenario")] == "€ 0,93 mln tekort"
    assert wij[head.index("Hoge weglek")] == "€ 1,28 mln overschot"
    for label in ("Netto resultaat 2026–2030 in prijzen van 2021",
                  "Netto resultaat 2026–2030, contante waarde 2023 (2,25%)"):
        assert all(c.endswith(("besparing", "extra kosten")) for c in rows[label]), label
    assert not any(r[0].startswith("Netto besparing") for r in table.rows)
    payback = rows["Terugverdienjaar (contante waarde, 2,25%)"]
    assert payback[head.index("Waterbedeffect")] == "niet vóór eind 2030"


def test_next_steps_and_limits(briefing):
    text = " ".join(briefing.section("next").blocks[0].items)
    assert "2024–2025" in text and "vervangen de schattingen" in text
    assert "impactmeting" in text
    limits = " ".join(briefing.section("limits").blocks[0].items)
    assert "kwaliteit" in limits and "geen wachtlijsten" in limits
    assert "“Binnen 5 werkdagen na melding bij een WIJ-team is er contact met de inwoner.”" \
        in limits


def test_how_often_recovers_the_share_of_a_known_distribution():
    """'Hoe vaak' reads the share at or below a value from the run's 99 percentiles: on draws
    from a normal distribution it gives the normal CDF to within one per cent."""
    from types import SimpleNamespace

    import pandas as pd
    from scipy import stats

    from samen_model.products.briefing.regimes import share_at_or_below

    draws = np.random.default_rng(7).normal(-4e6, 3e6, 200_000)
    row = {f"p{p}": np.percentile(draws, p) for p in range(1, 100)}
    fake = SimpleNamespace(outputs=pd.DataFrame([row], index=["net"]))
    for value in (-9e6, -4e6, -2.49e6, 0.0):
        expected = stats.norm.cdf(value, -4e6, 3e6)
        assert share_at_or_below(fake, "net", value) == pytest.approx(expected, abs=0.01)
    assert share_at_or_below(fake, "net", -40e6) == 0.0
    assert share_at_or_below(fake, "net", 40e6) == 1.0


# ----------------------------------------------------------------------- assumptions register
def test_every_document_row_quotes_words_found_in_the_shipped_source_text():
    """For every shipped scenario: a value labelled "document" has quotes, each quote's words
    stand word for word in a shipped passage of its source, and that source is cited."""
    passages, _ = load_quotes()
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = sm.load_scenario(path)
        for row in rp.register_rows(scenario):
            if row.basis != "document":
                assert row.quote == "", (path.name, row.path)
                continue
            quotes = quotes_for(row.path)
            assert quotes and row.quote, (path.name, row.path)
            cited = {c.key for c in src.parse(scenario.params[row.path].source)}
            for q in quotes:
                assert quote_problem(q) is None, (path.name, row.path, q)
                assert q.source in cited, (path.name, row.path, q.source)
                assert f"“{q.words}”" in row.quote
    assert set(passages) <= set(src.registry())
    assert quote_problem(Quote("framework-2022", "eerste modeljaar 2019")) is not None


def test_rows_the_documents_do_not_hold_are_not_labelled_document():
    scenario = sm.load_scenario(SCENARIOS / "realised_2023.yaml")
    basis = {r.path: r.basis for r in rp.register_rows(scenario)}
    for path in ("time.first_year", "incidental.spending_eur", "incidental.return_year",
                 "savings.budget_cut_share", "savings.specialist_referral_reduction"):
        assert basis[path] == "choice", path
    for path in ("products.individual_guidance_plus.samen_entry_year",
                 "products.light_treatment.samen_entry_year", "capacity.vacancy_rate"):
        assert basis[path] == "estimate", path
    assert basis["incidental.tranches_eur"] == "document"
    growth = scenario.params["population.growth_after_data"].source
    # 243.800 -> 273.000 over 18 years is 0,63% a year (not "+16%")
    assert "243.800" in growth and "0,63%" in growth
    assert (273_000 / 243_800) ** (1 / 18) - 1 == pytest.approx(0.0063, abs=0.00005)
    waiting = scenario.params["capacity.waiting_list_specialist_share"].source
    assert "§5" in waiting and "'Samenwerking'" not in waiting


def test_register_counts_the_bases_in_words(briefing, parts):
    rows = rp.register_rows(parts[0][0].scenario)
    first = briefing.section("assumptions").blocks[0].text
    n_estimates = sum(r.basis == "estimate" for r in rows)
    assert f"Het hoofdscenario heeft {len(rows)} aannames" in first
    assert f"{n_estimates} zijn schattingen" in first


# ------------------------------------------------------------------------------ words
def test_no_code_file_name_or_internal_key_outside_the_colophon(briefing, parts, pdf_pages,
                                                                word):
    html = before_colophon(plain(html_text(briefing)))
    pdf = before_colophon("\n".join(pdf_pages)).replace("\n", " ")
    docx_text = "\n".join(p.text for p in word.paragraphs)
    docx_text += "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    docx_body = before_colophon(docx_text)
    for text in (html, pdf, docx_body):
        for name in internal_names(parts):
            assert name not in text, name
        for pattern in FORBIDDEN:
            found = re.search(pattern, text)
            assert found is None, (pattern, text[max(0, found.start() - 60):found.end() + 60])
    colophon = plain(html_text(briefing)).split("Colofon")[-1]
    assert parts[3]["run_key"] in colophon and "Realisatie 2023" in colophon
    assert parts[3]["version"] not in colophon  # versions stay in the manifest


def test_one_sign_convention_in_text_and_charts(briefing):
    text = plain(html_text(briefing))
    assert "onderschrijding" not in text and "overschrijding" not in text
    assert "binnen het gesloten vierkant" not in text and "cumulatie" not in text
    assert "besparing −" not in text and "(−€" not in text  # no double negatives
    glossary = dict(briefing.section("glossary").blocks[0].items)
    assert "besparing rechts van of boven de nul" in glossary["Netto resultaat"]


# ------------------------------------------------------------------------------ PDF
def test_pdf_is_a4_with_author_and_tables_keep_their_rows(pdf, briefing):
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert reader.metadata.author == "Onderzoek en Statistiek Groningen"
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    source, figures = typst_render.typst_source(briefing)
    assert "#set table.cell(breakable: false)" in source  # a row never splits over pages
    assert source.count("table.header(") == sum(
        isinstance(b, Table) for s in briefing.sections for b in s.blocks)  # header repeats
    assert len(figures) == 2 and source.count("alt: ") == 2
    assert source.count("#pagebreak(weak: true)") == 3  # body, annexes, colophon


def test_pdf_pages_as_a_reader_sees_them(briefing, pdf_pages, tmp_path):
    """Render every page to PNG (the Typst compiler of the PDF; pdftoppm where installed):
    nothing may reach into the side margins (a table or chart running off the page), and
    every page has content at its top."""
    import matplotlib.image as mpimg

    if shutil.which("pdftoppm"):
        path = typst_render.write_pdf(briefing, tmp_path / "b.pdf")
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "p")],
                       check=True)
        pages = sorted(tmp_path.glob("p-*.png"))
    else:
        pages = []
        for i, png in enumerate(typst_render.page_images(briefing, 40), start=1):
            pages.append(tmp_path / f"p-{i:02d}.png")
            pages[-1].write_bytes(png)
    assert len(pages) == len(pdf_pages) >= 8
    for png in pages:
        img = mpimg.imread(png)[..., :3].mean(axis=2)  # 0 black .. 1 white
        height, width = img.shape
        margin = int(width * 1.6 / 21.0)  # 1.6 cm of the 2.2 cm side margins
        ink = img < 0.85
        assert not ink[:, :margin].any(), f"{png.name}: something in the left margin"
        assert not ink[:, width - margin:].any(), f"{png.name}: something in the right margin"
        assert ink[: int(height * 0.25)].any(), f"{png.name}: an empty top of the page"


# ------------------------------------------------------------------------------ Word
def test_docx_captions_header_rows_widths_and_properties(word, briefing, parts):
    from docx.oxml.ns import qn

    captions = [p for p in word.paragraphs if p.style.name == "Caption"]
    numbers = briefing.numbers()
    assert len(captions) == len(numbers) and len(numbers) >= 10
    seen = {"Figuur": 0, "Tabel": 0}
    for p in captions:
        kind, n = re.match(r"(Figuur|Tabel) (\d+)\. ", p.text).groups()
        seen[kind] += 1
        assert int(n) == seen[kind]  # numbered in order, as in the PDF
        assert any(" SEQ " in t.text for t in p._p.iter(qn("w:instrText")))
    assert seen["Figuur"] == 2 and seen["Tabel"] == len(word.tables)
    for table in word.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), "header row repeats"
        assert all(r._tr.xpath("./w:trPr/w:cantSplit") for r in table.rows)
        grid = [int(c.w) for c in table._tbl.tblGrid.gridCol_lst]
        for row in table.rows:
            assert [int(c.width) for c in row.cells] == grid
    props = word.core_properties
    assert props.author == "Onderzoek en Statistiek Groningen" != "samen_model"
    app = word.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "extended-properties").blob.decode("utf-8")
    assert "Macintosh" not in app and "<Pages>" not in app  # not the template's
    run_time = dt.datetime.fromisoformat(parts[3]["created_utc"].replace("Z", "+00:00"))
    assert props.created.replace(tzinfo=None) == run_time.replace(tzinfo=None, microsecond=0)
    assert props.title == briefing.title and props.language == "nl-NL"
    assert props.last_modified_by == props.author
    toc = [t.text for t in word.element.body.iter(qn("w:instrText")) if "TOC" in t.text]
    assert toc and '\\o "1-2"' in toc[0]
    assert word.settings.element.find(qn("w:updateFields")) is not None
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [s.title for s in briefing.sections] == [h for h in headings if h in {
        s.title for s in briefing.sections}]
    shapes = word.inline_shapes
    assert len(shapes) == 2 and all(len(s._inline.docPr.get("descr")) > 60 for s in shapes)


def test_english_briefing(parts):
    results, uncertain, summary, info, obs, regimes, _ = parts
    b = compose_briefing(results, info, "en", summary, uncertain, obs, regimes,
                         {"t2_rule": 0.0063545})
    text = plain(html_text(b))
    for words in ("In brief", "The choice after 2025", "Annex 3. Assumptions", "Colophon",
                  "in 9 of 10 computed situations", "extra cost", "Main scenario"):
        assert words in text, words
    assert typst_render.pdf_bytes(b)[:5] == b"%PDF-"
    assert b.author == "Gemeente Groningen"  # the default: no package name in the properties
    assert "8. Which figures would narrow the uncertainty most" in text
    assert "the net result then becomes €6.1M saving instead of €14.8M saving" in text


def test_the_waterbed_paragraph_says_how_often_the_run_has_that_many_step_ups(briefing, parts):
    """The share of step-ups is uncertain in the run of page 1: the paragraph gives its range
    there and how often it is at least the scenario's 5% (counted here from the same draws)."""
    from samen_model.analysis.calibration.fit import prior_values

    uncertain, summary = parts[1], parts[2]
    drawn = prior_values(uncertain, summary.draws, summary.seed)["routing.step_up_share"]
    assert 0.0 <= drawn.min() < 0.01 and 0.05 < drawn.max() <= 0.10  # triangular 0-0-10%
    often = float(np.mean(drawn >= 0.05 - 1e-12))
    text = " ".join(b.text for b in briefing.section("risks").blocks
                    if isinstance(b, Paragraph))
    assert f"in {tx.in_ten(often)} is het 5% of meer" in text
    assert "€ 6,1 mln besparing in plaats van € 14,8 mln besparing. In de doorgerekende " \
        "situaties van paragraaf 4 ligt dat aandeel tussen 0%" in text


def test_page_one_one_name_per_number_and_the_gap_explained(briefing, parts):
    """'hoofdscenario' is only the run with one value per assumption (realised_2023); the
    bottom line gives the median, names the regime as the model's assumption (no decision)
    and never says 'hoofdscenario'; the gap between the two is split into the tuning to the
    2023 figures (realised_2023 -> calibrated_2023 with its own central values) and the
    spread (-> the median), in words, from the run."""
    results, uncertain, summary, _, _, regimes, y = parts
    page = briefing.section("summary")
    paragraphs = [b.text for b in page.blocks if isinstance(b, Paragraph)]
    bottom = paragraphs[0]
    assert "hoofdscenario" not in bottom
    assert "zoals het model aanneemt (een reëel budget; geen besluit)" in bottom
    assert "(middelste uitkomst van de doorgerekende situaties)" in bottom
    main = float(kf.central(results[0])["net_savings_structural_eur"])
    cal_run = sm.simulate(uncertain.with_values({"budget.structural_regime": "reeel"}))
    cal = float(kf.central(cal_run)["net_savings_structural_eur"])
    median = middle(summary, net_output(y))[1]
    assert main > cal > median  # realised_2023 € 14,8 mln, calibrated about € 8,9 mln
    assert f"komt uit op {tx.net_words(main)}" in paragraphs[1]
    assert f"geven ze {tx.net_words(cal)}" in paragraphs[1]
    mostly = "vooral uit die afstemming" if abs(main - cal) >= abs(cal - median) \
        else "vooral uit de spreiding"
    assert mostly in paragraphs[1]
    # the closed square on page 1 is the median, the central run's beside it (table 6)
    square = " ".join(page.blocks[-1].items)
    sq_median = middle(summary, square_output(y))[1]
    sq_main = float(kf.central(results[0])["deviation_transition_eur"])
    assert f"{tx.square_words(sq_median)} (middelste uitkomst van de doorgerekende " \
        f"situaties; in het hoofdscenario {tx.square_words(sq_main)}" in square
    # the chart marks the model's regime, not "hoofdscenario" (its dots are medians)
    assert "hoofdscenario" not in page.blocks[3].alt and "(aanname van het model)" in \
        page.blocks[3].alt


def test_register_says_what_the_ceiling_means_under_the_regime(briefing, parts):
    """Under reëel the budget rule always caps the budget at the lapsing cost
    (model/budget_rule.py), so the register's ceiling switch says it applies to the other
    regimes; no code key of a regime in the register."""
    assert parts[0][0].scenario.value("budget.structural_regime") == "reeel"
    rows = [r for b in briefing.section("assumptions").blocks if isinstance(b, Table)
            for r in b.rows]
    ceiling = next(r for r in rows if r[0] == "Plafond: de kosten die in open house vervallen")
    assert ceiling[1].startswith("uit; deze schakelaar geldt bij ‘budgetregel loopt door’ en "
                                 "‘verrekening’; bij een reëel budget")
    assert "hoort het plafond bij de regel" in ceiling[1]
    cells = " ".join(c for r in rows for c in r)
    assert not re.search(r"\b(reeel|t2_rule|settlement)\b", cells)
    assert "een reëel budget volgt hun richting het dichtst" in cells
    # the other regime: the switch alone
    from samen_model.products.briefing.annexes import register_value
    assert register_value("budget.lapsing_cost_ceiling", "uit", "t2_rule", "nl") == "uit"
    # the evaluation counts 'ruim 80 fte'; the staff at the start are the model's estimate
    assert "tot 'ruim 80 fte' (evaluatie), vanaf een geschatte bezetting bij de start" in cells
    assert "van ongeveer 30 naar" not in cells
    duration = next(r for r in rows if r[0] == "Duur van een traject bij SAMEN.")
    assert duration[1] == "even lang als in open house"  # realised_2023: factor 1


def test_a_risk_never_reads_as_good_news(briefing, parts):
    """Every risk row gives WIJ's own result beside the municipality's and both together
    against the main scenario, computed from the runs; staff shortage saves the municipality
    more only because WIJ carries a deficit."""
    results = parts[0]
    main = kf.central(results[0])
    table = next(b for b in briefing.section("risks").blocks if isinstance(b, Table))
    assert table.header[2:5] == ["Gemeente", "WIJ", "Samen, verschil"]
    rows = {r[0]: r for r in table.rows}
    for r in results[1:]:
        k = kf.central(r)
        row = rows[r.scenario.title]
        assert row[2] == tx.net_words(k["net_savings_structural_eur"])
        assert row[3] == tx.wij_words(k["wij_result_structural_eur"])
        diff = (k["net_savings_structural_eur"] + k["wij_result_structural_eur"]) - \
            (main["net_savings_structural_eur"] + main["wij_result_structural_eur"])
        assert row[4] == f"{tx.money(diff)} {'gunstiger' if diff >= 0 else 'ongunstiger'}"
    staff = kf.central(results[NAMES.index("staff_shortage")])
    assert staff["net_savings_structural_eur"] > main["net_savings_structural_eur"]
    assert staff["wij_result_structural_eur"] < main["wij_result_structural_eur"] - 5e6
    assert rows[results[1].scenario.title][3].endswith("tekort")
    assert f"WIJ {tx.wij_words(main['wij_result_structural_eur'])}" in table.caption


def test_the_note_is_dated_from_the_run_and_the_decision_deadline_from_the_scenario(briefing,
                                                                                     parts):
    """The budget of the first structural year is set by 1 October of the year before; a note
    made after that says it has been set and that the model's sources do not hold the rule."""
    import datetime as dt

    from samen_model.products.briefing.compose import budget_deadline, decision_taken, made_on

    info, y = parts[3], parts[6]
    made = made_on(info)
    assert budget_deadline(y) == dt.date(y["struct"] - 1, 10, 1) == dt.date(2025, 10, 1)
    assert not decision_taken(dt.date(2025, 9, 30), y) and decision_taken(dt.date(2025, 10, 2), y)
    steps = " ".join(briefing.section("next").blocks[0].items)
    occasion = " ".join(b.text for b in briefing.section("occasion").blocks)
    months = src.MONTHS["nl"]
    assert f"gemaakt in {months[made.month - 1]} {made.year}" in occasion
    assert "cijfers tot en met 2023" in occasion
    if decision_taken(made, y):
        assert "Het budget van 2026 moest uiterlijk 1 oktober 2025 zijn vastgesteld." in steps
        assert "staat niet in de bronnen van het model" in steps
    else:
        assert "Vóór het budget van 2026 wordt vastgesteld (uiterlijk 1 oktober 2025)" in steps

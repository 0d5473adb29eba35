"""Section 8 of the briefing: which uncertain assumptions, if known, would narrow the band of the
net result most, computed on page 1's situations
(:mod:`samen_model.analysis.value_of_information`)."""

from __future__ import annotations

from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.analysis.value_of_information import (
    MIN_DRAWS,
    NET_SAVINGS,
    SHORTFALL,
    MeasureNext,
    measure_next,
)
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present import parameters as rp
from samen_model.products.briefing import text as tx
from samen_model.products.briefing.citing import lower_first
from samen_model.products.briefing.content import Section
from samen_model.products.briefing.regimes import (
    REGIME_PARAMETER,
    transition_years,
    under_regime,
)
from samen_model.scenario import labels as lb
from samen_model.scenario.scenario import Scenario


def measure_for(uncertain: Scenario, main: Result, summary: MonteCarloSummary,
                y: dict[str, int]) -> MeasureNext | None:
    """What to measure next, on the same computed situations as page 1: the uncertainty
    scenario under the main scenario's regime after the transition, with the summary's draws
    and seed, over the structural years (so its band is page 1's band). None with fewer
    than :data:`~samen_model.analysis.value_of_information.MIN_DRAWS` draws."""
    if summary.draws < MIN_DRAWS:
        return None
    uncertain = under_regime(uncertain, str(main.scenario.value(REGIME_PARAMETER)))
    return measure_next(uncertain, draws=summary.draws, seed=summary.seed,
                        window=(y["lo"], y["hi"]))


def phrase_text(scenario: Scenario, path: str, language: str) -> str:
    """How a sentence names a parameter, with its article: the registry's ``phrase`` (``de
    weglek naar open-house-aanbieders``), for a product's or referrer's parameter with its
    name (``de gemiddelde duur van individuele begeleiding plus``)."""
    entry = lb.label_of(path)
    words = entry.phrase[language] if entry else path
    parts = path.split(".")
    if len(parts) == 3 and parts[1] in scenario.tree["parameters"].get(parts[0], {}):
        of = msg.text("briefing.of", language)
        words = f"{words} {of} {lower_first(scenario.label(parts[0], parts[1], language))}"
    return words


def measure_section(s: Section, m: MeasureNext, uncertain: Scenario, y: dict[str, int],
             language: str, rows: int = 5) -> None:
    """Which uncertain assumptions, if known, narrow the band of the net result most, and
    which decide whether WIJ has enough staff (:mod:`samen_model.analysis.value_of_information`)."""
    w = tx.t(language)
    table = m.table[m.table["output"] == NET_SAVINGS].head(rows)
    net = m.outputs.loc[NET_SAVINGS]
    after = transition_years(y)

    def label(path: str) -> str:
        return rp.label_text(uncertain, path, language)

    def phrase(path: str) -> str:
        return phrase_text(uncertain, path, language)

    def what(path: str) -> str:
        return tx.measure_words(path, rp.theme_of(path), language)

    s.paragraph(w["measure_1"].format(range=tx.range_words(net["p5"], net["p95"], language),
                                      draws=fmt.count(m.draws, language), **y))
    top = table.iloc[0]
    s.paragraph(w["measure_top"].format(
        label=phrase(top["parameter"]), what=what(top["parameter"]),
        narrow=fmt.pct(top["narrowing"], 0, language),
        others=tx.join([phrase(p) for p in table["parameter"].iloc[1:3]], language)))
    s.table(list(w["measure_head"]),
            [[label(r.parameter), fmt.pct(r.variance_share, 0, language),
              fmt.pct(r.narrowing, 0, language), what(r.parameter)]
             for r in table.itertuples()],
            w["measure_caption"].format(**y), widths=[3.0, 1.6, 1.6, 4.4],
            align=["l", "r", "r", "l"])
    if float(top["variance_share"]) < 0.5:
        s.paragraph(w["measure_alone"].format(after=after, **y))
    short = float(m.outputs.loc[SHORTFALL, "probability_positive"])
    if 0.05 <= short <= 0.95:
        staff = m.table[m.table["output"] == SHORTFALL].iloc[0]["parameter"]
        s.paragraph(w["measure_staff"].format(share=tx.in_ten(short, language),
                                              label=phrase(staff), what=what(staff),
                                              **y))

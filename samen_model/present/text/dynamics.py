"""Why the square deviation swings from year to year, in words and as a chart label.

Generated from :func:`samen_model.analysis.dynamics.deviation_parts` of the run (settlement,
the budget's t-2 basis and 1 March recheck, the open-house cost that remains), so the text
holds for any scenario; nothing here is written for one scenario.
"""

from __future__ import annotations

import pandas as pd

from samen_model.analysis.dynamics import deviation_parts, largest_swing
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg

SMALL_EUR = 50_000.0  # a change below this (EUR) is not worth a clause



def deviation_words(x: float, language: str = "nl") -> str:
    """A deviation as words: ``€ 0,49 mln boven het gesloten vierkant``."""
    t = msg.words("text.dynamics", language)
    if abs(x) < SMALL_EUR:
        return t["dev_even"]
    return t["dev_over" if x > 0 else "dev_under"].format(amount=fmt.eur_mln(abs(x), 2,
                                                                                language))


def _window(result: Result) -> tuple[int, int]:
    v = result.scenario.value
    start = v("time.samen_start_year")
    return start, min(int(result.years[-1]), v("time.transition_end_year") + 3)


def swing_year(result: Result) -> int | None:
    """The year with the largest change of the deviation (transition and three years after)."""
    return largest_swing(deviation_parts(result), *_window(result))


def swing_paragraph(result: Result, language: str = "nl") -> str:
    """Text that explains the largest year-to-year change of the square deviation of
    ``result`` from its own columns: a lead sentence, then one ``- `` bullet per mechanism
    (settlement, whole budget paid, t-2 budget basis and 1 March recheck, open house)."""
    t = msg.words("text.dynamics", language)
    parts = deviation_parts(result)
    y = swing_year(result)
    if y is None:
        return ""
    p = y - 1
    rp, ry = parts.loc[p], parts.loc[y]

    def m(x: float) -> str:
        return fmt.eur_mln(abs(x), 2, language)

    out = [t["jump"].format(p=p, y=y, dev_p=deviation_words(rp["deviation"], language),
                            dev_y=deviation_words(ry["deviation"], language))]
    if rp["settled"]:
        settle = t["settle_back" if rp["settlement"] >= 0 else "settle_top_up"].format(
            amount=m(rp["settlement"]))
        out.append(t["settled"].format(p=p, cost=m(rp["samen_cost"]), ict=m(rp["ict_housing"]),
                                       settle=settle, avoided=m(rp["open_house_avoided"])))
    kept = t["more" if ry["kept_by_wij"] >= 0 else "less"].format(amount=m(ry["kept_by_wij"]))
    keeps = t["keeps" if ry["kept_by_wij"] >= 0 else "bears"]
    if ry["settled"]:
        out.append(t["both_settled"].format(y=y, cost=m(ry["samen_to_municipality"]),
                                            avoided=m(ry["open_house_avoided"])))
    else:
        key = "ends" if rp["settled"] else "fixed"
        out.append(t[key].format(y=y, budget=m(ry["budget_final"]), ict=m(ry["ict_housing"]),
                                 execution=m(ry["budget_final"] - ry["ict_housing"]),
                                 kept=kept, keeps=keeps))
    if ry["budget_final"] > 0 and not pd.isna(ry["comparable_cost_t2"]):
        basis = t["basis"].format(y=y, y1=y - 1, y2=y - 2, cc=m(ry["comparable_cost_t2"]),
                                  provisional=m(ry["budget_provisional"]))
        if abs(ry["recheck_change"]) >= SMALL_EUR:
            key = "recheck_up" if ry["recheck_change"] > 0 else "recheck_down"
            basis += t[key].format(y=y, y1=y - 1, amount=m(ry["recheck_change"]))
        out.append(basis)
    out.append(t["remaining"].format(
        y=y, amount=m(ry["open_house_remaining"]),
        without=m(ry["open_house_remaining"] + ry["open_house_avoided"])))
    text = out[0] + "\n\n" + "\n".join(f"- {item}" for item in out[1:])
    if y + 1 in parts.index:
        text += "\n\n" + t["after"].format(
            y=y + 1, dev=deviation_words(parts.loc[y + 1, "deviation"], language)).strip()
    return text


def swing_annotation(result: Result, language: str = "nl") -> tuple[int, str] | None:
    """(year, short label) for the chart of the deviation: what drives the largest change."""
    t = msg.words("text.dynamics", language)
    parts = deviation_parts(result)
    y = swing_year(result)
    if y is None:
        return None
    rp, ry = parts.loc[y - 1], parts.loc[y]
    if rp["settled"] and not ry["settled"]:
        return y, t["label_ends"].format(y=y)
    if abs(ry["recheck_change"]) >= SMALL_EUR:
        sign = "+" if ry["recheck_change"] > 0 else fmt.MINUS
        return y, t["label_recheck"].format(
            y=y, amount=sign + fmt.eur_mln(abs(ry["recheck_change"]), 2, language))
    return y, t["label_basis"].format(y=y, y2=y - 2)


def transition_label(language: str = "nl") -> str:
    """Label of the shaded transition years in the chart."""
    return msg.words("text.dynamics", language)["transition"]


def deviation_parts_rows(result: Result, language: str = "nl", first: int | None = None,
                         last: int | None = None) -> tuple[list[str], list[list[str]]]:
    """The parts of the deviation as a text table: (header, rows); one column per year,
    amounts in millions of euros (plain numbers), the deviation in words (boven / binnen)."""
    t = msg.words("text.dynamics", language)
    parts = deviation_parts(result)
    lo, hi = _window(result)
    years = [y for y in parts.index if (first or lo) <= y <= (last or hi)]
    heads = t["parts_head"]
    cols = ("samen_to_municipality", "samen_cost", "ict_housing", "kept_by_wij",
            "open_house_avoided", "other_difference")
    rows = [[head, *[fmt.number(parts.loc[y, c] / 1e6, 2, language) for y in years]]
            for head, c in zip(heads, cols, strict=False)]
    short = t["side"]
    rows.append([heads[-1], *[f"{fmt.number(abs(parts.loc[y, 'deviation']) / 1e6, 2, language)}"
                              f"\u00a0{short[0] if parts.loc[y, 'deviation'] >= 0 else short[1]}"
                              for y in years]])
    return [t["year"], *[fmt.year(y) for y in years]], rows

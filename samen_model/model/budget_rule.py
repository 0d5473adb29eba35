"""The SAMEN. budget, as the financial framework sets it.

Kaders van de opdracht en financiën (gemeente Groningen, 31 August 2022), §8 "Financiële
afspraken bij de taak SAMEN.", section by section. For the budget of year ``t`` (EUR; the
volume a ratio, the index in percent):

* comparable cost ``CC[y]``: the whole scope client population of year ``y`` valued at the
  open-house prices and durations ("de gerealiseerde kosten ... voor de vergelijkbare producten
  en bijbehorende cliëntpopulatie binnen de open house-inkoop"); the planned share is what the
  plan expects SAMEN. to carry of it (:func:`planned_share`);
* estimate (1 October t-1) ``= CC[t-2] * (1 + expected cost development in t-1)``
  ("Basis voor het uitvoeringsbudget");
* volume ``= pop[t-2] / pop[t-3]`` (the growth up to 1 January t-2) or ``pop[t-1] / pop[t-2]``
  (during t-2) ("Volumeontwikkeling");
* index ``= OVA_provisional[t-1] + (OVA_definitive[t-2] - OVA_provisional[t-2])`` ("Loon- en
  prijsontwikkeling"): :func:`budget_index_pct`;
* provisional ``= estimate * volume * (1 + index[t] / 100) * planned share[t]``;
* recheck (1 March t) ``= provisional * CC[t-1] / estimate`` (unchanged if the estimate is 0);
* after the transition the rule is a choice (:data:`REGIMES`): the t-2 method "speelt alleen
  maar gedurende de overgangperiode"; the ``reeel`` regime sets the budget from the real cost of
  the last transition year at its year-end staff instead, indexed with the index and the volume
  (uitgangspunt 1 and "Structurele effecten"): :func:`reeel_budget`;
* cut ``= budget * budget_cut_share`` from the structural start year: the first form of the
  savings ("een verlaging van het uitvoeringsbudget"; the second, lower RIGG purchasing, is a
  cut of other youth care and works beside the budget under every regime);
* lapsing open-house cost ``= CC[t] - open-house cost[t]``; the 'reëel' ceiling ("maximaal de
  huidige kosten van de producten binnen de open house die vervallen") cuts what the budget
  after the cut is above it: :func:`lapsing_cost_ceiling`;
* final ``= budget - cut - ceiling cut``; ICT and housing ``= final * (4.9% + 6.0%)``
  ("Kosten huisvesting en ICT"); execution budget ``= final - transfer``;
* settlement ``= execution budget - actual SAMEN. cost``: flows back or is topped up in the
  transition (uitgangspunt 3, "in ieder geval gedurende de overgangperiode") and after it where
  the regime settles; else WIJ keeps it as its own result: :func:`settlement`. The engine passes
  the actual cost less the council's extra money for staff (paid to WIJ beside the budget,
  :mod:`samen_model.model.steps.extra_money`), so that staff is paid once and counted beside
  the closed square.

Arrays are (year, draw) with a draw axis of 1 when shared by all draws; a year-shift
``x[t-k]`` is taken with :func:`past` for the SAMEN. rows only, so a year without the history
the rule needs is never computed. Pure numpy, like the rest of the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The structural regimes after the transition (``budget.structural_regime``):
#: ``t2_rule`` the t-2 method continued, a lump sum of which WIJ keeps the difference;
#: ``settlement`` the t-2 method continued with the settlement against actual cost;
#: ``reeel`` a budget from the real cost of the last transition year (kept or settled).
REGIMES = ("t2_rule", "settlement", "reeel")
#: What happens to WIJ's result under ``reeel`` (``budget.reeel_wij_result``).
REEEL_RESULTS = ("kept", "settled")
#: Caps of the 'reëel' ceiling (``budget.lapsing_cost_ceiling``).
CEILINGS = ("off", "final_budget", "execution_budget")


@dataclass(frozen=True)
class BudgetRule:
    """The scenario's dates and choices the rule reads (years; shares as fractions)."""

    samen_start: int  # first SAMEN. year
    transition_end: int  # last year of the transition (settled whatever the regime)
    structural_start: int  # first year of the structural cut
    regime: str  # one of REGIMES, for the years after the transition
    reeel_wij_result: str  # one of REEEL_RESULTS (read under ``reeel`` only)
    ceiling: str  # one of CEILINGS
    volume_lag: int  # 2: pop[t-2] / pop[t-3]; 1: pop[t-1] / pop[t-2]
    ict_share: float  # of the final budget
    housing_share: float  # of the final budget


# ----------------------------------------------------------------------------- history
def past(x: np.ndarray, k: int, first_row: int) -> np.ndarray:
    """``x[t-k]`` for the rows ``first_row ..`` of ``x`` (a view); ``first_row >= k``, else
    there is no history to read (ValueError)."""
    if first_row < k:
        raise ValueError(f"row {first_row} has no year t-{k} in the model years")
    return x[first_row - k: len(x) - k]


# ----------------------------------------------------------------------------- the t-2 rule
def budget_index_pct(ova_provisional_pct: np.ndarray, ova_definitive_pct: np.ndarray
                     ) -> np.ndarray:
    """Index for year t in percent: ``OVA_prov[t-1] + (OVA_def[t-2] - OVA_prov[t-2])``.

    Inputs cover years ``first - 2 .. last``; the result covers ``first .. last`` (§8 "Loon- en
    prijsontwikkeling": the budget from 1 January 2023 is indexed with the figures of 2022, and a
    change of the definitive OVA is corrected in the next year's percentage).
    """
    return ova_provisional_pct[1:-1] + ova_definitive_pct[:-2] - ova_provisional_pct[:-2]


def planned_share(plan_value_eur: np.ndarray, comparable_cost_eur: np.ndarray) -> np.ndarray:
    """Share of the comparable cost the plan expects SAMEN. to carry (fraction): the plan's
    SAMEN. clients valued at open-house prices and durations over CC; 0 where CC is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(comparable_cost_eur > 0.0, plan_value_eur / comparable_cost_eur, 0.0)


def volume_factor(population_0_17: np.ndarray, first_row: int, volume_lag: int) -> np.ndarray:
    """``pop[t-k] / pop[t-k-1]`` for the rows from ``first_row`` (§8 "Volumeontwikkeling"):
    ``k = 2`` the growth up to 1 January t-2 (the model's reading), ``k = 1`` during t-2."""
    k = volume_lag
    return past(population_0_17, k, first_row) / past(population_0_17, k + 1, first_row)


def provisional_budget(
    comparable_cost_eur: np.ndarray,
    expected_cost_development: np.ndarray,
    population_0_17: np.ndarray,
    index_pct: np.ndarray,
    planned_share: np.ndarray,
    first_row: int,
    volume_lag: int = 2,
) -> dict[str, np.ndarray]:
    """Budget set on 1 October t-1 for the years from row ``first_row`` (the SAMEN. years; the
    history needs ``first_row >= 3``): ``estimate``, ``volume`` and ``provisional`` as in the
    module docstring."""
    r = first_row
    estimate = past(comparable_cost_eur, 2, r) * (1.0 + expected_cost_development[r:])
    volume = volume_factor(population_0_17, r, volume_lag)
    provisional = estimate * volume * (1.0 + index_pct[r:] / 100.0) * planned_share[r:]
    return {"estimate": estimate, "volume": volume, "provisional": provisional}


def recheck_budget(provisional_eur: np.ndarray, estimate_eur: np.ndarray,
                   comparable_cost_eur: np.ndarray, first_row: int) -> np.ndarray:
    """1 March t: the provisional budget rescaled by realised ``CC[t-1]`` over the 1 October
    estimate ("Wanneer dit afwijkt, wordt het budget voor het jaar t aangepast")."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(estimate_eur > 0, past(comparable_cost_eur, 1, first_row) / estimate_eur,
                         1.0)
    return provisional_eur * ratio


# ----------------------------------------------------------------------------- after 2025
def run_rate_cost(samen_cost_eur: np.ndarray, fte_end: np.ndarray, fte_avg: np.ndarray
                  ) -> np.ndarray:
    """The real cost of a year at the staff WIJ has on 31 December, EUR: ``cost * FTE at the
    year end / average FTE`` (the cost itself where nobody was employed). The experience the
    reëel budget starts from: the staff in place, at that year's cost per FTE, known at the
    1 March recheck."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(fte_avg > 0.0, samen_cost_eur * fte_end / fte_avg, samen_cost_eur)


def reeel_budget(t2_budget_eur: np.ndarray, samen_cost_eur: np.ndarray, fte_end: np.ndarray,
                 fte_avg: np.ndarray, index_pct: np.ndarray,
                 volume: np.ndarray, regime_rows: np.ndarray, transfer_share: float
                 ) -> np.ndarray:
    """The ``reeel`` structural budget (final budget, incl. ICT and housing), EUR, rows as
    ``t2_budget_eur`` (the SAMEN. years).

    In the rows where ``regime_rows`` holds: the cost at the year-end staff
    (:func:`run_rate_cost` of ``samen_cost_eur``, ``fte_end`` and ``fte_avg``) of the
    year before the first of them (the last transition year, the first with the whole scope),
    grossed up for the ICT/housing transfer (``cost / (1 - transfer_share)``; not when the
    whole budget is transferred, which leaves no execution budget to cover), then carried
    forward year by year with the index and the volume: ``B[t] = B[t-1] * (1 + index[t] / 100)
    * volume[t]``. Elsewhere, and where no SAMEN. year precedes the regime (no experience to
    set it from), the t-2 budget.
    """
    out = np.broadcast_to(t2_budget_eur, np.broadcast_shapes(
        t2_budget_eur.shape, samen_cost_eur.shape, fte_end.shape, fte_avg.shape)).copy()
    rows = np.flatnonzero(regime_rows)
    if not len(rows) or rows[0] == 0:
        return out
    gross_up = 1.0 / (1.0 - transfer_share) if transfer_share < 1.0 else 1.0  # all moved: none
    b = rows[0] - 1  # the last year before the regime
    level = run_rate_cost(samen_cost_eur[b], fte_end[b], fte_avg[b]) * gross_up
    for i in rows:
        level = level * (1.0 + index_pct[i] / 100.0) * volume[i]
        out[i] = level
    return out


def structural_cut(budget_eur: np.ndarray, cut_share: np.ndarray, structural_rows: np.ndarray
                   ) -> np.ndarray:
    """The first savings form of §8, EUR: ``budget * budget_cut_share`` in the structural years
    (a shared zero column when there is no cut anywhere)."""
    if cut_share.shape[-1] == 1 and not np.any(cut_share):
        return np.zeros((len(budget_eur), 1))
    return np.where(structural_rows, budget_eur * cut_share, 0.0)


def lapsing_cost_ceiling(final_eur: np.ndarray, lapsing_eur: np.ndarray, mode: str,
                         transfer_share: float) -> np.ndarray:
    """What the §8 'reëel' ceiling cuts from the final budget, EUR (0 when ``mode`` is off).

    ``final_budget``: the final budget (incl. ICT and housing) at most the open-house cost that
    lapses; ``execution_budget``: WIJ's execution budget, ``final * (1 - transfer_share)``, at
    most that cost. ``mode`` may be an array of modes per row (the regime's years).
    """
    if mode == "off":
        return np.zeros((len(final_eur), 1))
    cap = lapsing_eur if mode == "final_budget" else lapsing_eur / (1.0 - transfer_share)
    return np.maximum(final_eur - cap, 0.0)


def settles(years: np.ndarray, samen_start: int, transition_end: int, regime: str,
            reeel_wij_result: str) -> np.ndarray:
    """(Y, 1) bool: the years whose budget is settled against the actual cost: the SAMEN. years
    of the transition (uitgangspunt 3), and after it under ``settlement`` and under ``reeel``
    with its result settled."""
    after = regime == "settlement" or (regime == "reeel" and reeel_wij_result == "settled")
    return ((years >= samen_start) & ((years <= transition_end) | after))[:, None]


def settlement(execution_eur: np.ndarray, transfer_eur: np.ndarray, samen_cost_eur: np.ndarray,
               samen_on: np.ndarray, settled_rows: np.ndarray) -> dict[str, np.ndarray]:
    """Settlement, EUR: where settled, the difference between execution budget and actual cost
    flows back (positive) or is topped up (negative), so WIJ has no result; otherwise the lump
    sum stands and the difference is WIJ's own result (kept). The municipality pays
    ``execution - settlement + transfer`` (0 before SAMEN.)."""
    difference = execution_eur - samen_cost_eur
    settled = np.where(settled_rows, difference, 0.0)
    return {
        "settlement_eur": settled,
        "samen_cost_to_municipality_eur": execution_eur - settled + transfer_eur,
        "wij_result_eur": np.where(samen_on & ~settled_rows, difference, 0.0),
    }


# ----------------------------------------------------------------------------- the whole rule
#: The columns of :func:`yearly_budget`, and those of them that are ratios (NaN before SAMEN.).
BUDGET_COLUMNS = (
    "expected_cost_development", "volume_factor", "budget_estimate_eur",
    "budget_provisional_eur", "budget_recheck_eur", "budget_before_cut_eur", "budget_cut_eur",
    "lapsing_open_house_cost_eur", "budget_above_lapsing_cost_eur", "budget_ceiling_cut_eur",
    "budget_final_eur", "ict_housing_transfer_eur", "execution_budget_eur")
RATIOS = ("expected_cost_development", "volume_factor")


def yearly_budget(years: np.ndarray, rule: BudgetRule, cc: np.ndarray,
                  open_house_cost: np.ndarray, planned: np.ndarray, samen_cost: np.ndarray,
                  fte_end: np.ndarray, fte_avg: np.ndarray, pop: np.ndarray,
                  index_pct: np.ndarray,
                  expected_development: np.ndarray, cut_share: np.ndarray
                  ) -> dict[str, np.ndarray]:
    """Every column of the budget rule, (year, draw), EUR unless a ratio.

    ``cc`` comparable cost, ``open_house_cost`` the open-house cost of the scope products,
    ``planned`` the planned SAMEN. share, ``samen_cost`` the actual SAMEN. cost, ``fte_end``
    and ``fte_avg`` the staff on 31 December and over the year (FTE), ``pop`` the
    0-17 population, ``index_pct`` the budget index, all (year, n); ``rule`` the choices of the
    scenario. Before the first SAMEN. year the columns are 0 (the ratios NaN).
    """
    samen_on = (years >= rule.samen_start)[:, None]
    r = int(np.argmax(samen_on[:, 0])) if samen_on.any() else len(years)
    draws = max(cc.shape[-1], pop.shape[-1], samen_cost.shape[-1])
    if r == len(years):
        return {name: np.full((len(years), 1), np.nan if name in RATIOS else 0.0)
                for name in BUDGET_COLUMNS}
    transfer_share = rule.ict_share + rule.housing_share
    steps = provisional_budget(cc, expected_development, pop, index_pct, planned, r,
                               rule.volume_lag)
    recheck = recheck_budget(steps["provisional"], steps["estimate"], cc, r)
    after = (years[r:] > rule.transition_end)[:, None]  # the regime's years
    reeel = rule.regime == "reeel" and bool(after.any())
    before_cut = (reeel_budget(recheck, samen_cost[r:], fte_end[r:], fte_avg[r:],
                               index_pct[r:], steps["volume"],
                               after[:, 0], transfer_share) if reeel else recheck)
    cut = structural_cut(before_cut, cut_share[r:], (years[r:] >= rule.structural_start)[:, None])
    lapsing = cc[r:] - open_house_cost[r:]
    after_cut = before_cut if _is_zero(cut) else before_cut - cut
    ceiling_cut = lapsing_cost_ceiling(after_cut, lapsing, rule.ceiling, transfer_share)
    if reeel:  # the reëel budget is capped at the lapsing cost in every year of the regime
        capped = "execution_budget" if rule.ceiling == "execution_budget" else "final_budget"
        ceiling_cut = np.where(after, lapsing_cost_ceiling(after_cut, lapsing, capped,
                                                           transfer_share), ceiling_cut)
    final = after_cut if _is_zero(ceiling_cut) else after_cut - ceiling_cut
    transfer = final * transfer_share
    rows = {
        "expected_cost_development": expected_development[r:],
        "volume_factor": steps["volume"],
        "budget_estimate_eur": steps["estimate"],
        "budget_provisional_eur": steps["provisional"],
        "budget_recheck_eur": recheck,
        "budget_before_cut_eur": before_cut,
        "budget_cut_eur": cut,
        "lapsing_open_house_cost_eur": lapsing,
        "budget_above_lapsing_cost_eur": after_cut - lapsing,
        "budget_ceiling_cut_eur": ceiling_cut,
        "budget_final_eur": final,
        "ict_housing_transfer_eur": transfer,
        "execution_budget_eur": final - transfer,
    }
    return {name: _from_row(x, r, np.nan if name in RATIOS else 0.0, draws)
            for name, x in rows.items()}


def yearly_settlement(years: np.ndarray, rule: BudgetRule, budget: dict[str, np.ndarray],
                      samen_cost: np.ndarray) -> dict[str, np.ndarray]:
    """The settlement columns (:func:`settlement`) of every year, EUR, for the budget columns
    of :func:`yearly_budget` and the actual SAMEN. cost (year, n)."""
    samen_on = (years >= rule.samen_start)[:, None]
    settled_rows = settles(years, rule.samen_start, rule.transition_end, rule.regime,
                           rule.reeel_wij_result)
    return settlement(budget["execution_budget_eur"], budget["ict_housing_transfer_eur"],
                      samen_cost, samen_on, settled_rows)


def _is_zero(x: np.ndarray) -> bool:
    """A term that is 0 in every year and in every draw (shared by all draws)."""
    return x.shape[-1] == 1 and not np.any(x)


def _from_row(x: np.ndarray, r: int, before: float, draws: int) -> np.ndarray:
    """A column (year, draw or 1): ``before`` in the rows before ``r``, then ``x``."""
    if _is_zero(x) and before == 0.0:
        return np.zeros((r + len(x), 1))
    out = np.empty((r + len(x), draws if x.shape[-1] > 1 else 1))
    out[:r] = before
    out[r:] = x
    return out

"""A per-draw, pure-Python reference implementation of the engine (a readable specification).

:func:`reference_run` computes every output column of :func:`~samen_model.model.engine.run_block`
for ONE draw
with plain Python floats, :mod:`math` and explicit loops over years, products and referrers. It is
written from the model description (the module docstrings of
:mod:`samen_model.model.steps.flows` and :mod:`samen_model.model.steps.budget`, the column
dictionary in :mod:`samen_model.model.columns` and the numbered
steps of the engine), not from the engine's array code, so the two implementations check each
other. It is deliberately slow: :func:`reference_simulate` loops over draws and is the baseline the
vectorised engine is benchmarked against.

Conventions (the same as the engine's):

* Years run ``first_year .. last_year``; a "SAMEN. year" is a year ``>= samen_start_year``.
* Money is in nominal EUR unless said otherwise; euro inputs are given in prices of the price base
  year and are multiplied by the price level of the year.
* Shares are fractions, the OVA and the budget index are in percent.
* A stock with mean duration ``D`` (years) runs off at rate ``1/D``; new clients arrive evenly over
  the year. For an opening stock ``S0`` (persons on 1 January) and ``N`` arrivals (persons/year):

  - ``a = D * (1 - exp(-1/D))`` and ``b = D * (1 - a)``;
  - closing stock ``S1 = S0 * exp(-1/D) + N * a`` (persons on 31 December);
  - client-years ``CY = S0 * a + N * b`` (person-years, the integral of the stock over the year);
  - exits ``X = CY / D`` (persons/year: the exit rate integrated over the year).

  ``S0 + N - X == S1`` holds exactly in real arithmetic (clients are conserved); the exits are
  computed from the client-years on purpose, so that the identity is a check and not a definition.

:func:`reference_ledger` returns these per-product stock accounts for every stock and year.
"""

from engine_reference.draw import STOCK_NAMES
from engine_reference.run import reference_ledger, reference_run, reference_simulate
from engine_reference.steps_flows import StockYear

__all__ = ["STOCK_NAMES", "StockYear", "reference_ledger", "reference_run", "reference_simulate"]

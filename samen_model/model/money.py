"""Money in real terms and discounted: post-processing of the engine's yearly arrays.

The engine computes every euro column in **nominal** euros of its year. Two readings follow
from those arrays without running anything again (pure functions of ``(year, draw)`` arrays):

* **real** (prices of ``time.price_base_year``, 2021 in the shipped scenarios): the nominal
  amount divided by the model's own price level, ``price_level[t]`` = the product of
  ``1 + budget_index/100`` from the base year to ``t`` (the OVA-based index the budget rule
  uses; docs/columns.md). ``real[t] = nominal[t] / price_level[t]``.
* **discounted** (present value in ``to_year``, real euros): ``real[t] / (1 + r)^(t - to_year)``
  at the real discount rate ``r`` of Dutch social cost-benefit analysis (MKBA),
  :data:`DISCOUNT_RATE` = 2.25%, source :data:`DISCOUNT_SOURCE` (the sources registry:
  *Rapport Werkgroep discontovoet 2020*). Years before ``to_year`` are compounded forward.

The discount year is the first SAMEN. year (``time.samen_start_year``, 2023) unless given:
the year the reform's money started to flow, so the first year's amount is not discounted.
Which reading a figure shows is part of its name: ``*_eur`` nominal, ``*_real_eur`` real,
``*_discounted_eur`` real and discounted.
"""

from __future__ import annotations

import numpy as np

#: Real discount rate of Dutch social cost-benefit analysis (MKBA), per year.
DISCOUNT_RATE = 0.0225
#: Key of its source in ``samen_model/data/sources.yaml``.
DISCOUNT_SOURCE = "discount-rate-2020"


def real_terms(nominal: np.ndarray, price_level: np.ndarray) -> np.ndarray:
    """Euros of the price base year: ``nominal / price_level`` (both ``(year, draw)`` or
    ``(year,)``; EUR of the year -> EUR of the base year)."""
    return np.asarray(nominal, dtype=float) / np.asarray(price_level, dtype=float)


def discount_factors(years: np.ndarray, to_year: int, rate: float = DISCOUNT_RATE
                     ) -> np.ndarray:
    """``(1 + rate)^-(year - to_year)`` per year ``(year,)``: 1 in ``to_year``, below 1 after."""
    if not -1.0 < rate:
        raise ValueError(f"rate: expected a discount rate above -1 (a fraction), got {rate!r}")
    return (1.0 + rate) ** -(np.asarray(years, dtype=float) - float(to_year))


def discounted(real: np.ndarray, years: np.ndarray, to_year: int,
               rate: float = DISCOUNT_RATE) -> np.ndarray:
    """Present value in ``to_year`` of real amounts ``(year, draw)`` or ``(year,)`` per year."""
    real = np.asarray(real, dtype=float)
    f = discount_factors(years, to_year, rate)
    return real * (f[:, None] if real.ndim == 2 else f)

"""Every shipped scenario's numbers against the ones recorded in ``tests/golden/outputs.csv``.

A change that moves a number a council reads (a key figure or a yearly total of a shipped
scenario) fails here until the file is written again on purpose, with the reason in the commit:
``.venv/bin/python tests/test_golden.py --write``. The file was first written when the package
was split into rooms (present/, products/), with numbers bit-identical to those before the move.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import samen_model as sm
from samen_model.analysis import key_figures as kf

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "outputs.csv"
#: Yearly columns recorded per scenario (EUR, persons, FTE).
COLUMNS = ("net_savings_eur", "square_deviation_eur", "samen_cost_eur", "execution_budget_eur",
           "settlement_eur", "fte_samen", "samen_clients_served", "capacity_overflow_cases")


def outputs() -> pd.DataFrame:
    """Key figures and yearly columns of every shipped scenario's central run, long format."""
    rows = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        result = sm.simulate(sm.load_scenario(path))
        name = result.scenario.name
        rows += [(name, key, "", float(v)) for key, v in kf.central(result).items()]
        rows += [(name, col, int(y), float(result.arrays[col][i, 0]))
                 for col in COLUMNS if col in result.arrays
                 for i, y in enumerate(result.years)]
    return pd.DataFrame(rows, columns=["scenario", "output", "year", "value"])


@pytest.mark.skipif(not GOLDEN.is_file(), reason="no golden file (write it with --write)")
def test_shipped_numbers_have_not_moved() -> None:
    recorded = pd.read_csv(GOLDEN, keep_default_na=False, dtype={"year": str})
    now = outputs().astype({"year": str})
    merged = recorded.merge(now, on=["scenario", "output", "year"], how="outer",
                            suffixes=("_recorded", "_now"), indicator=True)
    missing = merged[merged["_merge"] != "both"]
    assert missing.empty, f"outputs added or removed:\n{missing.head(20)}"
    a = pd.to_numeric(merged["value_recorded"]).to_numpy()
    b = merged["value_now"].to_numpy(dtype=float)
    moved = ~np.isclose(a, b, rtol=1e-9, atol=1e-6, equal_nan=True)
    assert not moved.any(), f"numbers moved:\n{merged[moved].head(20)}"


if __name__ == "__main__" and "--write" in sys.argv:
    GOLDEN.parent.mkdir(exist_ok=True)
    outputs().to_csv(GOLDEN, index=False, float_format="%.17g")
    print(f"wrote {GOLDEN}")

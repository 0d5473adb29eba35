"""Speed of the analyst's workbench: one explorer update and scenario discovery (prints only)."""

from __future__ import annotations

import time
from pathlib import Path

from samen_model import load_scenario, simulate
from samen_model.products.explorer import evaluate, start_settings
from samen_model.products.explorer.chart import png, whatif_chart

ROOT = Path(__file__).resolve().parents[1] / "scenarios"


def best_of(fn, repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    base = simulate(load_scenario(ROOT / "realised_2023.yaml"))
    settings = {**start_settings(base.scenario), "leakage_2024": 0.2, "caseload": 7.5}
    t_eval = best_of(lambda: evaluate(base, settings))
    whatif = evaluate(base, settings)
    t_chart = best_of(lambda: png(whatif_chart(whatif)), repeat=5)
    print(f"explorer: variant + deterministic run {t_eval * 1000:.1f} ms, chart PNG "
          f"{t_chart * 1000:.0f} ms")
    t0 = time.perf_counter()
    from samen_model.analysis.discovery import _prim, discover

    _prim()
    t_import = time.perf_counter() - t0
    uncertain = load_scenario(ROOT / "uncertainty_2023.yaml")
    for draws in (2_000, 5_000, 20_000):
        t = best_of(lambda d=draws: discover(uncertain, above=2e6, draws=d, seed=1), repeat=3)
        print(f"discover deviation_2023_2025 > 2e6, {draws:>6,} draws: {t:.2f} s")
    print(f"(first import of prim, with matplotlib.pyplot: {t_import:.2f} s)")


if __name__ == "__main__":
    main()

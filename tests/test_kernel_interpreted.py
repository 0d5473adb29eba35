"""The kernel run by Python (a run of a few draws) gives the compiled kernel's numbers exactly.

A deterministic run goes through :func:`samen_model.model.kernel.flows_interpreted` so it need
not import numba; a Monte Carlo run through the compiled :func:`flows_kernel`. The two run the
same source, without fused or reordered arithmetic, so every column must agree to the last
bit, on every shipped scenario and on sampled draws; and a process switches to the compiled
kernel once its interpreted draws reach :data:`samen_model.model.stocks.INTERPRETED_DRAWS`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.model import kernel, stocks

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def _run(monkeypatch, chosen, scenario, **kw) -> dict[str, np.ndarray]:
    monkeypatch.setattr(stocks, "_kernel", lambda draws: chosen)
    return {k: np.asarray(v) for k, v in sm.simulate(scenario, **kw).arrays.items()}


@pytest.mark.parametrize("name", SHIPPED)
def test_interpreted_and_compiled_kernel_agree_bit_for_bit(monkeypatch, name):
    scenario = sm.load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    runs = [{}] + ([{"draws": 40, "seed": 7}] if scenario.uncertain_parameters() else [])
    for kw in runs:
        python = _run(monkeypatch, kernel.flows_interpreted, scenario, **kw)
        compiled = _run(monkeypatch, kernel.flows_kernel(), scenario, **kw)
        assert python.keys() == compiled.keys()
        for column, values in python.items():
            assert np.array_equal(values, compiled[column], equal_nan=True), (name, kw, column)


def test_a_process_switches_to_the_compiled_kernel_after_its_budget(monkeypatch):
    monkeypatch.setattr(kernel.flows_kernel, "cache_info", lambda: _Info(0))
    monkeypatch.setattr(stocks, "_interpreted", [0])
    assert stocks._kernel(1) is kernel.flows_interpreted
    assert stocks._kernel(stocks.INTERPRETED_DRAWS - 1) is kernel.flows_interpreted
    assert stocks._kernel(1) is not kernel.flows_interpreted  # one past the budget: compiled
    monkeypatch.setattr(stocks, "_interpreted", [0])
    assert stocks._kernel(stocks.INTERPRETED_DRAWS + 1) is not kernel.flows_interpreted


class _Info:
    def __init__(self, currsize: int) -> None:
        self.currsize = currsize


def test_a_deterministic_run_imports_neither_numba_nor_scipy():
    code = ("import contextlib, io, sys\nfrom samen_model.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['run', 'realised_2023']) == 0\n"
            "print(sorted(m for m in ('numba', 'scipy', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"

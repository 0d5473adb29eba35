"""The likelihood reads each figure as what it is (analysis/calibration/likelihood.py).

* a count at a date (``to_date``) is the year total minus the flow of the rest of the year:
  967 counted in November 2023 is compared with the model's count in mid-November, so a
  year total of 1,000 with 1,000 new clients (nobody in care on 1 January) counts
  1,000 x 319/365 = 874.0 (1 January to 15 November: 304 + 15 = 319 days);
* "ruim 80" is one-sided: nothing against 95 FTE, much against 75;
* figures that share a source share an error: with normal figures the integrated likelihood is
  the bivariate normal density with covariance ``diag(s^2) + tau^2 m m'`` (checked against
  scipy), and it reads two agreeing figures as less evidence than two independent ones.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy import stats

from samen_model.analysis.calibration.fit import as_observations
from samen_model.analysis.calibration.likelihood import (
    groups,
    observation_loglik,
    observed_columns,
    predict,
    total_loglik,
)
from samen_model.errors import ObservationError
from samen_model.scenario.observations import Observation, SharedError, Uncertainty

ROOT = Path(__file__).resolve().parents[1]
GRONINGEN = ROOT / "observations" / "groningen.yaml"


def _obs(id_: str, value: float, sd: float, low=None, high=None, column="c", year=2023,
         date="2023-12", flow=None) -> Observation:
    kind = "normal" if low is None and high is None else "interval"
    return Observation(id=id_, column=column, year=year, value=value,
                       reported={"nl": "x", "en": "x"}, counted="", date=date,
                       uncertainty=Uncertainty(kind, sd, low, high, "estimate", "estimate: x"),
                       source="estimate: x", model_note={}, to_date_flow=flow)


def test_count_at_a_date_in_november():
    o = _obs("helped", 967, 30, column="samen_clients_served", date="2023-11",
             flow="samen_new_clients")
    assert o.elapsed_share() == pytest.approx(319 / 365)
    block = {"samen_clients_served": np.array([[1000.0, 1200.0]]),
             "samen_new_clients": np.array([[1000.0, 1100.0]])}
    got = predict(block, np.array([2023]), [o])[0]
    # second draw: 100 in care on 1 January, 1,100 new: 1,200 - 1,100 x 46/365
    assert got == pytest.approx([1000 * 319 / 365, 1200 - 1100 * 46 / 365])
    assert observed_columns([o]) == ("samen_clients_served", "samen_new_clients")
    assert _obs("x", 1, 1, date="2023-12-31").elapsed_share() == 1.0


def test_the_shipped_file_reads_the_figures_as_they_are():
    obs = as_observations(GRONINGEN)
    by_id = {o.id: o for o in obs.items}
    assert by_id["helped_2023"].to_date_flow == "samen_new_clients"
    fte = by_id["fte_2023"].uncertainty
    assert (fte.low, fte.high) == (80.0, None)  # "ruim 80": a lower bound only
    assert [g.figures for g in obs.shared_errors] == [("scope_cost_2021", "subsidy_2023")]


def test_ruim_80_is_one_sided():
    o = _obs("fte", 80, 1.5, low=80.0)
    ll = observation_loglik(o, np.array([75.0, 80.0, 95.0, 120.0]))
    assert ll[2] == pytest.approx(0.0, abs=1e-12) and ll[3] == pytest.approx(0.0, abs=1e-12)
    assert ll[1] == pytest.approx(np.log(0.5))
    assert ll[0] == pytest.approx(stats.norm.logcdf(-5 / 1.5))


def test_shared_error_is_the_bivariate_normal():
    a, b = _obs("a", 14.0, 0.25), _obs("b", 4.2, 0.1)
    tau = 0.03
    m = np.array([[13.6, 14.0, 14.6], [4.05, 4.2, 4.4]])  # (observation, draw)
    got = total_loglik(m, [a, b], shared=[SharedError("g", ("a", "b"), tau, "estimate", "x")])
    for d in range(3):
        cov = np.diag([0.25 ** 2, 0.1 ** 2]) + tau ** 2 * np.outer(m[:, d], m[:, d])
        expected = stats.multivariate_normal(m[:, d], cov).logpdf([14.0, 4.2])
        assert got[d] == pytest.approx(expected, abs=1e-4)
    independent = total_loglik(m, [a, b])
    # the same figures weigh a draw that misses both in the same direction less harshly
    assert got[0] - got[1] > independent[0] - independent[1]


def test_groups_drop_a_shared_error_with_one_figure_left():
    a, b = _obs("a", 1, 1), _obs("b", 1, 1)
    shared = [SharedError("g", ("a", "b"), 0.1, "estimate", "x")]
    assert groups([a, b], shared) == [([0, 1], 0.1)]
    assert groups([a], shared) == [([0], 0.0)]


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(GRONINGEN.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "obs.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_bad_shared_errors_and_dates_are_refused(tmp_path):
    def unknown(d):
        d["shared_errors"][0]["figures"] = ["scope_cost_2021", "nope"]

    with pytest.raises(ObservationError, match=r"shared_errors\[0\]\.figures: .*observation ids"):
        as_observations(_write(tmp_path, unknown))

    def too_wide(d):
        d["shared_errors"][0]["sd_relative"] = 0.9

    with pytest.raises(ObservationError, match="sd_relative"):
        as_observations(_write(tmp_path, too_wide))

    def year_only(d):
        d["observations"][0]["date"] = 2023

    with pytest.raises(ObservationError, match=r"observations\[0\]\.date: a month or a day"):
        as_observations(_write(tmp_path, year_only))

    def bad_flow(d):
        d["observations"][0]["to_date"] = {"flow": "no_such_column"}

    with pytest.raises(ObservationError, match=r"observations\[0\]\.to_date"):
        as_observations(_write(tmp_path, bad_flow))


def test_temper_is_read_from_the_file_and_checked(tmp_path):
    def tempered(d):
        d["temper"] = {"value": 2.0, "source": "estimate: the check of docs/calibration.md"}

    assert as_observations(_write(tmp_path, tempered)).temper == 2.0
    assert as_observations(GRONINGEN).temper >= 1.0

    def below_one(d):
        d["temper"] = {"value": 0.5, "source": "estimate: x"}

    with pytest.raises(ObservationError, match="temper: a mapping .* from 1 to 100"):
        as_observations(_write(tmp_path, below_one))

"""Calibration: the prior conditioned on observed figures by importance sampling.

:mod:`.fit` (draw, weight, resample), :mod:`.likelihood` (how each figure is read),
:mod:`.weights` (Pareto-smoothed weights, ESS, k-hat), :mod:`.diagnostics`, :mod:`.forecast`,
:mod:`.forecast_intervals` (the 2024-2026 forecasts a calibration is judged by) and
:mod:`.check` (coverage of the deployed calibration under misspecification).
"""

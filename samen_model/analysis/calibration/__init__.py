"""Calibration: the prior conditioned on observed figures by importance sampling.

:mod:`.fit` (draw, weight, resample), :mod:`.likelihood` (how each figure is read),
:mod:`.weights` (Pareto-smoothed weights, ESS, k-hat), :mod:`.diagnostics` and :mod:`.forecast`.
"""

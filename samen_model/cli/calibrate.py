"""``samen calibrate SCENARIO --observations FILE``: condition a prior on observed figures.

Prints the weights' verdict (effective sample size, Pareto k-hat), prior against posterior per
parameter, the predictive check and leave-one-out. ``--out DIR`` writes them as CSV with
``manifest.json`` (which records the observation file and its hash); ``--save FILE.yaml``
writes the calibrated scenario and its sample file (docs/calibration.md). An untrustworthy
calibration stops with an error (exit code of bad input) unless ``--allow-unreliable``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from samen_model.cli.common import (
    SCENARIO_HELP,
    add_input_root,
    add_out,
    bad_argument,
    load,
    positive_int,
    seed_int,
    show,
    write_folder,
)

if TYPE_CHECKING:  # imported when the command runs (samen --help stays fast)
    import pandas as pd

#: As ``samen_model.analysis.calibration`` and ``calibration_weights`` (a test keeps them
#: equal; those modules are imported only when the command runs).
DEFAULT_DRAWS = 1_000_000
DEFAULT_SAMPLE_SIZE = 4_000
MIN_ESS = 400


def _show(title: str, table: pd.DataFrame) -> None:
    print(f"\n{title}")
    show(table)


def cmd_calibrate(args: argparse.Namespace) -> int:
    from samen_model.analysis.calibration import diagnostics as diag
    from samen_model.analysis.calibration.fit import calibrate
    from samen_model.present.text.calibration import verdict_sentence
    from samen_model.products.posterior_file import calibration_manifest, save_calibrated

    prior = load(args, args.scenario)
    if args.save and Path(args.save).exists() and not args.force:  # never overwrite unasked
        raise bad_argument("--save", f"a new file ({args.save} exists; pass --force to "
                           "replace it)")
    cal = calibrate(prior, args.observations, draws=args.draws, seed=args.seed,
                    sample_size=args.sample_size, min_ess=args.min_ess,
                    allow_unreliable=args.allow_unreliable)
    obs = cal.observations
    print(f"{prior.name} (#{prior.hash}) given {obs.name} (#{obs.hash}, "
          f"{len(cal.used)} figures): {cal.draws:,} prior draws, seed {cal.seed}")
    print(verdict_sentence(cal, "en"))
    params = diag.parameter_table(cal)
    check = diag.predictive_check(cal)
    loo = diag.leave_one_out(cal)
    cols = ["prior_p5", "prior_p50", "prior_p95", "posterior_p5", "posterior_p50",
            "posterior_p95", "contraction", "informed"]
    _show("prior and posterior per parameter", params[cols])
    _show("figures against the model's 90% interval before and after",
          check[["value", "range_low", "range_high", "prior_p5", "prior_p95", "prior_inside",
                 "posterior_p5", "posterior_p95", "posterior_inside"]])
    _show("leave one out: each figure predicted from the others",
          loo[["value", "loo_p5", "loo_p50", "loo_p95", "pareto_k", "ess", "predicted"]])
    if args.out is not None:
        write_folder(args, {"parameters": params.reset_index(),
                            "predictive_check": check.reset_index(),
                            "leave_one_out": loo.reset_index(),
                            "posterior_sample": cal.sample_frame()},
                     calibration_manifest(cal, command="calibrate"))
        print(f"-> {args.out}")
    if args.save:
        # the tool wrote it: check it against the prior's folder too; later runs need the same
        root = args.input_root or os.path.commonpath([Path(args.save).resolve().parent,
                                                      prior.path.parent])
        saved = save_calibrated(cal, args.save, title=args.title, input_root=root)
        print(f"calibrated scenario {saved.name} (#{saved.hash}) -> {args.save}")
        if not Path(args.save).resolve().parent == prior.path.parent:
            print(f"note: it extends {prior.path.name} in another folder; load it with "
                  f"--input-root {root}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``calibrate`` to ``samen``'s subparsers."""
    p = subparsers.add_parser("calibrate", help="condition a scenario's distributions on "
                              "observed figures (importance sampling, PSIS)")
    p.add_argument("scenario", help="the prior (with distributions): " + SCENARIO_HELP)
    p.add_argument("--observations", required=True,
                   help="observation file, e.g. observations/groningen.yaml")
    p.add_argument("--draws", type=positive_int, default=DEFAULT_DRAWS, help="prior draws")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the prior draws")
    p.add_argument("--sample-size", type=positive_int, default=DEFAULT_SAMPLE_SIZE,
                   help="draws in the equally weighted posterior sample")
    p.add_argument("--min-ess", type=float, default=MIN_ESS,
                   help="smallest effective sample size accepted")
    p.add_argument("--allow-unreliable", action="store_true",
                   help="keep a result whose k-hat or ESS says it cannot be trusted (warns)")
    add_out(p, "parameters.csv, predictive_check.csv, leave_one_out.csv, posterior_sample.csv")
    p.add_argument("--save", help="write the calibrated scenario (YAML) and its sample file "
                   "(an existing file only with --force)")
    p.add_argument("--title", help="title of the saved scenario")
    add_input_root(p)
    p.set_defaults(func=cmd_calibrate)

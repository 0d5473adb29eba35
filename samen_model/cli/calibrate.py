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
    check_budget,
    finite_float,
    horizon_years,
    load,
    path_text,
    positive_int,
    seed_int,
    show,
    write_folder,
)
from samen_model.errors import printable

if TYPE_CHECKING:  # imported when the command runs (samen --help stays fast)
    import pandas as pd

    from samen_model.scenario.scenario import Scenario

#: As ``samen_model.analysis.calibration`` and ``calibration_weights`` (a test keeps them
#: equal; those modules are imported only when the command runs).
DEFAULT_DRAWS = 1_000_000
DEFAULT_SAMPLE_SIZE = 4_000
MIN_ESS = 400


def _show(title: str, table: pd.DataFrame) -> None:
    print(f"\n{title}")
    show(table)


#: Largest posterior sample (rows of the sample file; the file must stay readable, see
#: ``scenario.posterior.MAX_SAMPLE_BYTES``).
MAX_SAMPLE_SIZE = 100_000


def _min_ess(text: str) -> float:
    value = finite_float(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected an effective sample size of at least 1, "
                                         f"got {value:g}")
    return value


def _check(args: argparse.Namespace, prior: Scenario) -> None:
    """Everything that can be refused before the calibration runs: sizes and --save."""
    if args.sample_size > MAX_SAMPLE_SIZE:
        raise bad_argument("--sample-size", f"at most {MAX_SAMPLE_SIZE:,} draws in the "
                           f"posterior sample (got {args.sample_size:,})")
    if args.min_ess > args.draws:
        raise bad_argument("--min-ess", f"at most --draws ({args.draws:,}; got "
                           f"{args.min_ess:g})")
    # predictions and weights per draw, the resampled rows, and the prior values of one
    # parameter at a time with its sorting for the parameter table (the prior values are
    # sampled again when read, not kept for every parameter: analysis.calibration.fit)
    check_budget("--draws", horizon_years(prior), args.draws, 2, draw_values=8 + 24)
    if args.save:
        reads = [Path(path_text(args.observations, "--observations"))]
        from samen_model.products.posterior_file import check_save

        check_save(path_text(args.save, "--save"), prior, args.force, reads)


def _save_root(args: argparse.Namespace, prior: Scenario) -> str | None:
    """The ``--input-root`` the saved file needs: None when it names its prior beside it or
    as a shipped scenario (then ``samen validate FILE`` reads it as it is); else the folder
    holding both (the check after writing uses it; later commands need the same)."""
    if not args.save:
        return None
    if args.input_root:
        return args.input_root
    from samen_model.scenario.writer import extends_text

    extends = extends_text(prior, Path(args.save))
    if "/" not in extends and os.sep not in extends:
        return None
    return os.path.commonpath([Path(args.save).resolve().parent, prior.path.parent])


def cmd_calibrate(args: argparse.Namespace) -> int:
    from samen_model.analysis.calibration import diagnostics as diag
    from samen_model.analysis.calibration.fit import calibrate
    from samen_model.present.text.calibration import verdict_sentence
    from samen_model.products.posterior_file import calibration_manifest, save_calibrated

    prior = load(args, args.scenario)
    _check(args, prior)
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
    saved: list = []
    root = _save_root(args, prior)

    def save() -> None:  # inside the --out write: if saving fails, --out is not left either
        if args.save:
            saved.append(save_calibrated(cal, args.save, title=args.title, input_root=root,
                                         force=args.force))

    tables = {"parameters": params.reset_index(), "predictive_check": check.reset_index(),
              "leave_one_out": loo.reset_index(), "posterior_sample": cal.sample_frame()}
    out = write_folder(args, tables, calibration_manifest(cal, command="calibrate"), also=save)
    if out is not None:
        print(f"-> {printable(args.out, 240)}")
    if saved:
        print(f"calibrated scenario {saved[0].name} (#{saved[0].hash}) -> "
              f"{printable(args.save, 240)}")
        if root is not None and args.input_root is None:
            print(f"note: it extends {prior.path.name} in another folder; load it with "
                  f"--input-root {printable(root, 240)}")
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
    p.add_argument("--min-ess", type=_min_ess, default=MIN_ESS,
                   help=f"smallest effective sample size accepted (at least 1; default "
                        f"{MIN_ESS})")
    p.add_argument("--allow-unreliable", action="store_true",
                   help="keep a result whose k-hat or ESS says it cannot be trusted (warns)")
    add_out(p, "parameters.csv, predictive_check.csv, leave_one_out.csv, posterior_sample.csv")
    p.add_argument("--save", help="write the calibrated scenario NAME.yaml and its sample "
                   "file into an existing folder (an existing file only with --force, and only "
                   "one samen wrote)")
    p.add_argument("--title", help="title of the saved scenario")
    add_input_root(p)
    p.set_defaults(func=cmd_calibrate)

"""The ``samen`` command: run, validate, compare and report scenarios."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import pandas as pd

from samen_model.analysis.compare import assumptions_register, compare
from samen_model.cli.analysis import positive_int
from samen_model.cli.analysis import register as register_analysis
from samen_model.cli.calibrate import register as register_calibrate
from samen_model.cli.discover import register as register_discover
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.report.atomic import staged_dir, write_csv, write_json
from samen_model.report.manifest import manifest
from samen_model.scenario.scenario import load_scenario


def cmd_run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    result = simulate(scenario, draws=args.draws, seed=args.seed)
    info = manifest([result], command="run")
    with staged_dir(Path(args.out)) as tmp:
        write_csv(result.yearly, tmp / "yearly.csv", info)
        write_csv(result.providers(), tmp / "providers.csv", info)
        write_csv(assumptions_register(scenario), tmp / "assumptions.csv", info)
        if result.draws > 1:
            write_csv(result.summary().reset_index(), tmp / "summary.csv", info)
        write_json(info, tmp / "manifest.json")
    print(f"{scenario.name} (#{scenario.hash}): {result.draws} draw(s) -> {args.out}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        try:
            s = load_scenario(path)
        except SamenInputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            bad += 1
        else:
            print(f"ok: {path} ({s.name}, #{s.hash}, {len(s.params)} parameters)")
    return 1 if bad else 0


def cmd_compare(args: argparse.Namespace) -> int:
    results = [simulate(load_scenario(p)) for p in args.scenarios]
    table = compare(results)
    with pd.option_context("display.width", 160, "display.max_columns", 20,
                           "display.float_format", "{:,.0f}".format):
        print(table.to_string())
    if args.out:
        info = manifest(results, command="compare")
        with staged_dir(Path(args.out)) as tmp:
            write_csv(table.reset_index(), tmp / "comparison.csv", info)
            write_json(info, tmp / "manifest.json")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from samen_model.report.build import build_report
    from samen_model.report.config import DEFAULT_CONFIG, ReportError, load_config

    started = time.perf_counter()
    config_path = args.config
    if config_path is None and Path(DEFAULT_CONFIG).is_file():
        config_path = DEFAULT_CONFIG
    config = load_config(config_path)
    if args.language:
        config = dataclasses.replace(config, language=args.language)
    notebooks = list(args.notebooks) if args.notebooks is not None else None
    if args.notebook:
        base = notebooks if notebooks is not None else [*config.notebooks,
                                                         *config.extra_notebooks]
        notebooks = [*base, *args.notebook]
    try:
        run_dir = build_report(
            scenario_dir=Path(args.scenario_dir), out_root=Path(args.out),
            names=args.scenarios, seed=args.seed, config=config, notebooks=notebooks,
            jobs=args.jobs, progress=not args.quiet, notebook_dir=Path(args.notebook_dir),
        )
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"error: report not written; {Path(args.out) / 'latest'} is unchanged",
              file=sys.stderr)
        return 1
    print(f"report written to {run_dir} ({time.perf_counter() - started:.1f} s)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samen", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run one scenario and write its tables")
    p.add_argument("scenario", help="scenario YAML file")
    p.add_argument("--draws", type=positive_int, default=1, help="Monte Carlo draws (1 = central)")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--out", required=True, help="output folder (replaced when complete)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="check scenario files")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("compare", help="key figures of scenarios side by side")
    p.add_argument("scenarios", nargs="+")
    p.add_argument("--out", help="also write comparison.csv and manifest.json here")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("report", help="run the scenarios and notebooks into reports/<run-id>")
    p.add_argument("--config", help="report configuration YAML (default: reports.yaml if present)")
    p.add_argument("--scenario-dir", default="scenarios")
    p.add_argument("--scenarios", nargs="*", help="scenario names (default: config, else all)")
    p.add_argument("--notebooks", nargs="*", metavar="NAME",
                   help="notebooks to run instead of the configured ones (none: tables only)")
    p.add_argument("--notebook", action="append", metavar="NAME",
                   help="add a notebook (repeatable), e.g. --notebook 03_uncertainty")
    p.add_argument("--notebook-dir", default="notebooks", help="folder of the notebooks")
    p.add_argument("--jobs", type=positive_int, help="notebooks run at the same time")
    p.add_argument("--language", choices=["nl", "en"], help="labels and text of the notebooks")
    p.add_argument("--out", default="reports")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_report)
    register_analysis(sub)  # uncertainty, tornado, sobol, breakeven, explain
    register_discover(sub)  # discover (scenario discovery, PRIM)
    register_calibrate(sub)  # calibrate (docs/calibration.md)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (non-zero on bad input)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SamenInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""``samen run``, ``samen validate``, ``samen compare``: one scenario's tables, checks, key
figures side by side."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from samen_model.cli.common import (
    SCENARIO_HELP,
    add_input_root,
    add_language,
    add_out,
    check_budget,
    checked,
    horizon_years,
    key_figures_table,
    load,
    needs_distributions,
    positive_int,
    progress,
    seed_int,
    show,
    write_folder,
)
from samen_model.errors import SamenInputError, printable

if TYPE_CHECKING:  # imported when a command runs (samen --help stays fast)
    from collections.abc import Callable
    from pathlib import Path

    import pandas as pd

    from samen_model.model.results import Result
    from samen_model.scenario.scenario import Scenario


def key_figure_percentiles(result: Result) -> pd.DataFrame:
    """Key figures over draws: one row each, percentiles p5..p95 and the share of draws with a
    value (the payback year only counts draws that pay back within the horizon)."""
    import numpy as np
    import pandas as pd

    from samen_model.analysis import key_figures as kf
    from samen_model.model.results import DEFAULT_PERCENTILES

    rows = []
    for name, values in kf.arrays(result).items():
        finite = values[np.isfinite(values)]
        row = {"key_figure": name, "share_of_draws": finite.size / values.size}
        q = np.percentile(finite, DEFAULT_PERCENTILES) if finite.size else \
            [np.nan] * len(DEFAULT_PERCENTILES)
        row.update({f"p{p:g}": v for p, v in zip(DEFAULT_PERCENTILES, q, strict=True)})
        rows.append(row)
    return pd.DataFrame(rows)


def cmd_run(args: argparse.Namespace) -> int:
    from samen_model.model.columns import COLUMN_NAMES
    from samen_model.model.simulate import simulate
    from samen_model.present import formatting as fmt
    from samen_model.present import messages as msg

    with progress(["scenario", "model", "tables", "files"], args.quiet) as advance:
        scenario = load(args, args.scenario)
        # the per-draw table copies every column once more
        check_budget("--draws", horizon_years(scenario), args.draws,
                     (len(COLUMN_NAMES) - 1) * (2 if args.per_draw else 1),
                     draw_values=len(scenario.uncertain_parameters()))
        if args.draws > 1:
            needs_distributions(scenario, "--draws", f"--draws {args.draws:,}",
                                "leave out --draws for its central values")
        if args.out is not None:
            from samen_model.products.atomic import check_target

            check_target(args.out, args.force)  # before the model runs; checked again at the end
        advance("model")
        result = checked(simulate(scenario, draws=args.draws, seed=args.seed))
        advance("tables")
        # the tables and the manifest are written, not printed: made only with --out
        out = None if args.out is None else _write(args, scenario, result, advance)
    lang = args.language
    print(msg.text("cli.head.draws", lang, name=scenario.name, hash=scenario.hash,
                   draws=fmt.number(result.draws, 0, lang), seed=args.seed) + ", "
          + msg.text("cli.head.sampled" if result.sampled else "cli.head.central", lang))
    show(key_figures_table(result, args.language))
    lines, warnings = extra_money_lines(scenario, lang, result)
    for line in lines:
        print(line)
    for line in warnings:
        print(line, file=sys.stderr)
    if out is not None:
        if args.per_draw:
            size = (out / "draws.parquet").stat().st_size
            print(f"per-draw outputs: {out / 'draws.parquet'} ({_size(size)}, "
                  f"{result.draws * len(result.years):,} rows)")
        print(f"-> {out}")
    return 0


#: Below this many euros a year, extra money is most likely meant in millions (``1`` for €1M).
TINY_EXTRA_MONEY_EUR = 1_000.0


def extra_money_lines(scenario: Scenario, language: str = "en", result: Result | None = None
                      ) -> tuple[list[str], list[str]]:
    """(lines for stdout, warnings for stderr) about a scenario's extra money: the nominal
    amounts paid per year (the amount is in prices of ``time.price_base_year``; a central run
    when ``result`` is not given) and a warning when a yearly amount is below
    :data:`TINY_EXTRA_MONEY_EUR`. Nothing when there is no extra money."""
    from samen_model.present import formatting as fmt
    from samen_model.present import messages as msg
    from samen_model.scenario.values import central_value

    amount = central_value(scenario.value("extra_money.amount_eur"))
    amounts = list(amount.values()) if isinstance(amount, dict) else [amount]
    if not any(a > 0 for a in amounts):
        return [], []
    warnings = [msg.text("cli.extra_money.tiny", language, file=printable(scenario.path, 240),
                         amount=fmt.eur(min(a for a in amounts if a > 0), 2, language))
                ] if any(0 < a < TINY_EXTRA_MONEY_EUR for a in amounts) else []
    if result is None or result.draws != 1:
        from samen_model.model.simulate import simulate

        result = simulate(scenario)  # central values: what one year costs, not a percentile
    yearly = result.yearly
    paid = yearly.loc[yearly["extra_money_eur"] > 0, ["year", "extra_money_eur"]]
    if paid.empty:
        return [], warnings
    (first_year, first), (last_year, last) = paid.iloc[0], paid.iloc[-1]
    money = (fmt.eur_mln if max(amounts) >= 100_000 else fmt.eur)
    digits = 2 if money is fmt.eur_mln or max(amounts) < TINY_EXTRA_MONEY_EUR else 0
    line = msg.text("cli.extra_money.nominal", language,
                    amount=(money(amounts[0], digits, language) if len(amounts) == 1
                            else msg.text("cli.extra_money.series", language)),
                    base=scenario.value("time.price_base_year"),
                    first=money(float(first), digits, language), first_year=int(first_year),
                    last=money(float(last), digits, language), last_year=int(last_year))
    return [line], warnings


def _write(args: argparse.Namespace, scenario: Scenario, result: Result,
           advance: Callable[[str], None]) -> Path | None:
    """``samen run --out``: the run's tables, manifest and (``--per-draw``) Parquet file."""
    from samen_model.analysis import key_figures as kf
    from samen_model.present.manifest import manifest
    from samen_model.present.parameters import assumptions_register
    from samen_model.products.atomic import write_parquet

    info = manifest([result], command="run", per_draw_file=bool(args.per_draw))
    tables = {"key_figures": (kf.table([result]).reset_index() if result.draws == 1
                              else key_figure_percentiles(result))}
    if result.draws == 1:
        tables["yearly"] = result.yearly
    else:
        tables["summary"] = result.summary().reset_index()
    tables["providers"] = result.providers()
    tables["assumptions"] = assumptions_register(scenario)
    extra = {}
    if args.per_draw:
        extra["draws.parquet"] = lambda path: write_parquet(result.arrays, result.years,
                                                            path, info)
    advance("files")
    return write_folder(args, tables, info, extra)


def _size(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 1e6 else f"{n / 1e3:,.1f} KB"


def cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    for text in args.files:
        try:
            s = load(args, text)
        except SamenInputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            bad += 1
        else:
            print(f"ok: {printable(text, 240)} ({s.name}, #{s.hash}, {len(s.params)} "
                  "parameters)")
            lines, warnings = extra_money_lines(s, getattr(args, "language", "en"))
            for line in lines:
                print(f"  {line}")
            for line in warnings:
                print(line, file=sys.stderr)
    return 1 if bad else 0


#: A key figure whose text is longer than this is printed under the table, not in a column.
WORDY = 24


def cmd_compare(args: argparse.Namespace) -> int:
    import shutil
    import textwrap

    from samen_model.analysis import key_figures as kf
    from samen_model.model.simulate import simulate
    from samen_model.present.manifest import manifest
    from samen_model.present.tables.results import key_figures_table as labelled

    scenarios = [load(args, p) for p in args.scenarios]
    results = [checked(simulate(s)) for s in scenarios]
    table = kf.table(results)
    shown = labelled(results, args.language)
    shown.columns = [r.scenario.name for r in results]  # short headers; the titles below
    # a figure in words (the budget regime) goes under the table, once per distinct text
    wordy = [i for i, row in shown.iterrows() if max(len(str(v)) for v in row) > WORDY]
    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    show(shown.drop(index=wordy))
    for label_text in wordy:
        row = shown.loc[label_text]
        for text in dict.fromkeys(row):
            names = [n for n, v in row.items() if v == text]
            which = f" ({', '.join(names)})" if len(names) < len(row) else ""
            print(textwrap.fill(f"{label_text}{which}: {text}", width,
                                subsequent_indent="  "))
    for r in results:
        print(f"  {r.scenario.name}: {r.scenario.title} (#{r.scenario.hash})")
    if args.out is not None:
        out = write_folder(args, {"comparison": table.reset_index()},
                           manifest(results, command="compare"))
        print(f"-> {out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``run``, ``validate`` and ``compare``."""
    p = subparsers.add_parser(
        "run", help="run one scenario, print its key figures, write its tables",
        description="Run one scenario. One draw (central values) writes yearly.csv; several "
                    "draws write percentiles (summary.csv), never a row per draw unless "
                    "--per-draw asks for draws.parquet.")
    p.add_argument("scenario", help=SCENARIO_HELP)
    p.add_argument("--draws", type=positive_int, default=1,
                   help="Monte Carlo draws of the parameters with a distribution (default 1: "
                        "the central values)")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the sampled numbers; the "
                   "same seed gives the same numbers")
    p.add_argument("--per-draw", action="store_true",
                   help="also write every draw's outputs to draws.parquet (its size is printed)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_language(p)
    add_out(p, "yearly.csv (or summary.csv), key_figures.csv, providers.csv, assumptions.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_run)

    p = subparsers.add_parser(
        "validate", help="check scenario files (and their data files)",
        description="Check scenario files as `samen run` reads them: every key, value, unit and "
                    "source, the files they extend and their data files. Prints ok or one line "
                    "per problem (file: key.path: what was expected); exit code 1 if any fails.")
    p.add_argument("files", nargs="+", metavar="scenario", help=SCENARIO_HELP + "; several")
    add_input_root(p)
    p.set_defaults(func=cmd_validate)

    p = subparsers.add_parser(
        "compare", help="key figures of scenarios side by side",
        description="Run each scenario with its central values and print the key figures side "
                    "by side, one column per scenario (by title); --out writes comparison.csv "
                    "with the figures in full (EUR, persons, FTE, year).")
    p.add_argument("scenarios", nargs="+", metavar="scenario", help=SCENARIO_HELP + "; several")
    add_language(p)
    add_out(p, "comparison.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_compare)

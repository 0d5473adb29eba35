"""Analysis subcommands of ``samen``: uncertainty, tornado, sobol, breakeven, explain,
measure-next.

``register(subparsers)`` adds them to the main parser (samen_model.cli). Each command function
takes the parsed arguments and returns an exit code; bad input raises a
:class:`~samen_model.errors.SamenInputError`, which the main entry point reports (exit code 1).
``breakeven`` without a root in the range prints that answer and exits 0 like any answer.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from samen_model.cli.common import (
    SCENARIO_HELP,
    add_input_root,
    add_language,
    add_out,
    bad_argument,
    check_budget,
    finite_float,
    horizon_years,
    is_money,
    load,
    needs_distributions,
    positive_int,
    seed_int,
    show,
    write_folder,
)
from samen_model.present import messages as msg

if TYPE_CHECKING:  # imported when a command runs (samen --help stays fast)
    import pandas as pd

#: Largest base sample of ``samen sobol`` (2^16: with 20 parameters 1.4 million runs).
MAX_SOBOL_N = 2**16

#: Named outputs (as ``samen_model.analysis.outputs.OUTPUT_NAMES``; a test keeps them equal).
OUTPUT_NAMES = ("deviation_2023_2025", "net_savings_2026_2030", "cumulative_net_savings_2030")
#: Break-even targets (as ``samen_model.analysis.breakeven.TARGETS``; a test keeps them equal).
TARGETS = ("deviation_2023_2025", "net_savings_2026_2030", "cumulative_net_savings_2030")
OUTPUT_HELP = (f"output: {', '.join(OUTPUT_NAMES)} (any years), or COLUMN:YEAR / "
               "COLUMN:FIRST-LAST (a column of docs/columns.md, summed)")


def _write(args: argparse.Namespace, tables: dict[str, pd.DataFrame], info: dict) -> None:
    out = write_folder(args, tables, info)
    if out is not None:
        print(f"-> {out}")


def cmd_uncertainty(args: argparse.Namespace) -> int:
    from samen_model.analysis.monte_carlo import monte_carlo
    from samen_model.cli.common import label
    from samen_model.present import formatting as fmt
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest
    from samen_model.present.tables.uncertainty import shortfall_by_year, shortfall_table

    scenario = load(args, args.scenario)
    needs_distributions(scenario, "<scenario>", "a Monte Carlo run",
                        f"samen run {scenario.name} gives its central values")
    # the sampled values and the outputs the summary keeps
    check_budget("--draws", horizon_years(scenario), args.draws,
                 16 + len(scenario.uncertain_parameters()))
    mc = monte_carlo(scenario, draws=args.draws, seed=args.seed, savings_year=args.savings_year)
    lang = args.language
    print(msg.text("cli.head.draws", lang, name=scenario.name, hash=scenario.hash,
                   draws=fmt.number(args.draws, 0, lang), seed=args.seed))
    w = msg.words("cli.uncertainty", lang)
    print("\n" + w["chances"])
    show(mc.probabilities.to_frame(w["share"]), lang)
    print("\n" + w["outputs"])
    show(mc.outputs, lang)
    print("\n" + w["payback"])
    payback = mc.payback.drop(columns="year")
    payback["payback_year"] = [label(y, lang) for y in payback["payback_year"]]
    show(payback, lang, index=False)
    shortfall = shortfall_by_year(mc)
    print("\n" + w["shortfall"])
    show(shortfall_table(mc, lang).set_axis([w["shortfall_row"]]), lang)
    info = manifest([_Run(scenario, args.draws, args.seed, True)], command="uncertainty",
                    savings_year=args.savings_year)
    _write(args, {
        "percentiles": mc.percentiles.reset_index(),
        "outputs": mc.outputs.reset_index(),
        "probabilities": mc.probabilities.rename_axis("name").reset_index(),
        "payback": mc.payback,
        "shortfall": shortfall.rename("shortfall_probability").reset_index(),
    }, info)
    return 0


def cmd_tornado(args: argparse.Namespace) -> int:
    from samen_model.analysis.sensitivity import tornado
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest

    scenario = load(args, args.scenario)
    needs_distributions(scenario, "<scenario>", "a tornado (bars over the ranges of the "
                        "distributions)", "samen explain A B splits the difference between "
                        "two scenarios")
    table = tornado(scenario, args.output, coverage=args.coverage)
    from samen_model.cli.common import label
    from samen_model.present import formatting as fmt

    lang = args.language
    print(msg.text("cli.tornado.head", lang, name=scenario.name, hash=scenario.hash,
                   output=label(table.attrs["output"], lang),
                   coverage=fmt.pct(args.coverage, 0, lang)))
    in_euros = is_money(table.attrs["output"])
    show(table, args.language, index=False,
         money=("output_low", "output_central", "output_high", "delta_low", "delta_high",
                "swing") if in_euros else ())
    info = manifest([_Run(scenario, 1, 0, False)], command="tornado", output=args.output,
                    coverage=args.coverage)
    _write(args, {"tornado": table}, info)
    return 0


def cmd_sobol(args: argparse.Namespace) -> int:
    from samen_model.analysis.sensitivity import sobol
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest

    scenario = load(args, args.scenario)
    needs_distributions(scenario, "<scenario>", "Sobol indices (the variance over the "
                        "distributions)", "samen explain A B splits the difference between "
                        "two scenarios")
    targets = args.output or ["deviation_2023_2025", "net_savings_2026_2030"]
    k = len(scenario.uncertain_parameters())
    if args.n > MAX_SOBOL_N or args.n & (args.n - 1):
        raise bad_argument("--n", f"a power of two from 2 to {MAX_SOBOL_N:,} (got {args.n:,})")
    # the design (N x k), the values it maps to (k), the outputs (a few per target)
    check_budget("--n", horizon_years(scenario), args.n * (k + 2), 4 * len(targets),
                 draw_values=3 * k + 4 * len(targets))
    table = sobol(scenario, targets, n=args.n, seed=args.seed)
    from samen_model.cli.common import label
    from samen_model.present import formatting as fmt

    lang = args.language
    print(msg.text("cli.sobol.head", lang, name=scenario.name, hash=scenario.hash, n=args.n,
                   runs=fmt.number(table.attrs["evaluations"], 0, lang)))
    shown = table.copy()
    if "output" in shown:
        shown["output"] = [label(o, lang) for o in shown["output"]]
    show(shown, lang, index=False)
    info = manifest([_Run(scenario, table.attrs["evaluations"], args.seed, True)],
                    command="sobol", outputs=targets, n=args.n)
    _write(args, {"sobol": table}, info)
    return 0


def cmd_breakeven(args: argparse.Namespace) -> int:
    import pandas as pd

    from samen_model.analysis.breakeven import breakeven
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest

    scenario = load(args, args.scenario)
    r = breakeven(scenario, args.parameter, args.target, value=args.value, low=args.low,
                  high=args.high, from_year=args.from_year)
    print(f"{scenario.name} (#{scenario.hash}): {r.message}")
    if r.value is not None:
        print(f"  {r.parameter} = {r.value:.8g}; {r.target} there = {r.output_at_root:,.2f}; "
              f"bracket {r.root_bracket[0]:.6g}..{r.root_bracket[1]:.6g}; "
              f"{r.iterations} brentq iterations")
    row = {"scenario": scenario.name, "parameter": r.parameter, "target": r.target,
           "target_value": args.value, "from_year": args.from_year,
           "value": r.value, "output_at_value": r.output_at_root,
           "bracket_low": r.root_bracket[0] if r.root_bracket else None,
           "bracket_high": r.root_bracket[1] if r.root_bracket else None,
           "iterations": r.iterations, "flat_from": r.flat_from, "flat_to": r.flat_to,
           "message": r.message}
    info = manifest([_Run(scenario, 1, 0, False)], command="breakeven", parameter=r.parameter,
                    target=r.target, target_value=args.value, from_year=args.from_year)
    _write(args, {"breakeven": pd.DataFrame([row])}, info)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from samen_model.analysis.attribution import attribute
    from samen_model.cli.common import cell, label
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest

    a, b = load(args, args.a), load(args, args.b)
    r = attribute(a, b, args.output)
    lang, money = args.language, is_money(r.output)
    print(msg.text("cli.explain.head", lang, output=label(r.output, lang), a=r.scenario_a,
                   value_a=cell(r.value_a, money, lang), b=r.scenario_b,
                   value_b=cell(r.value_b, money, lang), total=cell(r.total, money, lang),
                   groups=len(r.table), calls=r.engine_calls))
    show(_attribution_table(r.table, lang), lang, index=False,
         money=(msg.texts("cli.explain.columns", lang)[1],) if money else ())
    info = manifest([_Run(a, 1, 0, False), _Run(b, 1, 0, False)], command="explain",
                    output=r.output)
    _write(args, {"attribution": r.table}, info)
    return 0


def _attribution_table(table, language: str):
    """The attribution table as a person reads it: group names and column headers in
    ``language``, the share as a percentage (the CSV keeps the raw names and the
    ``scalar`` column)."""
    import pandas as pd

    from samen_model.cli.common import cell

    group, contribution, share, parameters = msg.texts("cli.explain.columns", language)
    return pd.DataFrame({
        group: [msg.text(f"cli.explain.group.{g}", language) for g in table["group"]],
        contribution: table["contribution"].to_numpy(),
        share: [cell(x, language=language, kind="share") for x in table["share_of_total"]],
        parameters: table["parameters"].to_numpy(),
    })


def cmd_measure_next(args: argparse.Namespace) -> int:
    from samen_model.analysis.value_of_information import NET_SAVINGS, SHORTFALL, measure_next
    from samen_model.present import formatting as fmt
    from samen_model.present.manifest import Run as _Run
    from samen_model.present.manifest import manifest
    from samen_model.present.tables.uncertainty import measure_next_table

    scenario = load(args, args.scenario)
    first, last = args.window
    r = measure_next(scenario, draws=args.draws, seed=args.seed, window=(first, last))
    lang = args.language
    net = r.outputs.loc[NET_SAVINGS]
    print(msg.text("cli.head.draws", lang, name=scenario.name, hash=scenario.hash,
                   draws=fmt.number(r.draws, 0, lang), seed=r.seed) + "; "
          + msg.text("cli.measure.method", lang))
    p5, p95, evpi = (fmt.eur_mln(x, 2, lang) for x in (net.p5, net.p95, net.evpi))
    chance = fmt.number(100 * net.probability_positive, 0, lang)
    print(msg.text("cli.measure.net", lang, first=first, last=last, p5=p5, p95=p95,
                   chance=chance, evpi=evpi))
    if net.evpi == 0:
        print(msg.text("cli.measure.no_sign_change", lang))
    print(msg.text("cli.measure.narrow_most", lang))
    show(measure_next_table(r.table, scenario, NET_SAVINGS, args.language, top=args.top))
    p = fmt.number(100 * r.outputs.at[SHORTFALL, "mean"], 0, lang)
    print(msg.text("cli.measure.shortfall", lang, first=first, last=last, p=p))
    show(measure_next_table(r.table, scenario, SHORTFALL, args.language, top=args.top))
    info = manifest([_Run(scenario, r.draws, r.seed, True)], command="measure-next",
                    window=list(r.window), method=r.method)
    _write(args, {"measure_next": r.table, "outputs": r.outputs.reset_index()}, info)
    return 0


def _window(text: str) -> tuple[int, int]:
    try:
        first, last = (int(x) for x in text.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FIRST-LAST years, e.g. 2026-2030 (got "
                                         f"{text!r})") from None
    if first > last:
        raise argparse.ArgumentTypeError(f"expected FIRST <= LAST (got {text!r})")
    return first, last


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the analysis subcommands to ``samen``'s subparsers."""
    p = subparsers.add_parser(
        "uncertainty", help="Monte Carlo summary of a scenario",
        description="Draw the scenario's uncertain parameters (its distributions), run the "
                    "model for every draw and print percentiles of the key outputs, the chance "
                    "of an overrun or of no savings, the payback year and the chance of a "
                    "waiting list per year. See docs/uncertainty.md.")
    p.add_argument("scenario", help=SCENARIO_HELP + " (with distributions)")
    p.add_argument("--draws", type=positive_int, default=10_000,
                   help="Monte Carlo draws")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the sampled numbers")
    p.add_argument("--savings-year", type=int, default=2030,
                   help="year for the chance that cumulative net savings are below zero")
    add_language(p)
    add_out(p, "percentiles.csv, outputs.csv, probabilities.csv, payback.csv, shortfall.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_uncertainty)

    p = subparsers.add_parser(
        "tornado", help="one-way sensitivity of an output",
        description="Move each uncertain parameter alone to the ends of its central interval "
                    "(the others at their central values) and print how far the output moves, "
                    "largest swing first.")
    p.add_argument("scenario", help=SCENARIO_HELP + " (with distributions)")
    p.add_argument("--output", default="net_savings_2026_2030", help=OUTPUT_HELP)
    p.add_argument("--coverage", type=finite_float, default=0.90,
                   help="bars at the central interval of this probability (0.90: 5th-95th pct)")
    add_language(p)
    add_out(p, "tornado.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_tornado)

    p = subparsers.add_parser(
        "sobol", help="Sobol indices (SALib) of outputs",
        description="Variance-based sensitivity: the share of an output's variance each "
                    "uncertain parameter explains alone (S1) and with its interactions (ST), "
                    "with 95% bootstrap intervals. Without --output: deviation_2023_2025 and "
                    "net_savings_2026_2030.")
    p.add_argument("scenario", help=SCENARIO_HELP + " (with distributions)")
    p.add_argument("--output", action="append", help=OUTPUT_HELP + "; repeatable")
    p.add_argument("--n", type=positive_int, default=1024,
                   help=f"base sample (a power of two, at most {MAX_SOBOL_N:,})")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the Sobol design")
    add_language(p)
    add_out(p, "sobol.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_sobol)

    p = subparsers.add_parser(
        "breakeven", help="parameter value at which a target is met",
        description="Find the value of one parameter at which an output reaches a target "
                    "(default 0), e.g. the leakage at which net savings 2026-2030 are zero. "
                    "Prints the value (or why there is none in the range); --out writes it as "
                    "breakeven.csv with manifest.json.")
    p.add_argument("scenario", help=SCENARIO_HELP)
    p.add_argument("--parameter", required=True, help="parameter path, e.g. routing.leakage")
    p.add_argument("--target", required=True, help=f"{', '.join(TARGETS)} (any years), or "
                   "COLUMN:YEAR / COLUMN:FIRST-LAST")
    p.add_argument("--value", type=finite_float, default=0.0,
                   help="target value (default 0; write --value=-1e6 for a negative value)")
    p.add_argument("--from-year", type=int, help="change a year series only from this year on")
    p.add_argument("--low", type=finite_float, help="lower end of the search range")
    p.add_argument("--high", type=finite_float, help="upper end of the search range")
    add_out(p, "breakeven.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_breakeven)

    p = subparsers.add_parser(
        "explain", help="attribute the difference between two scenarios",
        description="Split the difference in an output between scenario A and B over the "
                    "groups of parameters that differ (exact Shapley values: every order of "
                    "switching groups from A to B, averaged).")
    p.add_argument("a", help="scenario A (the base): " + SCENARIO_HELP)
    p.add_argument("b", help="scenario B: a name in scenarios/ or a file path")
    p.add_argument("--output", default="net_savings_2026_2030", help=OUTPUT_HELP)
    add_language(p)
    add_out(p, "attribution.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_explain)

    p = subparsers.add_parser("measure-next", help="which data would narrow the result most "
                              "(expected value of partial perfect information)")
    p.add_argument("scenario", help=SCENARIO_HELP + " (with distributions)")
    p.add_argument("--draws", type=positive_int, default=20_000,
                   help="Monte Carlo draws (default 20,000; at least 200)")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the sampled numbers")
    p.add_argument("--window", type=_window, default=(2026, 2030),
                   help="years of net savings and of the shortfall chance (default 2026-2030)")
    p.add_argument("--top", type=positive_int, default=None, help="show only the first rows")
    add_language(p)
    add_out(p, "measure_next.csv, outputs.csv")
    add_input_root(p)
    p.set_defaults(func=cmd_measure_next)

"""``samen discover``: which combinations of assumptions make an output cross a threshold (PRIM).

``register(subparsers)`` adds the command to ``samen`` (one line in ``cli/commands.py``). Bad
input raises :class:`~samen_model.errors.SamenInputError`, reported by the top-level handler.
"""

from __future__ import annotations

import argparse

from samen_model.cli.analysis import OUTPUT_NAMES
from samen_model.cli.common import (
    add_input_root,
    add_out,
    load,
    positive_int,
    seed_int,
    write_folder,
)

#: As ``samen_model.analysis.discovery`` (a test keeps them equal; imported only when run).
DEFAULT_DRAWS = 5_000
DEFAULT_MIN_DENSITY = 0.8


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, got {text!r}") \
            from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, got {value}")
    return value


def cmd_discover(args: argparse.Namespace) -> int:
    from samen_model.analysis.discovery import discover
    from samen_model.present import formatting as fmt
    from samen_model.present.manifest import Run, manifest
    from samen_model.present.tables import discovery as dt
    from samen_model.present.tables.results import print_table

    scenario = load(args, args.scenario)
    d = discover(scenario, args.output, above=args.above, below=args.below, draws=args.draws,
                 seed=args.seed, min_density=args.min_density)
    lang = args.language
    print(f"{scenario.name} (#{scenario.hash}): {fmt.number(d.draws, 0, lang)} draws, seed "
          f"{d.seed}; {dt.threshold_text(d, lang)}: {fmt.number(d.cases, 0, lang)} draws "
          f"({fmt.pct(d.share, 1, lang)})")
    print()
    text = dt.discovery_text(d, args.language, scenario)
    print(text)
    print()
    print_table(dt.box_table(d, args.language))
    print()
    print_table(dt.tradeoff_table(d, args.language))
    if args.out is not None:
        info = manifest([Run(scenario, d.draws, d.seed, True)], command="discover",
                        output=d.output, threshold=d.threshold, direction=d.direction,
                        min_density=args.min_density, chosen_step=d.chosen,
                        coverage=d.coverage, density=d.density)
        write_folder(args, {"box": d.limits.reset_index(),
                            "trajectory": d.trajectory.reset_index()}, info,
                     {"discovery.txt": lambda path: path.write_text(text + "\n",
                                                                    encoding="utf-8")})
        print(f"-> {args.out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``discover`` to ``samen``'s subparsers."""
    p = subparsers.add_parser(
        "discover", help="scenario discovery (PRIM): which assumptions make an output cross a "
        "threshold", description="Sample the scenario's distributions, run the model once over "
        "all draws and find the box of parameter ranges where the output is above (or below) "
        "the threshold, with the coverage/density trade-off. See docs/uncertainty.md.")
    p.add_argument("scenario", help="scenario YAML file or name (with distributions), e.g. "
                   "uncertainty_2023")
    p.add_argument("--output", default="deviation_2023_2025",
                   help=f"output: {', '.join(OUTPUT_NAMES)} (any years), or COLUMN:YEAR / "
                   "COLUMN:FIRST-LAST (default: deviation_2023_2025)")
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--above", type=float, metavar="X",
                      help="cases of interest: output above X (EUR for money), e.g. 2e6")
    side.add_argument("--below", type=float, metavar="X",
                      help="cases of interest: output below X, e.g. --below=-1e6")
    p.add_argument("--draws", type=positive_int, default=DEFAULT_DRAWS,
                   help=f"Monte Carlo draws (at least 50; default {DEFAULT_DRAWS})")
    p.add_argument("--seed", type=seed_int, default=0, help="seed of the sampled numbers")
    p.add_argument("--min-density", type=_share, default=DEFAULT_MIN_DENSITY,
                   help="the chosen box is the one with the highest coverage whose density "
                   f"reaches this share (default {DEFAULT_MIN_DENSITY})")
    p.add_argument("--language", choices=["nl", "en"], default="nl",
                   help="language of the text and tables (default nl)")
    add_out(p, "box.csv, trajectory.csv, discovery.txt")
    add_input_root(p)
    p.set_defaults(func=cmd_discover)

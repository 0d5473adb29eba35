"""What every ``samen`` command shares: argument types, scenarios by name or path, writing an
output folder, printing tables, the progress bar."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from samen_model.analysis import key_figures as kf
from samen_model.errors import SamenInputError
from samen_model.model.finite import check_finite
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.products.atomic import staged_dir, write_csv, write_manifest
from samen_model.scenario.library import resolve_scenario
from samen_model.scenario.scenario import Scenario, load_scenario

#: Largest seed numpy's generator takes from the command line (any non-negative integer works
#: in Python; 2^63 - 1 keeps the manifest readable by every JSON reader).
MAX_SEED = 2**63 - 1


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1 (``1_000`` and ``1000`` both work)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def seed_int(text: str) -> int:
    """argparse type: a seed, an integer from 0 to 2^63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a seed (an integer >= 0), got {text!r}"
                                         ) from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to {MAX_SEED}, got {value}")
    return value


SCENARIO_HELP = ("scenario: a name in scenarios/ (realised_2023) or the path of a YAML file "
                 "(scenarios/realised_2023.yaml)")


def add_input_root(p: argparse.ArgumentParser) -> None:
    """``--input-root``: where files named by a scenario (extends, data_file) may live."""
    p.add_argument("--input-root", metavar="DIR",
                   help="allow extends: and data_file: to read files anywhere inside DIR "
                        "(default: only inside the scenario's own folder)")


def add_out(p: argparse.ArgumentParser, what: str, required: bool = False) -> None:
    """``--out`` and ``--force`` (replace a previous output of samen, never other files)."""
    p.add_argument("--out", metavar="DIR", required=required,
                   help=f"write {what} and manifest.json into this new folder (an existing "
                        "folder only if it is empty or a previous samen output, with --force)")
    p.add_argument("--force", action="store_true",
                   help="replace --out if it is a previous output of samen (a folder holding "
                        "other files is never replaced)")


def load(args: argparse.Namespace, text: str) -> Scenario:
    """Load a scenario named on the command line (a name in scenarios/ or a path)."""
    return load_scenario(resolve_scenario(text), input_root=getattr(args, "input_root", None))


def checked(result: Result, values: dict[str, np.ndarray] | None = None) -> Result:
    """The result, once every output is known to be finite (before anything is written)."""
    check_finite(result, values)
    return result


def write_folder(args: argparse.Namespace, tables: dict[str, pd.DataFrame], info: dict,
                 extra: dict | None = None) -> Path | None:
    """Write CSV tables and manifest.json into ``args.out`` (nothing when it is not given).

    ``extra`` maps a file name to a function writing it (given its path), e.g. Parquet.
    """
    if getattr(args, "out", None) is None:
        return None
    with staged_dir(args.out, force=args.force) as tmp:
        for name, table in tables.items():
            write_csv(table, tmp / f"{name}.csv", info)
        for name, writer in (extra or {}).items():
            writer(tmp / name)
        write_manifest(info, tmp)
    return Path(args.out)


def show(table: pd.DataFrame, floats: str = "{:,.4g}") -> None:
    """Print a table in full."""
    with pd.option_context("display.width", 200, "display.max_columns", 30,
                           "display.max_colwidth", 60, "display.max_rows", 500,
                           "display.float_format", floats.format):
        print(table.to_string())


def key_figures_table(result: Result) -> pd.DataFrame:
    """The key figures as readable text: one column for a central run, p5/median/p95 for draws.

    For several draws the payback year shows the share of draws that pay back within the
    horizon and the median year among those (labelled so).
    """
    arrays = kf.arrays(result)
    rows = {}
    for name, values in arrays.items():
        label = kf.label(name, "en", result)
        if result.draws == 1:
            rows[label] = {"value": fmt.key_figure(name, float(values[0]), "en")}
            continue
        if name == "payback_year":
            paid = values[np.isfinite(values)]
            share = paid.size / values.size
            rows[f"{label} (median of the {share:.0%} of draws that pay back)"] = {
                "p5": "", "median": fmt.year(np.median(paid)) if paid.size else fmt.MISSING,
                "p95": ""}
            continue
        p5, p50, p95 = np.percentile(values, (5, 50, 95))
        rows[label] = {"p5": fmt.key_figure(name, p5, "en"),
                       "median": fmt.key_figure(name, p50, "en"),
                       "p95": fmt.key_figure(name, p95, "en")}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("key figure")


@contextmanager
def progress(steps: list[str], quiet: bool = False) -> Iterator[callable]:
    """A progress bar on stderr over named steps, shown only after one second (and only on a
    terminal); yields ``advance(step_name)``."""
    from tqdm import tqdm

    bar = tqdm(total=len(steps), desc=steps[0] if steps else "", unit="step", delay=1.0,
               disable=True if quiet else None, file=sys.stderr, leave=False)

    def advance(next_step: str | None = None) -> None:
        bar.update(1)
        if next_step:
            bar.set_description_str(next_step)

    try:
        yield advance
    finally:
        bar.close()


def bad_argument(option: str, expected: str) -> SamenInputError:
    """A bad value of a command-line option as an input error (exit code 1)."""
    return SamenInputError("<command line>", option, expected)

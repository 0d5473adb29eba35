"""What every ``samen`` command shares: argument types, scenarios by name or path, writing an
output folder, printing tables, the progress bar."""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from samen_model.errors import SamenInputError, printable
from samen_model.present import messages as msg

if TYPE_CHECKING:  # the modules below are imported when a command runs (fast --help)
    import numpy as np
    import pandas as pd

    from samen_model.model.results import Result
    from samen_model.scenario.scenario import Scenario

#: Largest seed numpy's generator takes from the command line (any non-negative integer works
#: in Python; 2^63 - 1 keeps the manifest readable by every JSON reader).
MAX_SEED = 2**63 - 1
#: Most draws any command runs (the memory estimate, :func:`check_budget`, may allow fewer).
MAX_DRAWS = 10_000_000
#: Longest option value echoed or used as a path (characters).
MAX_OPTION_CHARS = 4096


def finite_float(text: str) -> float:
    """argparse type: a finite number (``nan``, ``inf`` and ``1e999`` are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {printable(text, 40)!r}"
                                         ) from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text[:40]!r}")
    return value


def check_budget(option: str, n_years: int, draws: int, year_columns: int,
                 draw_values: int = 0, max_draws: int = MAX_DRAWS) -> None:
    """Refuse, before anything is sampled or allocated, ``draws`` that exceed ``max_draws`` or
    do not fit in memory (:func:`~samen_model.model.memory.check_fits`).

    ``year_columns``: arrays of ``(year, draw)`` the command keeps; ``draw_values``: arrays of
    one value per draw (sampled parameters, predictions, weights). Blames ``option``.
    """
    n_years = max(int(n_years), 1)
    from samen_model.model.memory import check_fits

    try:
        check_fits(n_years, draws, year_columns + math.ceil(draw_values / n_years))
    except SamenInputError as exc:
        raise bad_argument(option, exc.expected) from None
    if draws > max_draws:
        raise bad_argument(option, f"at most {max_draws:,} draws (got {draws:,})")


def horizon_years(scenario: Scenario) -> int:
    """Years of a scenario's horizon (rows of every output)."""
    return int(scenario.value("time.last_year") - scenario.value("time.first_year") + 1)


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1 (``1_000`` and ``1000`` both work; at most 30 digits)."""
    try:
        if len(text) > 30:
            raise ValueError(text)
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got "
                                         f"{printable(text, 40)!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def seed_int(text: str) -> int:
    """argparse type: a seed, an integer from 0 to 2^63 - 1."""
    try:
        if len(text) > 30:
            raise ValueError(text)
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a seed (an integer >= 0), got "
                                         f"{printable(text, 40)!r}") from None
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


def path_text(text: str, option: str) -> str:
    """A path typed on the command line, refused if it cannot name a file (NUL, too long)."""
    if "\0" in text or len(text) > MAX_OPTION_CHARS:
        raise bad_argument(option, f"a file path without NUL characters, at most "
                           f"{MAX_OPTION_CHARS:,} characters (got {text!r})")
    return text


def load(args: argparse.Namespace, text: str) -> Scenario:
    """Load a scenario named on the command line (a name in scenarios/ or a path)."""
    from samen_model.scenario.library import resolve_scenario
    from samen_model.scenario.scenario import load_scenario

    root = getattr(args, "input_root", None)
    if root is not None:
        path_text(root, "--input-root")
    return load_scenario(resolve_scenario(path_text(text, "scenario")), input_root=root)


def checked(result: Result, values: dict[str, np.ndarray] | None = None) -> Result:
    """The result, once every output is known to be finite (before anything is written)."""
    from samen_model.model.finite import check_finite

    check_finite(result, values)
    return result


def write_folder(args: argparse.Namespace, tables: dict[str, pd.DataFrame], info: dict,
                 extra: dict | None = None, also: Callable[[], None] | None = None
                 ) -> Path | None:
    """Write CSV tables and manifest.json into ``args.out`` (nothing when it is not given).

    ``extra`` maps a file name to a function writing it (given its path), e.g. Parquet.
    ``also`` runs once the folder is complete, before it is moved into place (another write
    of the same command): if it fails, the folder is not written either.
    """
    if getattr(args, "out", None) is None:
        if also is not None:
            also()
        return None
    from samen_model.products.atomic import staged_dir, write_csv, write_manifest

    path_text(str(args.out), "--out")
    with staged_dir(args.out, force=args.force) as tmp:
        for name, table in tables.items():
            write_csv(table, tmp / f"{name}.csv", info)
        for name, writer in (extra or {}).items():
            writer(tmp / name)
        write_manifest(info, tmp)
        if also is not None:
            also()
    return Path(args.out)


#: Columns and rows with these names are euros (besides names ending in ``_eur``).
MONEY_OUTPUT = re.compile(r"(deviation|net_savings|cumulative_net_savings)_\d{4}(_\d{4})?"
                          r"|[a-z0-9_]+_eur:\d{4}(-\d{4})?")
#: Names of shares and probabilities (printed as percentages).
SHARE_NAMES = re.compile(r".*(probability|share).*|S1|ST|S1_conf|ST_conf")


def label(name: object, language: str = "en", results: object = None) -> str:
    """A column, key figure or output name as a person reads it (unknown names unchanged);
    a key figure's label names the years it covers in ``results`` (a Result or several).

    >>> label("deviation_transition_eur")  # no results: no years
    'Square deviation (nominal)'
    >>> label("net_savings_2026_2030", "nl")
    'Netto besparing 2026-2030'
    """
    from samen_model.analysis import key_figures as kf
    from samen_model.model.columns import COLUMN_NAMES
    from samen_model.present import formatting as fmt

    text = str(name)
    extra = msg.words("cli.label", language)
    if text in extra:
        return str(extra[text])
    m = re.fullmatch(r"cumulative_net_savings_below_zero_(\d{4})", text)
    if m:
        return msg.text("cli.label.cumulative_below_zero", language, year=m.group(1))
    if text in kf.REGISTRY or text in kf.OVER_DRAWS:
        return kf.label(text, language, results)
    if MONEY_OUTPUT.fullmatch(text) or re.fullmatch(r"[a-z0-9_]+:\d{4}(-\d{4})?", text):
        return fmt.output_label(text, language)
    if text in COLUMN_NAMES:
        return fmt.column_label(text, language)
    return text


def is_money(name: object) -> bool:
    text = str(name)
    return text.endswith("_eur") or bool(MONEY_OUTPUT.fullmatch(text))


def cell(x: object, money: bool = False, language: str = "en", kind: str = "") -> str:
    """One value as text: euros in full with a sign and thousands (``−€128,900``), a share
    (``kind="share"``) as a percentage, a year (``kind="year"``) plain, other numbers with the
    decimals they need (at most four), ``–`` for missing.

    >>> cell(-128_900.4, money=True), cell(float("nan")), cell(0.05), cell(0.05, kind="share")
    ('−€128,900', '–', '0.05', '5.0%')
    """
    import numbers

    import pandas as pd

    from samen_model.present import formatting as fmt

    if x is None or x is pd.NA:
        return fmt.MISSING
    if isinstance(x, bool) or not isinstance(x, numbers.Number):
        return str(x)
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        return fmt.MISSING
    if kind == "year":
        return fmt.year(x)
    if kind == "share":
        return fmt.pct(x, 1, language)
    if money:
        return fmt.eur(x, 0, language)
    if abs(x) >= 1000:
        return fmt.number(x, 0, language)
    return fmt.number_auto(x, language, 1 if abs(x) >= 100 else 2 if abs(x) >= 10 else 4)


def readable(table: pd.DataFrame, language: str = "en", money: Sequence[str] = ()
             ) -> pd.DataFrame:
    """The table as text a person reads: names labelled (:func:`label`), numbers formatted
    (:func:`cell`; a row or column of euros by its name or listed in ``money``), ``–`` for
    missing."""
    import pandas as pd

    rows_money = [is_money(i) or (isinstance(i, tuple) and any(map(is_money, i)))
                  for i in table.index]
    rows_share = [bool(SHARE_NAMES.fullmatch(str(i))) or str(i).startswith(
        ("square_exceeded", "no_payback", "cumulative_net_savings_below")) for i in table.index]
    out = {}
    for column in table.columns:
        name = str(column)
        kind = ("share" if SHARE_NAMES.fullmatch(name) else
                "year" if name in ("year", "payback_year") else "")
        values = [cell(v, is_money(column) or name in money or (money_row and not kind),
                       language,
                       kind or ("share" if share_row else ""))
                  for v, money_row, share_row in zip(table[column].tolist(), rows_money,
                                                     rows_share, strict=True)]
        out[label(column, language)] = values
    index = [label(i, language) if not isinstance(i, tuple) else
             " · ".join(label(j, language) for j in i) for i in table.index]
    return pd.DataFrame(out, index=pd.Index(index, name=table.index.name))


def show(table: pd.DataFrame, language: str = "en", index: bool = True,
         money: Sequence[str] = ()) -> None:
    """Print a table for a person (:func:`readable`) at the width of the terminal: columns that
    do not fit continue below, long labels are cut with "…"."""
    import shutil

    import pandas as pd

    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    text = readable(table, language, money)
    most = max(24, width // 2)  # a cell of text longer than half the width is cut
    text = text.map(lambda v: v if len(v) <= most else v[:most - 1] + "…")
    with pd.option_context("display.width", width, "display.max_columns", None,
                           "display.max_colwidth", max(24, width // 3),
                           "display.max_rows", 500, "display.expand_frame_repr", True,
                           "display.colheader_justify", "right"):
        print(text.to_string(index=index, line_width=width))


#: The share of draws that must pay back before the CLI shows their median payback year.
PAYBACK_MEDIAN_SHARE = 0.01


def key_figures_table(result: Result, language: str = "en") -> pd.DataFrame:
    """The key figures as readable text: one column for a central run, p5/median/p95 for draws.

    For several draws the payback years show the share of draws that pay back within the
    horizon and the median year among those (labelled so), the year only where at least
    :data:`PAYBACK_MEDIAN_SHARE` of the draws pay back (a median of a handful reads as a
    finding).
    """
    import numpy as np
    import pandas as pd

    from samen_model.analysis import key_figures as kf
    from samen_model.present import formatting as fmt

    w = msg.words("cli.key_figures", language)
    arrays = kf.arrays(result)
    rows = {}
    for name, values in arrays.items():
        label_text = kf.label(name, language, result)
        if result.draws == 1:
            rows[label_text] = {w["value"]:
                                fmt.key_figure(name, float(values[0]), language)}
            continue
        if name in kf.PAYBACK_FIGURES:
            paid = values[np.isfinite(values)]
            part = paid.size / values.size
            share = ("< " + fmt.pct(0.001, 1, language) if 0 < part < 0.001
                     else fmt.pct(part, 0 if part == 0 or part >= 0.01 else 1, language))
            key = msg.text("cli.key_figures.payback", language, label=label_text, share=share)
            # a median year only where it rests on at least one draw in a hundred
            rows[key] = {"p5": "", w["median"]: fmt.year(np.median(paid))
                         if part >= PAYBACK_MEDIAN_SHARE else fmt.MISSING, "p95": ""}
            continue
        p5, p50, p95 = np.percentile(values, (5, 50, 95))
        rows[label_text] = {"p5": fmt.key_figure(name, p5, language),
                            w["median"]: fmt.key_figure(name, p50, language),
                            "p95": fmt.key_figure(name, p95, language)}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(
        msg.text("table.results.key_figure", language))


def add_language(p: argparse.ArgumentParser, default: str = "en") -> None:
    """``--language``: labels and numbers in Dutch (nl) or English (en)."""
    p.add_argument("--language", choices=["nl", "en"], default=default,
                   help="labels and number format of what is printed")


def needs_distributions(scenario: Scenario, field: str, asked: str, instead: str) -> None:
    """Refuse a Monte Carlo command on a scenario without any distribution, in the words of
    the command line (``asked``: what needs them; ``instead``: what to do)."""
    if not scenario.uncertain_parameters():
        raise SamenInputError(
            scenario.path, field,
            f"a scenario with uncertain parameters (a distribution such as {{dist: triangular, "
            f"...}}) for {asked}: {scenario.name} has none, so every draw would give the same "
            f"numbers; {instead}, or use a scenario with distributions such as "
            "uncertainty_2023")


class DefaultsFormatter(argparse.HelpFormatter):
    """Help that states each option's default (unless the text already does or there is none)
    and keeps the line breaks of descriptions and epilogs."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if ("default" in text or default is None or default is False
                or default == argparse.SUPPRESS or not action.option_strings):
            return text
        number = isinstance(default, int) and not isinstance(default, bool)
        shown = f"{default:,}" if number and "year" not in action.dest else default  # 2030
        return f"{text} (default: {shown})"

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        return "\n".join(textwrap.fill(line, width, initial_indent=indent,
                                        subsequent_indent=indent) if line.strip() else ""
                         for line in text.splitlines())


@contextmanager
def progress(steps: list[str], quiet: bool = False) -> Iterator[callable]:
    """A progress bar on stderr over named steps, shown only after one second (and only on a
    terminal); yields ``advance(step_name)``. tqdm is imported only when the bar is due (a
    command that ends within the second does not import it)."""
    import time

    started = time.monotonic()
    state: dict = {"done": 0, "step": steps[0] if steps else "", "bar": None}

    def advance(next_step: str | None = None) -> None:
        state["done"] += 1
        state["step"] = next_step or state["step"]
        bar = state["bar"]
        if bar is None and not quiet and time.monotonic() - started >= 1.0:
            from tqdm import tqdm

            state["bar"] = tqdm(total=len(steps), initial=state["done"], desc=state["step"],
                                unit="step", disable=None, file=sys.stderr, leave=False)
        elif bar is not None:
            bar.update(1)
            if next_step:
                bar.set_description_str(next_step)

    try:
        yield advance
    finally:
        if state["bar"] is not None:
            state["bar"].close()


def bad_argument(option: str, expected: str) -> SamenInputError:
    """A bad value of a command-line option as an input error (exit code 1)."""
    return SamenInputError("<command line>", option, expected)

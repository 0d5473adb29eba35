"""The ``samen`` command: run, validate, compare, report and the analysis commands.

Exit codes: 0 ok; 1 bad input (a scenario, data file, option value or output folder that
cannot be used) or a run that could not complete (a failing notebook); 2 wrong usage (an
unknown option, a missing argument); 130 interrupted (Ctrl-C; 143 for SIGTERM). Every error is
one line ``error: <file>: <key.path>: <what was expected>``, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import io
import os
import signal
import sys
import threading
import time
from pathlib import Path

from samen_model._version import __version__
from samen_model.cli.analysis import register as register_analysis
from samen_model.cli.calibrate import register as register_calibrate
from samen_model.cli.common import (
    DefaultsFormatter,
    add_input_root,
    path_text,
    positive_int,
    seed_int,
)
from samen_model.cli.discover import register as register_discover
from samen_model.cli.run import register as register_run
from samen_model.errors import SamenInputError, printable
from samen_model.files import DISK_ERRORS, disk_error

EPILOG = """exit codes: 0 ok; 1 bad input or a run that could not complete; 2 wrong usage;
130 interrupted (Ctrl-C), 143 terminated. A scenario is a name in scenarios/ or a file path."""


def cmd_report(args: argparse.Namespace) -> int:
    from samen_model.products.build.config import DEFAULT_CONFIG, ReportError, load_config
    from samen_model.products.build.report import build_report

    started = time.perf_counter()
    config_path = args.config
    if config_path is None and Path(DEFAULT_CONFIG).is_file():
        config_path = DEFAULT_CONFIG
    config = load_config(config_path)
    if args.language:
        config = dataclasses.replace(config, language=args.language)
    notebooks = None
    if args.notebooks is not None:  # a configured notebook keeps its configured parameters
        configured = {(e["notebook"] if isinstance(e, dict) else e): e
                      for e in [*config.notebooks, *config.extra_notebooks]}
        notebooks = [configured.get(name, name) for name in args.notebooks]
    if args.notebook:
        base = notebooks if notebooks is not None else [*config.notebooks,
                                                         *config.extra_notebooks]
        notebooks = [*base, *args.notebook]
    try:
        run_dir = build_report(
            scenario_dir=Path(args.scenario_dir), out_root=Path(args.out),
            names=args.scenarios, seed=args.seed, config=config, notebooks=notebooks,
            jobs=args.jobs, progress=not args.quiet,
            notebook_dir=Path(args.notebook_dir) if args.notebook_dir else None,
            input_root=Path(args.input_root) if args.input_root else None,
        )
    except ReportError as exc:
        print(f"error: {printable(exc, 2000)}", file=sys.stderr)
        print(f"error: report not written; {printable(Path(args.out) / 'latest', 240)} is "
              "unchanged", file=sys.stderr)
        return 1
    print(f"report written to {printable(run_dir, 240)} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


def _register_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help="run the scenarios and notebooks into reports/<run-id>",
        description="Run every scenario of --scenario-dir (or those --scenarios names) and the "
                    "notebooks of reports.yaml, and write reports/<run-id>/: index.html (start "
                    "there: it says what to read first), the council briefing as HTML, PDF and "
                    "Word, summary.xlsx, CSVs and manifest.json. reports/latest points at it "
                    "once everything succeeded.")
    p.add_argument("--config", help="report configuration YAML (default: reports.yaml if present)")
    p.add_argument("--scenario-dir", default="scenarios",
                   help="folder of the scenario files; scenarios the notebooks name that are "
                        "not there come from the shipped ones")
    p.add_argument("--scenarios", nargs="*", metavar="NAME",
                   help="scenario names (default: the configuration, else every file)")
    p.add_argument("--notebooks", nargs="*", metavar="NAME",
                   help="notebooks to run instead of the configured ones (none: tables only)")
    p.add_argument("--notebook", action="append", metavar="NAME",
                   help="add a notebook (repeatable), e.g. --notebook 03_uncertainty")
    p.add_argument("--notebook-dir", help="folder of the notebooks (default: the model's own "
                   "notebooks/, wherever you run samen from)")
    p.add_argument("--jobs", type=positive_int, help="notebooks run at the same time")
    p.add_argument("--language", choices=["nl", "en"], help="labels and text of the notebooks")
    p.add_argument("--out", default="reports", metavar="DIR",
                   help="folder of the reports: each run in DIR/<run-id>, DIR/latest points at "
                        "the newest complete one")
    p.add_argument("--seed", type=seed_int, default=None,
                   help="seed of the sampled numbers (default: the configuration's)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_input_root(p)
    p.set_defaults(func=cmd_report)


def _version() -> str:
    from samen_model.present.manifest import git_commit

    commit = git_commit()
    return f"samen {__version__}" + (f" (commit {commit[:12]})" if commit else "")


class _Version(argparse.Action):
    """``--version``: looks up the git commit only when asked (not on every command)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(_version())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samen", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Financial simulation model of Groningen's youth-care reform SAMEN.")
    parser.add_argument("--version", action=_Version,
                        help="print the version (and git commit) and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    register_run(sub)  # run, validate, compare
    _register_report(sub)
    register_analysis(sub)  # uncertainty, tornado, sobol, breakeven, explain
    register_discover(sub)  # discover (scenario discovery, PRIM)
    register_calibrate(sub)  # calibrate (docs/calibration.md)
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, p in sub.choices.items():  # every command: help with defaults, a description
        p.formatter_class = DefaultsFormatter
        if not p.description:
            p.description = helps.get(name, "")[:1].upper() + helps.get(name, "")[1:] + "."
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so temporary folders are removed on the way out."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def _stop_now(code: int) -> int:
    """Return ``code``; if worker threads still run (notebooks, engine blocks), end the process
    at once instead of waiting for them at exit (their kernels stop with their parent)."""
    others = [t for t in threading.enumerate()
              if t is not threading.main_thread() and t.is_alive() and not t.daemon]
    if others:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


class SafeStream(io.TextIOBase):
    """A text stream that shows control characters as ``\\x..`` before they reach the terminal
    (newlines and tabs pass; ``\\r`` too on stderr, for the progress bar).

    ``samen`` prints names, keys and values read from files and the command line; an escape
    sequence in one must not clear or recolour the screen (:func:`samen_model.errors.printable`
    escapes each echoed value; this is the net under everything printed).
    """

    def __init__(self, stream, keep: str = "\n\t") -> None:
        self._stream = stream
        self._keep = keep

    def write(self, text: str) -> int:
        self._stream.write(printable(text, keep=self._keep))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()

    @property
    def encoding(self):  # noqa: D102
        return getattr(self._stream, "encoding", "utf-8")


def _parse(argv: list[str] | None) -> argparse.Namespace | int:
    """Parsed arguments, or the exit code of ``--help``/``--version`` (0) or a usage error
    (2), whose message is printed escaped and shortened (an option value may be anything)."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            return build_parser().parse_args(argv)
    except SystemExit as exc:
        for line in err.getvalue().splitlines():
            print(printable(line, 500), file=sys.stderr)
        return exc.code if isinstance(exc.code, int) else 2


def _out_error(exc: OSError) -> str:
    """One line for an ``OSError`` no command turned into an input error."""
    name = printable(exc.filename, 240) if exc.filename else "<file>"
    if exc.errno == errno.ELOOP:
        return f"error: {name}: <file>: a file or folder, not a loop of symbolic links"
    if exc.errno in DISK_ERRORS:
        return f"error: {name}: <file>: {disk_error(exc, name).expected}"
    return f"error: {name}: <file>: {printable(exc.strerror or exc, 240)}"


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (see the module docstring). No traceback for bad
    input, a full disk, a closed pipe or an interruption; no control character read from
    input reaches the terminal."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr, "\n\t\r")
    try:
        return _main(argv)
    finally:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    args = _parse(argv)
    if isinstance(args, int):
        return args
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        if getattr(args, "out", None) is not None and args.command != "report":
            path_text(args.out, "--out")
            from samen_model.products.atomic import check_target

            check_target(args.out, args.force)  # before any work; checked again at the end
        return args.func(args)
    except KeyboardInterrupt as exc:
        code = 143 if isinstance(exc, Terminated) else 130
        print(f"samen: {'terminated' if code == 143 else 'interrupted'}; no output was left "
              "half-written", file=sys.stderr)
        return _stop_now(code)
    except SamenInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except MemoryError:
        print("error: <command line>: --draws: fewer draws: the run did not fit in memory",
              file=sys.stderr)
        return 1
    except BrokenPipeError:  # samen compare ... | head: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(_out_error(exc), file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

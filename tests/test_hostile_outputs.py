"""Outputs never replace what the run did not create; the report cleans up after dead runs and
points ``latest`` at the newest complete run; no hang, no NaN, no traceback.

The cases on ``--out`` assert the exit code, the one-line message and that nothing in the
watched folder was written or deleted (``bad_input_harness.cli_refuses``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bad_input_harness import cli_refuses, run_cli, snapshot

import samen_model as sm
from samen_model.errors import SamenInputError
from samen_model.model.finite import check_finite, first_non_finite
from samen_model.model.memory import available_bytes, check_fits, output_bytes
from samen_model.products.atomic import staged_dir, write_manifest
from samen_model.products.build.report import build_report, point_latest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
SAMEN = [sys.executable, "-m", "samen_model.cli"]
BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi",
                                                                 strict=True)))


def previous_output(folder: Path) -> Path:
    """A folder as ``samen run`` leaves it (one CSV and its manifest)."""
    code, _, err = run_cli(["run", "plan_2022", "--out", folder])
    assert code == 0, err
    return folder


# ------------------------------------------------------------------ --out


def test_run_onto_a_folder_with_an_unrelated_file_keeps_it(tmp_path) -> None:
    """The data-loss bug: ``samen run --out DIR`` deleted whatever was at DIR."""
    folder = tmp_path / "my_documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"years of work")
    for force in ([], ["--force"]):
        cli_refuses(["run", "realised_2023", "--out", folder, *force], tmp_path, file=folder,
                    key="--out", words=("files samen did not write", "thesis.docx"))
    assert (folder / "thesis.docx").read_bytes() == b"years of work"


OUT_CASES = [
    # (id, --out relative to the test folder or absolute, extra args, words)
    ("empty_path", "", [], ("empty path",)),
    ("filesystem_root", "/", [], ("not the filesystem root",)),
    ("current_folder", ".", [], ("not the current folder",)),
    ("parent_folder", "..", [], ("not the current folder or one above",)),
    ("a_regular_file", "notes.txt", [], ("this is a file",)),
    ("a_copy_of_the_scenarios", "scenarios_copy", ["--force"], ("did not write", ".yaml")),
    ("previous_output_without_force", "previous", [], ("--force to replace",)),
    ("previous_output_with_a_user_file", "previous_plus", ["--force"], ("mine.txt",)),
    ("missing_parent", "no/such/parent/out", [], ("parent exists",)),
    ("a_symlink", "link", [], ("not a symbolic link",)),
    ("read_only_place", "/proc/samen-test-out", [], ("writable place",)),
]


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    """A working folder with a file, a copy of the scenarios, previous outputs and a link."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("keep me")
    copy = tmp_path / "scenarios_copy"
    copy.mkdir()
    for f in SCENARIOS.glob("*.yaml"):
        (copy / f.name).write_bytes(f.read_bytes())
    previous_output(tmp_path / "previous")
    previous_output(tmp_path / "previous_plus")
    (tmp_path / "previous_plus" / "mine.txt").write_text("my notes")
    (tmp_path / "link").symlink_to(copy, target_is_directory=True)
    return tmp_path


@pytest.mark.parametrize(("out", "extra", "words"), [c[1:] for c in OUT_CASES],
                         ids=[c[0] for c in OUT_CASES])
def test_output_places_that_would_harm_are_refused(workspace, out, extra, words) -> None:
    if out.startswith("/proc") and not Path("/proc").is_dir():
        pytest.skip("no /proc")
    root_before = {p.name for p in Path("/").iterdir()}
    for command in (["run", "plan_2022"], ["compare", "plan_2022", "realised_2023"]):
        cli_refuses([*command, "--out", out, *extra], workspace, file=None, key="--out",
                    words=words)
    assert {p.name for p in Path("/").iterdir()} == root_before  # no ..tmp-* in /


def test_force_replaces_a_previous_output(tmp_path) -> None:
    folder = previous_output(tmp_path / "out")
    before = json.loads((folder / "manifest.json").read_text())["files"]
    code, out, err = run_cli(["run", "realised_2023", "--out", folder, "--force"])
    assert code == 0, err
    after = json.loads((folder / "manifest.json").read_text())
    assert after["scenarios"][0]["name"] == "realised_2023" and set(after["files"]) == set(before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging left


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_parent_is_refused(tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    cli_refuses(["run", "plan_2022", "--out", locked / "out"], tmp_path, file=None,
                key="--out", words=("read-only",))


def test_analysis_outputs_are_guarded_too(tmp_path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "data.csv").write_text("x\n1\n")
    cli_refuses(["tornado", "uncertainty_2023", "--out", folder], tmp_path, file=folder,
                key="--out", words=("data.csv",))


# ------------------------------------------------------------------ tables and formats


def test_csv_is_plain_and_provenance_is_beside_it(tmp_path) -> None:
    code, out, err = run_cli(["run", "realised_2023", "--out", tmp_path / "r"])
    assert code == 0, err
    yearly = pd.read_csv(tmp_path / "r" / "yearly.csv")  # no options
    assert yearly["year"].tolist() == list(range(2019, 2031))
    info = json.loads((tmp_path / "r" / "manifest.json").read_text())
    assert info["files"]["yearly.csv"]["bytes"] == (tmp_path / "r" / "yearly.csv").stat().st_size
    assert info["scenarios"][0]["hash"] in out  # printed with the key figures
    assert "Square deviation 2023-2025" in out and "Young people helped 2023" in out


def test_draws_write_percentiles_and_parquet_only_when_asked(tmp_path) -> None:
    code, out, err = run_cli(["run", "uncertainty_2023", "--draws", "300", "--seed", "4",
                              "--out", tmp_path / "mc"])
    assert code == 0, err
    names = {p.name for p in (tmp_path / "mc").iterdir()}
    assert "yearly.csv" not in names and "draws.parquet" not in names
    summary = pd.read_csv(tmp_path / "mc" / "summary.csv")
    assert len(summary) == 12 * (len(sm.simulate(sm.load_scenario(
        SCENARIOS / "realised_2023.yaml")).arrays))
    assert {"column", "year", "p5", "p50", "p95"} <= set(summary.columns)
    key = pd.read_csv(tmp_path / "mc" / "key_figures.csv").set_index("key_figure")
    assert key.loc["deviation_transition_eur", "share_of_draws"] == 1.0
    code, out, err = run_cli(["run", "uncertainty_2023", "--draws", "300", "--seed", "4",
                              "--per-draw", "--out", tmp_path / "pd"])
    assert code == 0, err
    table = pd.read_parquet(tmp_path / "pd" / "draws.parquet")
    assert len(table) == 300 * 12 and table["draw"].nunique() == 300
    assert "per-draw outputs" in out and "3,600 rows" in out and "KB" in out


# ------------------------------------------------------------------ finite, memory


def test_finiteness_check_names_column_year_and_inputs(realised) -> None:
    values = {"demand.inflow_trend": np.array([0.0, -1.0, 0.0])}  # set around the validation
    with np.errstate(all="ignore"):
        result = sm.simulate(realised, draws=3, values=values, sample=False)
    column, year, draw, _ = first_non_finite(result)
    assert draw == 1 and year == 2019
    with pytest.raises(SamenInputError) as info:
        check_finite(result, values)
    assert info.value.field == f"{column}, year 2019, draw 1"
    assert "demand.inflow_trend=-1" in info.value.expected
    assert first_non_finite(sm.simulate(realised)) is None


def test_memory_estimate_and_refusal() -> None:
    assert output_bytes(12, 1_000_000, 60) == 5_760_000_000  # 12 x 10^6 x 60 x 8 bytes
    assert available_bytes() > 0
    check_fits(12, 1000, 60, limit_bytes=12 * 1000 * 60 * 8)
    with pytest.raises(SamenInputError) as info:
        check_fits(12, 1001, 60, limit_bytes=12 * 1000 * 60 * 8)
    assert info.value.field == "draws" and "at most 1,000 draws" in info.value.expected


# ------------------------------------------------------------------ the report


def test_stale_staging_of_a_dead_run_is_removed_live_one_kept(tmp_path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    live = subprocess.Popen(["sleep", "30"])
    try:
        stale = tmp_path / f".20260101T000000.000000Z.tmp-{dead.pid}-abc123"
        running = tmp_path / f".20260101T000001.000000Z.tmp-{live.pid}-def456"
        for folder in (stale, running):
            folder.mkdir()
            (folder / "yearly.csv").write_text("half")
        other = tmp_path / ".my.hidden.folder"
        other.mkdir()
        build_report(SCENARIOS, tmp_path, names=["plan_2022"], notebooks=[], progress=False)
        assert not stale.exists() and running.exists() and other.exists()
    finally:
        live.kill()
        live.wait()


def test_latest_points_at_the_newest_completed_run(tmp_path) -> None:
    older, newer = tmp_path / "20260101T000000.000001Z", tmp_path / "20260101T000000.000002Z"
    for folder in (older, newer):
        with staged_dir(folder) as tmp:
            write_manifest({"package": "samen_model"}, tmp)
    assert point_latest(tmp_path, newer)
    assert not point_latest(tmp_path, older)  # finished later, started earlier
    assert os.readlink(tmp_path / "latest") == newer.name


def test_two_reports_at_once_do_not_collide(tmp_path) -> None:
    runs: list[Path] = []

    def one() -> None:
        runs.append(build_report(SCENARIOS, tmp_path, names=["plan_2022"], notebooks=[],
                                 progress=False))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(runs) == 2 and runs[0] != runs[1]
    assert os.readlink(tmp_path / "latest") == max(r.name for r in runs)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*(r.name for r in runs),
                                                                 "latest"])


def test_alias_bomb_does_not_hang(tmp_path) -> None:
    """438 bytes of nested aliases kept `samen validate` busy for minutes; now refused at once.

    The time bound is the subprocess timeout: a hang fails the test.
    """
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (["validate", path], ["run", path, "--out", tmp_path / "o"],
                 ["report", "--scenario-dir", tmp_path / "scenarios", "--notebooks",
                  "--out", tmp_path / "reports", "--quiet"]):
        done = subprocess.run([*SAMEN, *map(str, args)], capture_output=True, text=True,
                              timeout=60, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "at most 100,000 values once aliases are expanded" in done.stderr
        assert "Traceback" not in done.stderr
    assert {k for k in snapshot(tmp_path)} - set(before) <= {"reports"}  # the reports folder
    assert not any((tmp_path / "reports").iterdir())


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                    (signal.SIGTERM, 143, "terminated")])
def test_interrupted_report_ends_promptly_and_leaves_nothing(tmp_path, sig, code, word) -> None:
    out = tmp_path / "reports"
    proc = subprocess.Popen([*SAMEN, "report", "--scenario-dir", str(SCENARIOS), "--scenarios",
                             "plan_2022", "--notebooks", "03_uncertainty", "--out", str(out),
                             "--quiet"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and any(
            p.name.startswith(".") and ".tmp-" in p.name for p in out.iterdir())):
        time.sleep(0.05)
    time.sleep(0.5)  # notebooks running
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)  # promptly: not after the notebooks finish
    assert proc.returncode == code, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"samen: {word}; no output was left half-written"], err
    assert sorted(p.name for p in out.iterdir()) == []

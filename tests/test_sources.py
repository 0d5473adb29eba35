"""The sources registry: every parameter and observation cites a registered document; outputs
render title and date, never the key."""

from __future__ import annotations

import datetime as dt
import doctest
from pathlib import Path

import pytest

import samen_model as sm
from samen_model.errors import ObservationError, ScenarioError
from samen_model.scenario import sources as src
from samen_model.scenario.observations import load_observations

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


def test_registry_holds_the_documents_as_they_are_dated_and_referenced():
    reg = src.registry()
    # dates and references as printed on the documents (letterheads and title pages)
    assert reg["council-letter-2021"].date == dt.date(2021, 10, 29)
    assert reg["council-letter-2021"].reference["nl"] == "ons kenmerk 491101-2021"
    assert reg["memo-2021"].date == dt.date(2021, 12, 6)
    assert reg["memo-2021"].title["nl"] == "MEMO info totstandkoming SAMEN."
    assert reg["framework-2022"].date == dt.date(2022, 8, 31)
    assert reg["framework-2022"].title["nl"].startswith("Kaders van de opdracht en financiën")
    assert reg["evaluation-2023"].date == dt.date(2023, 12, 15)
    assert reg["evaluation-2023"].reference["nl"] == "ons kenmerk 373336-2023"
    assert reg["web-page-2022"].date is None and "6 september 2022" in reg[
        "web-page-2022"].when("nl")
    for key in ("ova", "basismonitor", "cbs-statline"):
        assert reg[key].type == "figures"
    assert {reg[k].type for k in ("estimate", "what-if", "model-choice")} == {
        "estimate", "what-if", "choice"}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_parameter_cites_registered_sources(path):
    scenario = sm.load_scenario(path)
    for p in scenario.params.values():
        citations = src.parse(p.source)
        assert citations, p.path
        for c in citations:
            assert c.key in src.registry(), (p.path, p.source)
        rendered = src.cite(p.source)
        assert not any(c.key + ":" in rendered for c in citations), rendered
    # what the documents fix carries a section
    leak = scenario.params["budget.ict_share"]
    assert src.cite(leak.source) == ("Kaders van de opdracht en financiën (31 augustus 2022), "
                                     "§8, 'Kosten huisvesting en ICT' (4,9%, op basis van de "
                                     "budgetten 2021)")


def test_every_observation_cites_a_registered_source():
    obs = load_observations(ROOT / "observations" / "groningen.yaml")
    for o in obs:
        assert all(c.key in src.registry() for c in src.parse(o.source)), o.id
    helped = next(o for o in obs if o.id == "helped_2023")
    assert src.cite(helped.source) == "Evaluatie Basis jeugdhulp 2023 (15 december 2023), §2"
    assert src.cite(helped.source, "en") == "Evaluatie Basis jeugdhulp 2023 (15 December 2023), §2"


def test_parse_splits_only_before_a_registered_key():
    cites = src.parse("estimate: genomen als 2025; daarna vast; evaluation-2023: §3")
    assert [(c.key, c.detail) for c in cites] == [
        ("estimate", "genomen als 2025; daarna vast"), ("evaluation-2023", "§3")]
    assert src.cite("what-if: x", "nl") == "Aanname van het scenario (wat als): x"
    assert src.is_assumption("estimate: a; what-if: b")
    assert src.is_assumption("estimate: a; memo-2021: bijlage 2")
    assert not src.is_assumption("memo-2021: bijlage 2; evaluation-2023")
    assert src.basis("memo-2021: x; basismonitor") == "figures"
    assert [s.key for s in src.cited_sources(["estimate: a; memo-2021: x", "evaluation-2023"])] \
        == ["memo-2021", "evaluation-2023"]


def test_doctests():
    assert doctest.testmod(src).failed == 0


def test_full_entry_names_kind_body_date_and_reference():
    text = src.registry()["evaluation-2023"].full("nl")
    assert text == ("Evaluatie Basis jeugdhulp 2023 (raadsbrief; college van B&W, gemeente "
                    "Groningen, 15 december 2023, ons kenmerk 373336-2023)")


def test_unknown_key_in_a_scenario_is_refused(tmp_path):
    (tmp_path / "v.yaml").write_text(
        f"schema_version: 1\nextends: {ROOT / 'scenarios' / 'realised_2023.yaml'}\n"
        "parameters:\n  routing:\n    leakage: {value: 0.2, source: 'notes 003 §2'}\n",
        encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"v\.yaml: parameters\.routing\.leakage\.source: "
                       r"a source '<key>: <section>' .*evaluation-2023.*got 'notes 003 §2'"):
        sm.load_scenario(tmp_path / "v.yaml", input_root="/")  # extends a file elsewhere


def test_unknown_key_in_an_observation_is_refused(tmp_path):
    text = (ROOT / "observations" / "groningen.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "obs.yaml"
    bad.write_text(text.replace('source: "memo-2021: bijlage 2"', 'source: "design note §9"', 1),
                   encoding="utf-8")
    with pytest.raises(ObservationError, match=r"observations\[4\]\.source: a source .*got "
                       r"'design note §9'"):
        load_observations(bad)


def test_malformed_registry_is_refused(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("schema_version: 1\nsources:\n  x-1:\n    type: book\n    kind: a\n"
                   "    title: t\n    body: b\n    date: null\n", encoding="utf-8")
    with pytest.raises(src.SourceError, match=r"sources\.x-1\.type: one of document"):
        src.load_registry(bad)
    bad.write_text("schema_version: 1\nsources:\n  Bad_Key: {}\n", encoding="utf-8")
    with pytest.raises(src.SourceError, match="lower-case letters"):
        src.load_registry(bad)

"""Parameters for readers: label, value with its unit (Dutch or English), source by title and date.

Labels, descriptions, themes and units come from ``data/parameters.yaml``
(:mod:`samen_model.scenario.labels`), sources from the registry
(:mod:`samen_model.scenario.sources`). Nothing here computes a model number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from samen_model.present import formatting as fmt
from samen_model.scenario import labels as lb
from samen_model.scenario import sources as src
from samen_model.scenario.quotes import quotes_for
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.sources import cite
from samen_model.scenario.validation import ParamInfo
from samen_model.scenario.values import Distribution

WORDS = {
    "nl": {"yes": "ja", "no": "nee", "shipped": "meegeleverde reeks (0-17 geschat)",
           "triangular": "driehoeksverdeling van {low} tot {high}, meest waarschijnlijk {mode}",
           "uniform": "gelijk verdeeld tussen {low} en {high}",
           "normal": "normaal verdeeld, gemiddeld {mean}, standaardafwijking {sd}",
           "lognormal": "lognormaal verdeeld, mediaan {median}, spreiding {sigma}",
           "beta": "bètaverdeling, gemiddeld {mean}",
           "bounded": ", begrensd op {low} tot {high}",
           "posterior": "na kalibratie op de cijfers: mediaan {median}, 90% tussen {p5} en {p95}"},
    "en": {"yes": "yes", "no": "no", "shipped": "shipped series (0-17 estimated)",
           "triangular": "triangular distribution from {low} to {high}, most likely {mode}",
           "uniform": "uniform between {low} and {high}",
           "normal": "normal, mean {mean}, standard deviation {sd}",
           "lognormal": "lognormal, median {median}, spread {sigma}",
           "beta": "beta distribution, mean {mean}",
           "bounded": ", bounded to {low} to {high}",
           "posterior": "after calibration on the figures: median {median}, 90% between {p5} and "
                        "{p95}"},
}


#: The words of the values of a ``choice`` parameter (catalogue ``Spec.choices``).
CHOICE_WORDS = {
    "overflow": {"nl": "overloop naar open-house-aanbieders",
                 "en": "overflow to open-house providers"},
    "waiting_list": {"nl": "wachtlijst", "en": "waiting list"},
    "off": {"nl": "uit", "en": "off"},
    "final_budget": {"nl": "eindbudget begrensd", "en": "final budget capped"},
    "execution_budget": {"nl": "uitvoeringsbudget begrensd", "en": "execution budget capped"},
    "up_to_t-2": {"nl": "groei tot 1 januari t-2 (telling t-2 tegen t-3)",
                  "en": "growth up to 1 January t-2 (count t-2 over t-3)"},
    "during_t-2": {"nl": "groei in het jaar t-2 (1 januari t-1 tegen t-2)",
                   "en": "growth during year t-2 (1 January t-1 over t-2)"},
    "t2_rule": {"nl": "t-2-methode loopt door, WIJ houdt het verschil",
                "en": "t-2 method continued, WIJ keeps the difference"},
    "settlement": {"nl": "t-2-methode loopt door, verrekend met de werkelijke kosten",
                   "en": "t-2 method continued, settled against the actual cost"},
    "reeel": {"nl": "reëel budget uit de werkelijke kosten van het laatste overgangsjaar",
              "en": "realistic budget from the actual cost of the last transition year"},
    "kept": {"nl": "WIJ houdt het resultaat", "en": "WIJ keeps its result"},
    "settled": {"nl": "verrekend", "en": "settled"},
}


BASIS_WORDS = {
    "nl": {"document": "document", "figures": "publieke cijfers", "estimate": "schatting",
           "what-if": "wat-als", "choice": "modelkeuze"},
    "en": {"document": "document", "figures": "public figures", "estimate": "estimate",
           "what-if": "what-if", "choice": "modelling choice"},
}


def _number(info: ParamInfo, x: float, language: str) -> str:
    """One number of a parameter in the format of its kind (no unit)."""
    kind = info.spec.kind
    if kind in ("share", "signed_fraction") or info.spec.unit.startswith("fraction"):
        return fmt.pct_auto(x, language)
    if kind == "percent":
        return fmt.number_auto(x, language, 2) + "%"
    if kind == "year":
        return fmt.year(x)
    if kind == "amounts" or info.spec.unit.startswith("EUR"):
        return fmt.eur_param(x, language)
    return fmt.number_auto(x, language)


def unit_text(path: str, scenario: Scenario | None, language: str = "nl") -> str:
    """The unit written after a value (``per jaar (prijzen 2021)``), '' when none."""
    entry = lb.label_of(path)
    text = entry.unit[language] if entry else ""
    if "{price_base_year}" in text:
        base = scenario.value("time.price_base_year") if scenario is not None else "basisjaar"
        text = text.replace("{price_base_year}", str(base))
    return text


def _distribution(info: ParamInfo, d: Distribution, language: str) -> str:
    w = WORDS[language]

    def num(x: float | None) -> str:
        return _number(info, x, language)

    if d.kind == "posterior":  # a calibrated scenario's marginal (scenario.posterior)
        p5, median, p95 = (float(d.ppf(q)) for q in (0.05, 0.5, 0.95))
        return w["posterior"].format(median=num(median), p5=num(p5), p95=num(p95))
    if d.kind == "beta":
        text = w["beta"].format(mean=num(d.alpha / (d.alpha + d.beta)))
    elif d.kind == "lognormal":
        text = w["lognormal"].format(median=num(d.median), sigma=fmt.pct_auto(d.sigma, language))
    elif d.kind == "normal":
        text = w["normal"].format(mean=num(d.mean), sd=num(d.sd))
    else:
        text = w[d.kind].format(low=num(d.low), high=num(d.high), mode=num(d.mode))
    if d.kind in ("normal", "lognormal", "beta") and d.low is not None and d.high is not None:
        text += w["bounded"].format(low=num(d.low), high=num(d.high))
    return text


#: ``value_text``'s default: the parameter's own value (None is a value: an empty optional one).
OWN = object()


def value_text(info: ParamInfo, scenario: Scenario | None = None, language: str = "nl",
               value: Any = OWN) -> str:
    """A parameter value for a reader, with its unit: ``€ 46,0 mln per jaar (prijzen 2021)``,
    ``10% van de nieuwe hulpvragen``, ``2022: € 2,5 mln; 2023: € 1,0 mln; 2024: € 0,5 mln``.

    ``value`` replaces the parameter's own value (to show another scenario's value).
    """
    fmt.check_language(language)
    value = info.value if value is OWN else value
    kind = info.spec.kind
    if kind == "bool":
        return WORDS[language]["yes" if value else "no"]
    if kind == "choice":
        return CHOICE_WORDS.get(str(value), {}).get(language, str(value))
    if kind == "path":
        return Path(value).name if value else WORDS[language]["shipped"]
    if value is None and info.spec.optional:
        entry = lb.label_of(info.path)
        return entry.null_text[language] if entry and entry.null_text else fmt.MISSING
    if isinstance(value, Distribution):
        text = _distribution(info, value, language)
    elif isinstance(value, dict):
        text = "; ".join(f"{y}: {_number(info, v, language)}" for y, v in sorted(value.items()))
    else:
        text = _number(info, value, language)
    unit = unit_text(info.path, scenario, language)
    return f"{text} {unit}" if unit and kind != "year" else text


def label_text(scenario: Scenario, path: str, language: str = "nl") -> str:
    """A parameter's label; a product or referrer's own label first (``Gezinsbegeleiding:
    aandeel``). Falls back to the path when the labels file has no entry."""
    entry = lb.label_of(path)
    label = entry.label[language] if entry else path
    parts = path.split(".")
    if len(parts) == 3 and parts[1] in scenario.tree["parameters"].get(parts[0], {}):
        return f"{scenario.label(parts[0], parts[1], language)}: {label}"
    return label


def theme_of(path: str) -> str:
    """The theme key of a parameter (its group when the labels file has no entry)."""
    entry = lb.label_of(path)
    return entry.theme if entry else path.split(".")[0]


@dataclass(frozen=True)
class RegisterRow:
    """One parameter in the assumptions register, as text for a reader."""

    path: str
    theme: str
    label: str
    description: str
    value: str
    source: str
    basis: str  # what-if, estimate, choice, figures or document (sources.basis)
    quote: str = ""  # for a document: the words the value rests on ("…"; "…")


def register_rows(scenario: Scenario, language: str = "nl",
                  paths: Sequence[str] | None = None) -> list[RegisterRow]:
    """Every parameter (or those in ``paths``) as a :class:`RegisterRow`, grouped by theme in
    register order, then in catalogue order."""
    fmt.check_language(language)
    order = {t: i for i, t in enumerate(lb.theme_order())}
    rows = []
    for path, info in scenario.params.items():
        if paths is not None and path not in paths:
            continue
        entry = lb.label_of(path)
        rows.append(RegisterRow(
            path=path, theme=theme_of(path), label=label_text(scenario, path, language),
            description=entry.description[language] if entry else info.description,
            value=value_text(info, scenario, language),
            source=src.cite(info.source, language), basis=src.basis(info.source),
            quote="; ".join(f"“{q.words}”" for q in quotes_for(path))
            if src.basis(info.source) == "document" else ""))
    return sorted(rows, key=lambda r: order.get(r.theme, len(order)))


def differing_paths(scenarios: Sequence[Scenario], main: Scenario) -> list[str]:
    """Parameters whose value differs between ``main`` and any of ``scenarios``."""
    out = []
    for path, info in main.params.items():
        if any(path in s.params and s.params[path].value != info.value for s in scenarios):
            out.append(path)
    return out


def differing_rows(scenarios: Sequence[Scenario], main: Scenario,
                   language: str = "nl") -> list[dict[str, str]]:
    """One row per scenario and parameter that differs from ``main``: scenario title, label,
    the value there and in the main scenario (text for a reader)."""
    w = {"nl": ("Scenario", "Aanname", "Waarde in dit scenario", "Waarde in het hoofdscenario"),
         "en": ("Scenario", "Assumption", "Value in this scenario", "Value in the main scenario")
         }[fmt.check_language(language)]
    rows = []
    for s in scenarios:
        if s is main:
            continue
        for path in differing_paths([s], main):
            info = main.params[path]
            rows.append({w[0]: s.title, w[1]: label_text(main, path, language),
                         w[2]: value_text(info, s, language, s.params[path].value),
                         w[3]: value_text(info, main, language)})
    return rows


def format_value(value) -> str:
    """A parameter value as short text: scalar, series or distribution; empty for null (an
    optional year, the shipped data file: the description says what empty means)."""
    if value is None:
        return ""
    if isinstance(value, Distribution):
        fields = {k: v for k, v in value.__dict__.items() if k != "kind" and v is not None}
        return f"{value.kind}(" + ", ".join(f"{k}={v:g}" for k, v in fields.items()) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{y}: {v:g}" for y, v in sorted(value.items())) + "}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def assumptions_register(scenario: Scenario, language: str = "en") -> pd.DataFrame:
    """Every parameter with value, unit, description and source (each cited document by its
    title and date, :func:`samen_model.scenario.sources.cite`)."""
    return pd.DataFrame(
        [{"parameter": p.path, "value": format_value(p.value), "unit": p.unit,
          "description": p.description, "source": cite(p.source, language)}
         for p in scenario.params.values()]
    )

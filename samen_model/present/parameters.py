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
from samen_model.present import messages as msg
from samen_model.scenario import labels as lb
from samen_model.scenario import sources as src
from samen_model.scenario.quotes import quotes_for
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.sources import cite
from samen_model.scenario.validation import ParamInfo
from samen_model.scenario.values import Distribution

#: The words of the values of a ``choice`` parameter (catalogue ``Spec.choices``), by value in
#: both languages (messages ``register.choice.*``).
CHOICE_WORDS = msg.by_key("register.choice")


#: The register's words by language (messages ``register.*``; the explorer reads yes and no).
WORDS = {lang: msg.words("register", lang) for lang in msg.LANGUAGES}
#: What a value rests on, by language (messages ``register.basis.*``).
BASIS_WORDS = {lang: msg.words("register.basis", lang) for lang in msg.LANGUAGES}


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
    w = msg.words("register", language)

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
        return msg.text("register.yes" if value else "register.no", language)
    if kind == "choice":
        return CHOICE_WORDS.get(str(value), {}).get(language, str(value))
    if kind == "path":
        return Path(value).name if value else msg.text("register.shipped", language)
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
    w = msg.words("register.differing", language)["headers"]
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

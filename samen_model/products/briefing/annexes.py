"""The briefing's annexes: the budget rule year by year, the assumptions register (each
"document" row with the words of the document it rests on), the sources and the colophon
(provenance in words: when, by whom, which scenarios, how many computed situations, the run
key; versions and hashes stay in the manifest)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.model.money import DISCOUNT_RATE
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present import parameters as rp
from samen_model.present.tables.results import budget_steps_frame, budget_steps_table
from samen_model.products.briefing import text as tx
from samen_model.products.briefing.content import Section
from samen_model.products.briefing.regimes import REGIME_PARAMETER, REGIME_SHORT, years_of
from samen_model.scenario import labels as lb
from samen_model.scenario import sources as src
from samen_model.scenario.observations import Observation, Observations

#: The key-figure annex's words by language (``briefing.key_figure.*``, WIJ's result
#: ``briefing.wij``).
KEY_FIGURE_WORDS: dict[str, dict[str, str | tuple[str, ...]]] = {
    lang: {**msg.words("briefing.key_figure", lang), "wij": tx.WIJ_WORDS[lang]}
    for lang in msg.LANGUAGES}


#: Key figures whose direction is not besparing / extra kosten, by the start of their name.
DIRECTION = {"dev": "deviation", "wij": "wij_result"}


def key_figure_rows(results: Sequence[Result], language: str = "nl"
                    ) -> tuple[list[str], list[list[str]]]:
    """Every key figure of the registry (:mod:`samen_model.analysis.key_figures`) per scenario,
    signs in words; (header: the main scenario, then the others by title; rows)."""
    w = KEY_FIGURE_WORDS[fmt.check_language(language)]
    y = years_of(results[0])
    price = int(results[0].scenario.value("time.price_base_year"))
    rate = fmt.pct(DISCOUNT_RATE, 2, language)
    centrals = [kf.central(r) for r in results]
    rows = []
    for name in kf.REGISTRY:
        values = [float(c[name]) for c in centrals]
        if kf.REGISTRY[name].only_when_nonzero and not any(values):
            continue
        if name in w:  # money with its direction in words (one sign convention)
            words = w[next((k for k in ("dev", "wij") if name.startswith(DIRECTION[k])),
                           "net")]
            label = w[name].format(price=price, rate=rate, **y)
            cells = [fmt.signed_words(v, words, 2, language) for v in values]
        elif name.startswith("payback_year"):
            label = kf.label(name, language, results)
            cells = [w["no_payback"].format(**y) if v != v else fmt.year(v) for v in values]
        else:
            label = kf.label(name, language, results)
            cells = [fmt.key_figure(name, v, language) for v in values]
        rows.append([label, *cells])
    # the short title (the part before its brackets): the risks table gives the full one
    return [w["kf"], w["main"], *[r.scenario.title.split(" (")[0] for r in results[1:]]], rows


def key_figures(s: Section, results: Sequence[Result], y: dict[str, int],
                language: str) -> None:
    """The key figures per scenario as one table."""
    head, rows = key_figure_rows(results, language)
    n = len(head) - 1
    s.table(head, rows, KEY_FIGURE_WORDS[language]["caption"].format(**y),
            widths=[1.9, *[1.0] * n], align=["l", *["r"] * n])


#: Row labels of the budget-rule annex (the step names of the budget table, in plain words).
BUDGET_LABELS: dict[str, list[str]] = {lang: list(msg.texts("briefing.budget_labels", lang))
                                      for lang in msg.LANGUAGES}


def budget(s: Section, main: Result, y: dict[str, int], language: str) -> None:
    w = tx.t(language)
    last = min(y["end"] + 2, y["last"])
    steps = budget_steps_table(main, language, last=last)
    frame = budget_steps_frame(main, last=last).to_numpy()
    labels = BUDGET_LABELS[language] if len(BUDGET_LABELS[language]) == len(steps.index) \
        else list(steps.index)
    rows = [[label, *[fmt.number(v / 1e6, 2, language) for v in values]]
            for label, values in zip(labels, frame, strict=True)
            if np.any(np.abs(values) >= 5_000)]  # no rows of zeros
    cols = [str(c) for c in steps.columns]
    s.table([w["budget_step"], *cols], rows,
            w["budget_caption"].format(first=y["start"], next_year=y["start"] + 1),
            widths=[3.4, *[1.0] * len(cols)], align=["l", *["r"] * len(cols)])


def _register_notes() -> dict[str, dict[str, dict[str, str]]]:
    notes: dict[str, dict[str, dict[str, str]]] = {}
    for key, entry in msg.by_key("briefing.register_note").items():
        path, regime = key.rsplit(".", 1)
        notes.setdefault(path, {})[regime] = entry
    return notes


#: What a register value means under a regime after the transition, by parameter and regime
#: (catalogue messages ``briefing.register_note.<parameter>.<regime>``).
REGISTER_NOTES: dict[str, dict[str, dict[str, str]]] = _register_notes()


#: Register values a reader says otherwise (a ratio of exactly one).
VALUE_WORDS: dict[str, str] = {registered: said
                               for entry in msg.by_key("briefing.value_words").values()
                               for registered, said in entry.values()}


def register_value(path: str, value: str, regime: str, language: str) -> str:
    """The register's value of ``path`` as a reader says it (:data:`VALUE_WORDS`), with what
    it means under ``regime`` where that differs from the switch alone
    (:data:`REGISTER_NOTES`)."""
    value = VALUE_WORDS.get(value, value)
    note = REGISTER_NOTES.get(path, {}).get(regime)
    return f"{value}; {note[language]}" if note else value


def regime_words(text: str, language: str) -> str:
    """``text`` with the model's regime keys (``reeel``, ``t2_rule``, ``settlement``) in
    words (a source note may name them)."""
    return re.sub(r"\b(reeel|t2_rule|settlement)\b",
                  lambda m: REGIME_SHORT[m.group(1)][language], text)


def register(s: Section, results: Sequence[Result], language: str) -> None:
    w = tx.t(language)
    main = results[0].scenario
    rows = rp.register_rows(main, language)
    counts = {b: sum(r.basis == b for r in rows) for b in rp.BASIS_WORDS[language]}
    parts = [f"{n} {_basis_plural(b, n, language)}" for b, n in counts.items() if n]
    s.paragraph(w["register_count"].format(n=len(rows), parts=tx.join(parts, language)))
    regime = str(main.value(REGIME_PARAMETER)) if REGIME_PARAMETER in main.params else ""
    for theme in dict.fromkeys(r.theme for r in rows):
        s.table(list(w["register_head"]),
                [[r.label, register_value(r.path, r.value, regime, language),
                  rp.BASIS_WORDS[language][r.basis],
                  regime_words(f"{r.source}: {r.quote}" if r.quote else r.source,
                               language)]
                 for r in rows if r.theme == theme],
                w["register_caption"].format(theme=lb.theme_label(theme, language)
                                             .rstrip(".")),
                widths=[2.6, 2.6, 1.6, 5.2])


#: How many assumptions rest on what, by language and basis: (one, several).
BASIS_PLURAL: dict[str, dict[str, tuple[str, ...]]] = {
    lang: msg.words("briefing.basis_plural", lang) for lang in msg.LANGUAGES}


def _basis_plural(basis: str, n: int, language: str) -> str:
    return BASIS_PLURAL[language][basis][0 if n == 1 else 1]


def sources(s: Section, results: Sequence[Result], uncertain: Any,
             observed: Sequence[Observation], language: str) -> None:
    texts = [p.source for r in results for p in r.scenario.params.values()]
    texts += [o.source for o in observed]
    if uncertain is not None:
        texts += [p.source for p in uncertain.params.values()]
    s.paragraph(tx.t(language)["sources_intro"])
    s.bullets([d.full(language) for d in src.cited_sources(texts)])


def colophon(s: Section, info: dict[str, Any], main: Result, others: Sequence[Result],
              summary: MonteCarloSummary | None, observations: Observations | None,
              y: dict[str, int], author: str, language: str) -> None:
    """Provenance in words: when, by whom, which scenarios, how many situations, the run key;
    versions and hashes stay in the manifest."""
    w = tx.t(language)
    when = dt.datetime.fromisoformat(info["created_utc"].replace("Z", "+00:00"))
    created = f"{src.format_date(when.date(), language)}, {when:%H:%M}"
    s.paragraph(w["colophon"].format(
        created=created, author=author,
        main=f"‘{main.scenario.title}’ (scenario {main.scenario.name})",
        others=tx.join([r.scenario.title for r in others], language) or "–",
        draws=fmt.count(summary.draws, language) if summary else "0",
        seed=summary.seed if summary else "–", key=info.get("run_key", "")))
    if observations is not None and observations.path is not None:
        keys = dict.fromkeys(str(o.source).split(":")[0].strip() for o in observations
                             if o.year == y["last_obs"])
        docs = [src.cite(k, language) for k in keys if k in src.registry()]
        if docs:
            s.paragraph(w["colophon_observations"].format(file=tx.join(docs, language), **y))

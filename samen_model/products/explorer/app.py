"""The what-if explorer: sliders, key figures and a chart that follow them, save as scenario.

``Explorer(...).widget`` is an ipywidgets box for JupyterLab and Voilà (``notebooks/05_explorer``).
Every lever change calls :meth:`Explorer.update` (one deterministic run, a few milliseconds, and
the chart); :meth:`Explorer.save` writes the what-if as ``NAME.yaml`` beside the scenarios (or in
``save_dir``) through :func:`samen_model.products.explorer.whatif.save`. Tests drive both methods
without a browser. DOM classes (``samen-lever-<key>``, ``samen-key-figures``, ``samen-save-*``)
let a browser test find the widgets.
"""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

import ipywidgets as w

from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present.manifest import manifest, provenance_line
from samen_model.products.explorer.chart import png, whatif_chart
from samen_model.products.explorer.levers import Lever, lever_range, levers_for, start_settings
from samen_model.products.explorer.whatif import WhatIf, evaluate, key_figures_html, save
from samen_model.scenario.library import find_scenario_dir, load_named, scenario_names
from samen_model.scenario.writer import variant_text

TEXT = {
    "nl": {"base": "Basisscenario", "levers": "Knoppen", "reset": "Terug naar basis",
           "name": "Naam", "note": "Toelichting", "save": "Opslaan als scenario",
           "note_hint": "waarom deze waarden? (wordt de bron in het bestand)",
           "changes": "Wat verandert (dit bestand wordt opgeslagen)",
           "no_changes": "Nog niets veranderd: alle knoppen staan op het basisscenario.",
           "saved": "Opgeslagen", "valid": "samen validate: ok", "ran": "berekend in"},
    "en": {"base": "Base scenario", "levers": "Levers", "reset": "Back to base",
           "name": "Name", "note": "Note", "save": "Save as scenario",
           "note_hint": "why these values? (becomes the source in the file)",
           "changes": "What changes (this file is saved)",
           "no_changes": "Nothing changed yet: every lever is at the base scenario.",
           "saved": "Saved", "valid": "samen validate: ok", "ran": "computed in"},
}
READOUT = {"share": ".1%", "eur": ",.0f", "number": ".1f", "year": "d"}
DEFAULT_NAME = "mijn_whatif"


def _readout(lever: Lever) -> str:
    """d3 format of the slider's readout: shares as percentages, finer steps with 2 decimals."""
    if lever.unit == "share" and lever.step < 0.005:
        return ".2%"
    return READOUT[lever.unit]


def _slider(lever: Lever, value: float, lo: float, hi: float, language: str) -> w.Widget:
    common = {"description": lever.label(language), "continuous_update": False,
              "style": {"description_width": "250px"}, "layout": w.Layout(width="630px")}
    if lever.unit == "year":
        s = w.IntSlider(value=int(value), min=int(lo), max=int(hi), step=1, **common)
    else:
        s = w.FloatSlider(value=value, min=lo, max=hi, step=lever.step,
                          readout_format=_readout(lever), **common)
    s.add_class(f"samen-lever-{lever.key}")
    return s


class Explorer:
    """A live what-if on a base scenario (a name in ``scenario_dir``); see the module doc."""

    def __init__(self, scenario: str = "realised_2023", language: str = "nl",
                 scenario_dir: str | Path = "", save_dir: str | Path = "",
                 chart: bool = True) -> None:
        self.language = fmt.check_language(language)
        self.folder = find_scenario_dir(scenario_dir)
        self.save_dir = Path(save_dir) if save_dir else self.folder
        t = TEXT[self.language]
        self.choice = w.Dropdown(options=scenario_names(self.folder), value=scenario,
                                 description=t["base"], style={"description_width": "120px"})
        self.choice.add_class("samen-base")
        self.reset_button = w.Button(description=t["reset"], icon="undo",
                                     layout=w.Layout(width="180px"))
        self.reset_button.add_class("samen-reset")
        self.key_figures = w.HTML()
        self.key_figures.add_class("samen-key-figures")
        self.chart = w.Image(format="png", layout=w.Layout(width="100%", max_width="1000px"))
        self.changes = w.HTML()
        self.changes.add_class("samen-changes")
        self.name = w.Text(value=DEFAULT_NAME, description=t["name"],
                           layout=w.Layout(width="420px"))
        self.name.add_class("samen-save-name")
        self.note = w.Textarea(placeholder=t["note_hint"], description=t["note"],
                               layout=w.Layout(width="630px", height="60px"))
        self.note.add_class("samen-save-note")
        self.save_button = w.Button(description=t["save"], button_style="primary", icon="save",
                                    layout=w.Layout(width="240px"))
        self.save_button.add_class("samen-save-button")
        self.status = w.HTML()
        self.status.add_class("samen-save-status")
        self.sliders: dict[str, w.Widget] = {}
        self.levers_box = w.VBox()
        self.whatif: WhatIf | None = None
        self.seconds = 0.0
        self.draw_chart = chart  # False: key figures only (scripted use, about 0.2 s less a move)
        self.choice.observe(lambda _c: self.load(self.choice.value), names="value")
        self.reset_button.on_click(lambda _b: self.reset())
        self.save_button.on_click(lambda _b: self.save())
        self.name.observe(lambda _c: self._show_changes(), names="value")
        self.note.observe(lambda _c: self._show_changes(), names="value")
        self.load(scenario)

    # ------------------------------------------------------------------ state
    def load(self, name: str) -> None:
        """Load a base scenario, put every lever at its value and show it."""
        base = load_named(name, self.folder)
        self.base_result = simulate(base)
        self.sliders = {}
        start = start_settings(base)
        for lever in levers_for(base):
            lo, hi = lever_range(base, lever)
            s = _slider(lever, start[lever.key], lo, hi, self.language)
            s.observe(lambda _c: self.update(), names="value")
            self.sliders[lever.key] = s
        self.levers_box.children = list(self.sliders.values())
        self.update()

    def settings(self) -> dict[str, float]:
        """The levers' positions, by key."""
        return {k: s.value for k, s in self.sliders.items()}

    def set(self, **settings: float) -> WhatIf:
        """Move levers (by key) as a person would; returns the updated what-if."""
        for key, value in settings.items():
            self.sliders[key].value = value
        return self.whatif

    def reset(self) -> None:
        """Every lever back to the base scenario's value."""
        for key, value in start_settings(self.base_result.scenario).items():
            self.sliders[key].value = value

    def update(self) -> None:
        """Recompute the what-if and refresh key figures, chart and the list of changes."""
        t0 = time.perf_counter()
        self.whatif = evaluate(self.base_result, self.settings(), self.language)
        self.seconds = time.perf_counter() - t0
        info = manifest([self.whatif.base, self.whatif.result], command="explorer")
        ran = f"{TEXT[self.language]['ran']} {self.seconds * 1000:.0f} ms"
        self.key_figures.value = (key_figures_html(self.whatif, self.language)
                                  + f"<div style='font-size:80%;color:#555'>{ran} · "
                                  f"{html.escape(provenance_line(info))}</div>")
        if self.draw_chart:
            self.chart.value = png(whatif_chart(self.whatif, self.language, info))
        self._show_changes()

    def _show_changes(self) -> None:
        t = TEXT[self.language]
        if self.whatif is None or not self.whatif.changed:
            self.changes.value = f"<b>{t['changes']}</b><p>{t['no_changes']}</p>"
            return
        target = self.save_dir / f"{self.name.value or DEFAULT_NAME}.yaml"
        note = self.note.value.strip() or "..."
        try:
            text = variant_text(self.base_result.scenario, self.whatif.changed, note, target)
        except SamenInputError as exc:
            text = str(exc)
        self.changes.value = f"<b>{t['changes']}</b><pre>{html.escape(text)}</pre>"

    # ------------------------------------------------------------------ save
    def save(self) -> Any:
        """Write the what-if as ``save_dir/NAME.yaml``; show the result (or the error)."""
        t = TEXT[self.language]
        try:
            scenario = save(self.whatif, self.save_dir, self.name.value.strip(), self.note.value)
        except SamenInputError as exc:
            self.status.value = f"<span style='color:#b00'>{html.escape(str(exc))}</span>"
            return None
        where = html.escape(str(scenario.path))
        self.status.value = (f"<span style='color:#060'>{t['saved']}: {where} "
                             f"(#{scenario.hash}) · {t['valid']}</span>")
        return scenario

    # ------------------------------------------------------------------ layout
    @property
    def widget(self) -> w.Widget:
        """The whole explorer as one box (display it in a notebook)."""
        t = TEXT[self.language]
        left = w.VBox([w.HBox([self.choice, self.reset_button]), w.HTML(f"<b>{t['levers']}</b>"),
                       self.levers_box, self.name, self.note, self.save_button, self.status],
                      layout=w.Layout(width="650px", min_width="650px"))
        right = w.VBox([self.key_figures, self.changes], layout=w.Layout(margin="0 0 0 16px"))
        return w.VBox([w.HBox([left, right]), self.chart])

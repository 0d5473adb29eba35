"""The what-if explorer: sliders, key figures and a chart that follow them, save as scenario.

``Explorer(...).widget`` is an ipywidgets box for JupyterLab and Voilà (``notebooks/05_explorer``).
Every lever change calls :meth:`Explorer.update`: one deterministic run (a few milliseconds), a
Monte Carlo of :data:`~samen_model.products.explorer.whatif.BAND_DRAWS` draws of the uncertain
scenario with the same lever positions (the 5-95% band and the chance of a capacity shortfall,
tens of milliseconds) and the chart. Sliders of shares read in percent, so typing "5" or "5%"
in a box means 5%. :meth:`Explorer.save` writes the what-if as ``NAME.yaml`` beside the
scenarios (or in ``save_dir``) through :func:`samen_model.products.explorer.whatif.save`, with
the name as the box shows it at the click (:meth:`Explorer.clicked`). Tests drive the methods
without a browser. DOM classes (``samen-lever-<key>``, ``samen-key-figures``, ``samen-band``,
``samen-save-*``) let a browser test find the widgets.
"""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

import ipywidgets as w

from samen_model.errors import SamenInputError, ScenarioError
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.manifest import manifest, provenance_line
from samen_model.products.explorer.chart import png, whatif_chart
from samen_model.products.explorer.levers import (
    Lever,
    Setting,
    counts,
    lever_range,
    levers_for,
    start_settings,
)
from samen_model.products.explorer.whatif import (
    Band,
    WhatIf,
    band,
    band_html,
    evaluate,
    key_figures_html,
    save,
    title_from_note,
)
from samen_model.scenario.library import find_scenario_dir, load_named, scenario_names
from samen_model.scenario.writer import NAME_PATTERN, variant_text

READOUT = {"share": ".1f", "eur": ",.0f", "number": ".1f", "year": "d"}
DEFAULT_NAME = "mijn_whatif"
#: The uncertain scenario whose distributions give the live band (when it exists).
UNCERTAINTY = "uncertainty_2023"


def _scale(lever: Lever) -> float:
    """Slider units per parameter unit: shares are shown (and typed) in percent."""
    return 100.0 if lever.unit == "share" else 1.0


def _to_parameter(lever: Lever, shown: Setting) -> Setting:
    """A widget's value in the parameter's unit (a share as a fraction; a choice as it is)."""
    return shown if lever.unit == "choice" else shown / _scale(lever)


def _to_widget(lever: Lever, value: Setting) -> Setting:
    return value if lever.unit == "choice" else value * _scale(lever)


def _readout(lever: Lever) -> str:
    """d3 format of the slider's readout: shares in percent (finer steps with 2 decimals)."""
    if lever.unit == "share" and lever.step < 0.005:
        return ".2f"
    return READOUT[lever.unit]


def _choice_words(value: Setting, language: str) -> str:
    """A choice in the words of the assumptions register (a switch: ja / nee)."""
    if isinstance(value, bool):
        return msg.text("register.yes" if value else "register.no", language)
    return msg.find(f"register.choice.{value}", language) or str(value)


def _slider(lever: Lever, value: Setting, lo: float, hi: float, language: str) -> w.Widget:
    label = lever.label(language) + (" (%)" if lever.unit == "share" else "")
    style, layout = {"description_width": "250px"}, w.Layout(width="630px")
    if lever.unit == "choice":
        s = w.Dropdown(options=[(_choice_words(c, language), c) for c in lever.choices()],
                       value=value, description=label, style=style, layout=layout)
        s.add_class(f"samen-lever-{lever.key}")
        return s
    common = {"description": label, "continuous_update": False, "style": style,
              "layout": layout}
    if lever.unit == "year":
        s = w.IntSlider(value=int(value), min=int(lo), max=int(hi), step=1, **common)
    else:
        k = _scale(lever)
        # a typed "5" or "5%" is read as 5 (the box parses the leading number): 5% of a share
        s = w.FloatSlider(value=value * k, min=lo * k, max=hi * k, step=lever.step * k,
                          readout_format=_readout(lever), **common)
    s.add_class(f"samen-lever-{lever.key}")
    return s


class Explorer:
    """A live what-if on a base scenario (a name in ``scenario_dir``); see the module doc."""

    def __init__(self, scenario: str = "realised_2023", language: str = "nl",
                 scenario_dir: str | Path = "", save_dir: str | Path = "",
                 chart: bool = True, uncertainty: str | None = UNCERTAINTY) -> None:
        self.language = fmt.check_language(language)
        self.folder = find_scenario_dir(scenario_dir)
        self.save_dir = Path(save_dir) if save_dir else self.folder
        t = msg.words("explorer.ui", self.language)
        names = scenario_names(self.folder)
        self.uncertain = load_named(uncertainty, self.folder) \
            if uncertainty and uncertainty in names else None
        self.band: Band | None = None
        self.band_box = w.HTML()
        self.band_box.add_class("samen-band-box")
        self.choice = w.Dropdown(options=names, value=scenario,
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
        # name and note go to the kernel when the box loses focus (pressing the save button
        # does that before the click), as one message: see :meth:`clicked`
        self.name = w.Text(value=DEFAULT_NAME, description=t["name"], continuous_update=False,
                           layout=w.Layout(width="420px"))
        self.name.add_class("samen-save-name")
        self.note = w.Textarea(placeholder=t["note_hint"], description=t["note"],
                               continuous_update=False,
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
        self.save_button.on_click(lambda _b: self.clicked())
        self.name.observe(lambda _c: self._show_changes(), names="value")
        self.note.observe(lambda _c: self._show_changes(), names="value")
        self.load(scenario)

    # ------------------------------------------------------------------ state
    def load(self, name: str) -> None:
        """Load a base scenario, put every lever at its value and show it."""
        base = load_named(name, self.folder)
        self.base_result = simulate(base)
        self.sliders = {}
        self.levers = {lever.key: lever for lever in levers_for(base)}
        start = start_settings(base)
        for lever in levers_for(base):
            lo, hi = lever_range(base, lever) if lever.unit != "choice" else (0.0, 0.0)
            s = _slider(lever, start[lever.key], lo, hi, self.language)
            s.observe(lambda _c: self.update(), names="value")
            self.sliders[lever.key] = s
        self.levers_box.children = list(self.sliders.values())
        self.update()

    def settings(self) -> dict[str, Setting]:
        """The levers' positions, by key, in the parameters' units (a share as a fraction,
        a choice as its word, a switch as True or False)."""
        return {k: _to_parameter(self.levers[k], s.value) for k, s in self.sliders.items()}

    def set(self, **settings: Setting) -> WhatIf:
        """Move levers (by key, in the parameters' units) as a person would; returns the
        updated what-if."""
        for key, value in settings.items():
            self.sliders[key].value = _to_widget(self.levers[key], value)
        return self.whatif

    def reset(self) -> None:
        """Every lever back to the base scenario's value."""
        self.set(**start_settings(self.base_result.scenario))

    def update(self) -> None:
        """Recompute the what-if and refresh key figures, chart and the list of changes."""
        t0 = time.perf_counter()
        base, now = self.base_result.scenario, self.settings()
        for key, slider in self.sliders.items():  # a lever that does not count is greyed out
            slider.disabled = not counts(self.levers[key], now, base)
        self.whatif = evaluate(self.base_result, now, self.language)
        if self.uncertain is not None:
            self.band = band(self.uncertain, now)
            start = int(self.base_result.scenario.value("time.samen_start_year"))
            self.band_box.value = band_html(self.band, start, self.language)
        self.seconds = time.perf_counter() - t0
        info = manifest([self.whatif.base, self.whatif.result], command="explorer")
        ran = f"{msg.text('explorer.ui.ran', self.language)} {self.seconds * 1000:.0f} ms"
        self.key_figures.value = (key_figures_html(self.whatif, self.language)
                                  + f"<div style='font-size:80%;color:#555'>{ran} · "
                                  f"{html.escape(provenance_line(info))}</div>")
        if self.draw_chart:
            self.chart.value = png(whatif_chart(self.whatif, self.language, info, self.band))
        self._show_changes()

    def _show_changes(self) -> None:
        t = msg.words("explorer.ui", self.language)
        if self.whatif is None or not self.whatif.changed:
            self.changes.value = f"<b>{t['changes']}</b><p>{t['no_changes']}</p>"
            return
        name = self.name.value.strip() or DEFAULT_NAME
        target = self.save_dir / f"{name}.yaml"
        note = self.note.value.strip() or "..."
        try:
            text = variant_text(self.base_result.scenario, self.whatif.changed, note, target,
                                title=title_from_note(name, self.note.value, self.language))
        except SamenInputError as exc:
            text = str(exc)
        self.changes.value = f"<b>{t['changes']}</b><pre>{html.escape(text)}</pre>"

    # ------------------------------------------------------------------ save
    def clicked(self) -> Any:
        """The save button: save with the name the box shows.

        The browser holds back a box's changes while the kernel still works on the box's
        previous one, but sends a click at once: with a change sent per keystroke, a click
        right after typing overtook the last letters ("analis.yaml" for "analist_weglek").
        Name and note are therefore sent whole when the box loses focus, which pressing the
        button does before the click, on the same connection: the kernel has the name first.
        """
        self.status.value = f"<span>{msg.text('explorer.ui.saving', self.language)}</span>"
        return self.save()

    def _refusal(self, exc: SamenInputError, name: str) -> str:
        """An error of the writer in the page's language and the analyst's words."""
        t = msg.words("explorer.ui", self.language)
        field = getattr(exc, "field", "")
        if field == "<file name>":
            return t["bad_name"].format(name=name)
        if field == "parameters" and "at least one value" in exc.expected:
            return t["nothing"]
        if field == "source":
            return t["need_note"]
        if field == "<file>" and "exists" in exc.expected:
            return t["exists"].format(path=Path(exc.file))
        if field == "extends":
            base = self.base_result.scenario
            return t["elsewhere"].format(base=base.path, folder=self.save_dir)
        return t["invalid"].format(field=field, expected=exc.expected)

    def save(self) -> Any:
        """Write the what-if as ``save_dir/NAME.yaml`` with the name and note the boxes hold
        now; show where (or why not, in the page's language)."""
        t = msg.words("explorer.ui", self.language)
        name = self.name.value.strip()
        problem = (t["empty_name"] if not name else
                   None if NAME_PATTERN.fullmatch(name) else t["bad_name"].format(name=name))
        if problem is None:
            try:
                scenario = save(self.whatif, self.save_dir, name, self.note.value,
                                language=self.language)
            except ScenarioError as exc:
                problem = self._refusal(exc, name)
        if problem is not None:
            self.status.value = f"<span style='color:#b00'>{html.escape(problem)}</span>"
            return None
        where = html.escape(str(scenario.path))
        self.status.value = (f"<span style='color:#060'>{t['saved']}: {where} "
                             f"(#{scenario.hash}) · {html.escape(scenario.title)} · "
                             f"{t['valid']}</span>")
        return scenario

    # ------------------------------------------------------------------ layout
    @property
    def widget(self) -> w.Widget:
        """The whole explorer as one box (display it in a notebook)."""
        t = msg.words("explorer.ui", self.language)
        left = w.VBox([w.HBox([self.choice, self.reset_button]), w.HTML(f"<b>{t['levers']}</b>"),
                       self.levers_box, self.name, self.note, self.save_button, self.status],
                      layout=w.Layout(width="650px", min_width="650px"))
        right = w.VBox([self.key_figures, self.band_box, self.changes],
                       layout=w.Layout(margin="0 0 0 16px"))
        return w.VBox([w.HBox([left, right]), self.chart])

"""The live what-if explorer (``notebooks/05_explorer.ipynb``, also a standalone Voilà page).

``levers`` (what a slider changes), ``whatif`` (run and compare with the base, save as a
scenario), ``chart`` and ``app`` (the ipywidgets user interface, :class:`Explorer`).
"""

from samen_model.products.explorer.app import Explorer
from samen_model.products.explorer.levers import LEVERS, Lever, changed_values, start_settings
from samen_model.products.explorer.whatif import WhatIf, evaluate, key_figures_table, save

__all__ = ["LEVERS", "Explorer", "Lever", "WhatIf", "changed_values", "evaluate",
           "key_figures_table", "save", "start_settings"]

"""Layer 5, products: what is handed to a person, each in a room of its own.

The council briefing (``briefing/``), the Excel workbook (``workbook/``), the what-if explorer
(``explorer/``), the notebooks' support (``notebooks/``), the ``samen report`` build
(``build/``), the posterior file of a calibration and the atomic writer every product writes
through. A product runs the model through the analysis layer and renders with ``present``.
Imports present, analysis, model and scenario.
"""

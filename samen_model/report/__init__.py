"""Layer 4, report: what a person reads.

Formatting (Dutch and English), narrative text, charts, display tables, provenance (manifest),
atomic output writing, the notebooks' helpers and the ``samen report`` build. It presents what
the analysis and model layers computed and computes nothing new. Imports analysis, model and
scenario.
"""

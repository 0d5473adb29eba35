"""Layer 4, present: the pieces of what a person reads.

Number and date formatting in Dutch and English, provenance (the manifest), the assumption
register, tables (``tables/``), sentences (``text/``) and charts (``charts/``). Turns what the
analysis and model layers computed into words, tables and figures; runs no model and writes no
file. Imports analysis, model and scenario.
"""

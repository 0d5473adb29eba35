"""Support for the notebooks in ``notebooks/``: what they call (:mod:`.toolkit`), their parameters, words and display, and the committed files."""

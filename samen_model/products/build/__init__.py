"""``samen report``: the configuration, notebook execution, HTML and the run folder."""

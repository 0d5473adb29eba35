"""``summary.xlsx``: the sheets (:mod:`.sheets`) and their Excel presentation (:mod:`.format`)."""

"""Words the ``samen`` command prints."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # labels of Monte Carlo numbers
    "cli.label.square_exceeded": {
        "nl": "Gesloten vierkant overschreden 2023-2025",
        "en": "Square exceeded 2023-2025 (overrun)",
    },
    "cli.label.no_payback_within_horizon": {
        "nl": "Niet terugverdiend binnen de horizon",
        "en": "No payback within the horizon",
    },
    "cli.label.share_below_zero": {"nl": "aandeel onder nul", "en": "share below zero"},
    "cli.label.share": {"nl": "aandeel trekkingen", "en": "share of draws"},
    "cli.label.cumulative_share": {"nl": "terugverdiend tot dan", "en": "paid back by then"},
    "cli.label.year": {"nl": "jaar", "en": "year"},
    "cli.label.mean": {"nl": "gemiddelde", "en": "mean"},
    "cli.label.output": {"nl": "uitkomst", "en": "output"},
    "cli.label.not within horizon": {
        "nl": "niet binnen de horizon",
        "en": "not within the horizon",
    },
}

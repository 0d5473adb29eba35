"""``summary.xlsx``: a sheet per scenario, the comparison, the assumptions, the manifest.
"""


from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from samen_model.analysis.compare import assumptions_register, compare
from samen_model.model.results import Result
from samen_model.report.manifest import provenance_line, run_text


def write_workbook(results: Sequence[Result], info: dict[str, Any], path: Path,
                   language: str = "nl") -> None:
    """``summary.xlsx``: one sheet per scenario, the comparison, the assumptions, the manifest."""
    nl = language == "nl"
    register = pd.concat([assumptions_register(r.scenario, language).assign(
                              scenario=r.scenario.name)
                          for r in results], ignore_index=True)
    register = register[["scenario", *[c for c in register.columns if c != "scenario"]]]
    table = compare(list(results)).reset_index()
    rows = [("provenance", provenance_line(info))]
    for key, value in info.items():
        if key == "scenarios":
            rows += [(f"scenario {s['name']}", f"#{s['hash']} {run_text(s)} files "
                      f"{', '.join(s['files'])}") for s in value]
        elif isinstance(value, dict):
            rows += [(f"{key}.{k}", str(v)) for k, v in value.items()]
        else:
            rows.append((key, str(value)))
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for r in results:
            r.yearly.to_excel(xl, sheet_name=r.scenario.name[:31], index=False)
        table.to_excel(xl, sheet_name="vergelijking" if nl else "comparison", index=False)
        register.to_excel(xl, sheet_name="aannames" if nl else "assumptions", index=False)
        pd.DataFrame(rows, columns=["field", "value"]).to_excel(xl, sheet_name="manifest",
                                                                index=False)
        xl.book.properties.title = "SAMEN. summary"
        xl.book.properties.description = provenance_line(info)

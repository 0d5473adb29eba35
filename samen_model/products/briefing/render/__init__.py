"""The briefing rendered: HTML (notebook and web), PDF (Typst) and Word (python-docx)."""

"""The council briefing: one content object (:mod:`.content`), composed from the runs
(:mod:`.compose`), shown in notebook 04 (:mod:`.html_render`) and written as PDF
(:mod:`.typst_render`) and Word (:mod:`.docx_render`) by ``samen report``."""

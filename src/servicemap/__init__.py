"""servicemap: a static site generator for a territorial map of help desks (sportelli).

Stages (one module each, arrows point down): load -> validate -> place -> render/export.
Only ``mkdocs_adapter`` imports MkDocs, so the core does not care which site generator sits on top.
"""

__version__ = "0.1.0"

"""A version as commissioners open it: the page context every rendering shares, a typeset PDF
(WeasyPrint) and a Word document (python-docx). Both carry the area, partnership, date, version
and status on every page."""

from .context import document_context, file_name, meta_rows, shown_evidence, with_leads
from .pdf import render_pdf
from .word import SETTINGS_AFTER_UPDATE, render_docx

__all__ = [
    "SETTINGS_AFTER_UPDATE",
    "document_context",
    "file_name",
    "meta_rows",
    "render_docx",
    "render_pdf",
    "shown_evidence",
    "with_leads",
]

"""Fixtures shared by the Statement of Intent export tests: an agreed version holding the content
a module asks for, and its Word and PDF files read back. Each module defines `version`."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader

from actlocally.statements import exports, services
from actlocally.statements.models import StatementVersion

AGREED_ON = datetime.date(2023, 11, 24)


def agreed_version(world, **content) -> StatementVersion:
    """Version 1 of the focus issue's statement with `content` sections, circulated and agreed."""
    draft = services.start_statement(focus_issue=world.focus, by=None)
    services.save_content(version=draft, content={**draft.content, **content}, by=None)
    services.transition(version=draft, name="circulate", by=None)
    return services.transition(
        version=draft,
        name="agree",
        agreed_on=AGREED_ON,
        agreed_by_whom="The partnership",
        by=None,
    )


@pytest.fixture
def docx(version):
    return Document(io.BytesIO(exports.render_docx(version)))


@pytest.fixture
def pdf(version):
    return PdfReader(io.BytesIO(exports.render_pdf(version)))


@pytest.fixture
def pdf_text(pdf):
    return "\n".join(page.extract_text() for page in pdf.pages)


@pytest.fixture
def docx_text(docx):
    """The paragraphs, table cells and page header, in that order."""
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    header = [p.text for p in docx.sections[0].header.paragraphs]
    return "\n".join([p.text for p in docx.paragraphs] + cells + header)

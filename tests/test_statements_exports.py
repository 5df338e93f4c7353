"""Exports of a Statement of Intent, read back: the PDF's text and the Word document's paragraphs
carry the area, the version, the status and every section."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from actlocally.statements import exports, services

SECTIONS = [
    "The problem locally",
    "What the data tells us",
    "Lived experience",
    "Agreed actions",
    "Desired outcomes",
    "Recommendations for commissioners",
]


@pytest.fixture
def version(world):
    world.keighley.area_name = "Keighley Central"
    world.keighley.save()
    draft = services.start_statement(focus_issue=world.focus, by=None)
    content = dict(draft.content)
    content["charts"] = [
        {"title": "Hunger chart", "unit": "%", "points": [{"label": "Keighley", "value": 8.2}]}
    ]
    content["quotes"] = [{"text": "Not enough for tea.", "source": "parent", "illustrative": True}]
    content["recommendations"] = [
        {"key": "R1", "text": "Fund tooth brushing.", "to": world.organisation.name}
    ]
    services.save_content(version=draft, content=content, by=None)
    services.transition(version=draft, name="circulate", by=None)
    return services.transition(
        version=draft,
        name="agree",
        agreed_on=datetime.date(2023, 11, 24),
        agreed_by_whom="The partnership",
        by=None,
    )


@pytest.fixture
def pdf_text(version):
    reader = PdfReader(io.BytesIO(exports.render_pdf(version)))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def docx_text(version):
    document = Document(io.BytesIO(exports.render_docx(version)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    header = [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells + header)


def test_pdf_text_has_area_version_status_and_sections(pdf_text):
    expected = ["Keighley Central", "Version 1", "Agreed", *SECTIONS]
    assert [text for text in expected if text not in pdf_text] == []


def test_pdf_has_the_chart_and_its_numbers(pdf_text):
    assert "Hunger chart" in pdf_text and "8.2%" in pdf_text


def test_pdf_has_page_numbers(pdf_text):
    assert "Page 1 of" in pdf_text


def test_docx_has_area_version_status_and_sections(docx_text):
    expected = ["Keighley Central", "version 1", "Agreed", *SECTIONS]
    assert [text for text in expected if text not in docx_text] == []


def test_docx_has_the_recommendation_and_its_commissioner(docx_text, world):
    assert "Fund tooth brushing." in docx_text and world.organisation.name in docx_text


def test_pdf_download_is_an_attachment(client, world, version):
    client.force_login(world.people["member"])
    response = client.get(reverse("statement_pdf", kwargs={"slug": "keighley", "number": 1}))
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "application/pdf",
        'attachment; filename="statement-of-intent-keighley-central-v1-agreed.pdf"',
    )

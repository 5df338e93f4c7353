"""Exports of a Statement of Intent, read back: the PDF's text and the Word document's paragraphs
carry the area, the version, the status and every section."""

import pytest
from django.urls import reverse

from .statements_export_fixtures import *  # noqa: F403
from .statements_export_fixtures import agreed_version

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
    return agreed_version(
        world,
        charts=[
            {"title": "Hunger chart", "unit": "%", "points": [{"label": "Keighley", "value": 8.2}]}
        ],
        quotes=[{"text": "Not enough for tea.", "source": "parent", "illustrative": True}],
        recommendations=[
            {"key": "R1", "text": "Fund tooth brushing.", "to": world.organisation.name}
        ],
    )


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

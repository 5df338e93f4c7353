"""Numbers in a Statement of Intent read as people write them, on the page, in the PDF and in Word:
thousands separators ("17,208") and a space before a unit that is a word ("8 LSOAs")."""

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from actlocally.statements import document, exports, services


@pytest.fixture
def version(world):
    draft = services.start_statement(focus_issue=world.focus, by=None)
    content = dict(draft.content)
    content["facts"] = [{"value": "17208", "text": "People live in the area", "source": "ONS"}]
    content["charts"] = [
        {
            "title": "LSOAs by decile",
            "unit": "LSOAs",
            "points": [{"label": "Decile 1", "value": 8}, {"label": "Everyone", "value": 17208}],
        }
    ]
    return services.save_content(version=draft, content=content, by=None)


def test_statement_page_shows_thousands_and_spaced_units(client, world, version):
    client.force_login(world.people["member"])

    page = client.get(reverse("statement", kwargs={"slug": "keighley"})).content.decode()

    assert "17,208" in page and "8 LSOAs" in page
    assert "17208" not in page and "8LSOAs" not in page


def test_pdf_shows_thousands_and_spaced_units(version):
    reader = PdfReader(io.BytesIO(exports.render_pdf(version)))
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert "17,208" in text and "8 LSOAs" in text and "8LSOAs" not in text


def test_word_shows_thousands_and_spaced_units(version):
    doc = Document(io.BytesIO(exports.render_docx(version)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]

    assert "17,208" in cells and "8 LSOAs" in cells and "17208" not in cells


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("17208", "17,208"), ("8.2%", "8.2%"), ("over half", "over half"), ("1 in 5", "1 in 5")],
)
def test_a_figure_typed_in_words_is_left_alone(typed, shown):
    assert document.display_figure(typed) == shown

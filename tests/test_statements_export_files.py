"""The Word and PDF files of a Statement of Intent, read back: charts as images, column widths,
a contents field, real file properties, tagged PDF, wrapped chart labels, and every action's
lead organisation named or said to be not yet agreed."""

import datetime

import pytest
from docx.shared import Cm

from actlocally.statements.charts import bar_chart_svg

from .statements_export_fixtures import *  # noqa: F403
from .statements_export_fixtures import agreed_version

LONG_LABEL = "Adults worried about having enough food to eat"


@pytest.fixture
def version(world):
    return agreed_version(
        world,
        charts=[
            {
                "title": "Food insecurity",
                "unit": "%",
                "points": [
                    {"label": LONG_LABEL, "value": 30.5},
                    {"label": "England", "value": 14},
                ],
            }
        ],
        actions=[
            {"text": "Run breakfast clubs", "lead": world.organisation.name},
            {"text": "Map food banks", "lead": ""},
        ],
    )


def test_docx_embeds_each_chart_as_a_picture_with_alternative_text(docx):
    (shape,) = docx.inline_shapes
    assert shape.width == Cm(15)
    assert LONG_LABEL in shape._inline.docPr.get("descr")


def test_docx_picture_is_a_png(docx):
    (shape,) = docx.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    image = docx.part.related_parts[blip.embed]
    assert image.content_type == "image/png" and image.blob[:4] == b"\x89PNG"


def test_docx_core_properties_describe_the_statement(docx, version, world):
    props = docx.core_properties
    assert (props.title, props.author, props.version, props.revision) == (
        f"Statement of Intent: {world.keighley.area_name}",
        world.keighley.name,
        "1",
        1,
    )
    assert props.created.date() == datetime.date(2023, 11, 24)
    assert props.last_modified_by == world.keighley.name


def test_docx_names_the_organisation_in_its_extended_properties(docx, world):
    app = next(p for p in docx.part.package.iter_parts() if str(p.partname) == "/docProps/app.xml")
    assert f"<Company>{world.keighley.backbone}</Company>" in app.blob.decode()


def test_docx_has_a_table_of_contents_field(docx):
    body = docx.element.body.xml
    assert 'TOC \\o "1-2"' in body
    assert "updateFields" in docx.settings.element.xml


def test_docx_action_table_has_set_column_widths(docx):
    table = next(t for t in docx.tables if t.rows[0].cells[1].text == "Action")
    assert [round(c.width.cm, 1) for c in table.columns] == [1, 11, 5]
    assert round(table.rows[1].cells[1].width.cm, 1) == 11


def test_docx_says_lead_not_yet_agreed(docx):
    table = next(t for t in docx.tables if t.rows[0].cells[1].text == "Action")
    assert [row.cells[2].text for row in table.rows[1:]][-1] == "lead not yet agreed"


def test_pdf_is_tagged(pdf):
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def test_pdf_declares_its_language_and_title(pdf):
    root = pdf.trailer["/Root"]
    assert root["/Lang"] and pdf.metadata.title.startswith("Statement of Intent")


def test_pdf_says_lead_not_yet_agreed(pdf_text):
    assert "lead not yet agreed" in pdf_text


def test_chart_labels_wrap_instead_of_being_cut():
    svg = str(
        bar_chart_svg({"title": "t", "points": [{"label": LONG_LABEL, "value": 1}]}, chart_id="c")
    )
    assert "…" not in svg and "enough food to eat" in svg.split("<desc")[1].split("</desc>")[1]


def test_pdf_chart_shows_the_whole_label(pdf_text):
    text = " ".join(pdf_text.split())
    assert "eno…" not in text and "enough food to eat" in text

"""A Statement of Intent embeds an indicator as evidence: chosen on the statement's editor from
the partnership's indicators, kept by the version's JSON, shown with its latest figure,
interval, comparison sentence and chart on the page, and drawn as an image in the PDF and Word
files. Figures are always suppressed as for someone outside the research team."""

import io
import json
import re

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from actlocally.measurement.chart_images import spec_svg
from actlocally.statements import exports, services

from . import factories
from .measurement_fixtures import Y2223, Y2324, area, area_rows, point  # noqa: F401
from .pageforms import page_form, submit
from .statements_export_fixtures import agreed_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(area):  # noqa: F811 (the fixture imported above)
    """Keighley's dental absence: 10% in 2022/23, 15% in 2023/24; Bradford 8% both years."""
    area_rows(area, period=Y2223, n1=50, n2=50)
    area_rows(area, n1=80, n2=70)
    for period in (Y2223, Y2324):
        point(area.indicator, "la", "E08000032", *period, 800, 10000)
    return area


@pytest.fixture
def draft(world):
    return services.start_statement(focus_issue=world.focus, by=world.people["coordinator"])


def embed_from_the_page(client, world, draft, chosen, note="Absence is rising."):
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_edit_section",
        kwargs={"slug": "keighley", "number": draft.number, "section": "indicators"},
    )
    page = client.get(url)
    form = page_form(page, with_field="form-0-evidence")
    form.choose("form-0-evidence", chosen.indicator.name).set("form-0-note", note)
    return submit(client, page, form)


def test_the_coordinator_embeds_an_indicator_from_the_editor(client, world, draft, measured):
    embed_from_the_page(client, world, draft, measured)
    draft.refresh_from_db()
    assert draft.content["indicators"] == [
        {
            "evidence": f"indicator:{measured.pk}",
            "title": "Dental absence",
            "note": "Absence is rising.",
        }
    ]


def test_the_editor_offers_only_the_partnerships_indicators(client, world, draft, measured):
    factories.PartnershipIndicatorFactory(indicator__name="Another partnership's indicator")
    client.force_login(world.people["coordinator"])
    page = client.get(
        reverse(
            "statement_edit_section",
            kwargs={"slug": "keighley", "number": draft.number, "section": "indicators"},
        )
    )
    offered = page_form(page, with_field="form-0-evidence").options["form-0-evidence"]
    assert offered == ["", f"indicator:{measured.pk}"]


def test_the_statement_page_shows_the_figure_sentence_and_chart(client, world, draft, measured):
    embed_from_the_page(client, world, draft, measured)
    body = client.get(draft.get_absolute_url()).content.decode()
    chart_url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": measured.pk, "kind": "trend"}
    )
    assert "15.0% (95% confidence interval 12.9% to 17.3%)" in body
    assert "Worse than Bradford: the difference is bigger than chance would explain" in body
    assert 'data-vega-spec-id="indicator-1-spec"' in body and chart_url not in body
    assert "vendor/vega/vega-embed.min.js" in body


def test_the_statement_suppresses_small_numbers_even_for_the_research_partner(
    client, world, draft, measured
):
    area_rows(measured, period=("2024/25", Y2324[1].replace(year=2024)), n1=3, n2=4)
    embed_from_the_page(client, world, draft, measured)
    client.force_login(world.people["research_partner"])
    body = client.get(draft.get_absolute_url()).content.decode()
    assert "Suppressed: the count is too small to show." in body and "0.7%" not in body


def chart_data(body: str) -> str:
    """The embedded chart's spec, as the page's JSON data block holds it."""
    block = re.search(r'<script id="indicator-1-spec" type="application/json">(.*?)</script>', body)
    return block.group(1)


@pytest.mark.parametrize("role", ["research_partner", "member"])
def test_a_drafts_chart_data_is_the_suppressed_public_view_for_everyone(
    client, world, draft, measured, role
):
    # 3 of 1,000 and 4 of 1,000 children in 2024/25: under the threshold, so suppressed.
    area_rows(measured, period=("2024/25", Y2324[1].replace(year=2024)), n1=3, n2=4)
    embed_from_the_page(client, world, draft, measured)
    client.force_login(world.people[role])
    spec = json.loads(chart_data(client.get(draft.get_absolute_url()).content.decode()))
    values = [row for data in _datasets(spec) for row in data]
    assert values and not any(_is_small(row) for row in values)


def _datasets(spec: dict) -> list[list[dict]]:
    found = [spec["data"]["values"]] if "values" in spec.get("data", {}) else []
    found += [d["values"] for d in spec.get("datasets", {}).values()]
    for layer in spec.get("layer", []):
        found += _datasets(layer)
    return found


def _is_small(row: dict) -> bool:
    """A row showing the 2024/25 count (7) or rate (0.7%, 0.007)."""
    return any(v in (7, 0.7, 0.007) for v in row.values() if isinstance(v, int | float))


def test_an_agreed_version_keeps_which_indicator_was_embedded(world, measured):
    version = agreed_version(
        world,
        indicators=[
            {"evidence": f"indicator:{measured.pk}", "title": "Dental absence", "note": ""}
        ],
    )
    version.refresh_from_db()
    assert version.content["indicators"][0]["evidence"] == f"indicator:{measured.pk}"


@pytest.fixture
def version(world, measured):
    return agreed_version(
        world,
        indicators=[
            {"evidence": f"indicator:{measured.pk}", "title": "Dental absence", "note": ""}
        ],
    )


def test_docx_embeds_the_indicators_chart_as_a_picture(version):
    docx = Document(io.BytesIO(exports.render_docx(version)))
    (shape,) = docx.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    image = docx.part.related_parts[blip.embed]
    assert image.blob[:4] == b"\x89PNG"
    assert shape._inline.docPr.get("descr").startswith("Line chart of Dental absence")


def test_docx_has_the_indicators_figures(version):
    docx = Document(io.BytesIO(exports.render_docx(version)))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    assert "15.0% (95% confidence interval 12.9% to 17.3%)" in cells


def test_pdf_draws_the_indicators_chart(version):
    pdf = PdfReader(io.BytesIO(exports.render_pdf(version)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    # The chart's own words (its axis title and legend) are in the PDF as drawn text, and its
    # lines as vector paths in the page's content.
    assert "Per cent" in text and "Dental absence over time" in text
    content = b"".join(page.get_contents().get_data() for page in pdf.pages)
    assert content.count(b" l\n") > 20


def test_exports_fetch_nothing():
    with pytest.raises(ValueError, match="External data url not allowed"):
        spec_svg({"data": {"url": "https://example.org/data.csv"}, "mark": "point"})

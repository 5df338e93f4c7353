"""An agreed Statement of Intent keeps the figures it was agreed with: agreeing freezes every
embedded item's figures, chart and sentences as the public saw them, so data loaded later does not
change the agreed statement's page or files, which say "Figures as at" the date agreed. Drafts,
circulated versions and later drafts show live figures."""

import io
import json

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from actlocally.statements import exports, services
from actlocally.statements.models import StatementVersion

from .measurement_fixtures import Y2223, Y2324, area, area_rows, point  # noqa: F401
from .pageforms import page_form, submit
from .statements_export_fixtures import agreed_version
from .test_statements_indicators import measured  # noqa: F401

pytestmark = pytest.mark.django_db

OLD = "15.0% (95% confidence interval 12.9% to 17.3%)"
AS_AT = "Figures as at 24 November 2023"
Y2425 = ("2024/25", Y2324[1].replace(year=2024))


def embedded(measured):  # noqa: F811 (the fixture imported above)
    return [{"evidence": f"indicator:{measured.pk}", "title": "Dental absence", "note": ""}]


def later_data(measured):  # noqa: F811
    """A year loaded after the agreement: 40% in 2024/25."""
    area_rows(measured, period=Y2425, n1=200, n2=200)


@pytest.fixture
def agreed(world, measured):  # noqa: F811
    return agreed_version(world, indicators=embedded(measured))


def page(client, world, version) -> str:
    client.force_login(world.people["coordinator"])
    return client.get(version.get_absolute_url()).content.decode()


def test_the_agreed_page_keeps_the_figures_it_was_agreed_with(client, world, agreed, measured):  # noqa: F811
    later_data(measured)
    body = page(client, world, agreed)
    assert OLD in body and "40.0%" not in body


def test_the_agreed_page_says_when_the_figures_are_from(client, world, agreed):
    assert AS_AT in page(client, world, agreed)


def test_the_agreed_page_draws_the_frozen_chart_from_the_page(client, world, agreed, measured):  # noqa: F811
    later_data(measured)
    body = page(client, world, agreed)
    chart_url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": measured.pk, "kind": "trend"}
    )
    assert 'data-vega-spec-id="indicator-1-spec"' in body and chart_url not in body
    assert '<script id="indicator-1-spec" type="application/json">' in body


def test_the_agreed_word_file_keeps_the_old_figures_and_says_so(agreed, measured):  # noqa: F811
    later_data(measured)
    docx = Document(io.BytesIO(exports.render_docx(agreed)))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    paragraphs = [p.text for p in docx.paragraphs]
    assert OLD in cells and "2024/25" not in " ".join(cells)
    assert any(p.startswith(AS_AT) for p in paragraphs)


def test_the_agreed_word_file_still_draws_the_chart(agreed, measured):  # noqa: F811
    later_data(measured)
    docx = Document(io.BytesIO(exports.render_docx(agreed)))
    (shape,) = docx.inline_shapes
    assert shape._inline.docPr.get("descr").startswith("Line chart of Dental absence")


def test_the_agreed_pdf_keeps_the_old_figures_and_says_so(agreed, measured):  # noqa: F811
    later_data(measured)
    pdf = PdfReader(io.BytesIO(exports.render_pdf(agreed)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "12.9% to 17.3%" in text and AS_AT in text and "2024/25" not in text


def test_a_draft_shows_live_figures(client, world, measured):  # noqa: F811
    draft = services.start_statement(focus_issue=world.focus, by=None)
    services.save_content(
        version=draft, content={**draft.content, "indicators": embedded(measured)}, by=None
    )
    later_data(measured)
    body = page(client, world, draft)
    assert "40.0%" in body and "Figures as at" not in body


def test_a_later_draft_embedding_the_same_indicator_is_live_again(
    client,
    world,
    agreed,
    measured,  # noqa: F811
):
    draft = services.start_new_draft(statement=agreed.statement, by=None)
    later_data(measured)
    body = page(client, world, draft)
    assert "40.0%" in body and "Figures as at" not in body


def test_the_snapshot_holds_the_suppressed_public_view(world, measured):  # noqa: F811
    # 3 and 4 children: under the threshold, so the count and its rate are suppressed.
    area_rows(measured, period=Y2425, n1=3, n2=4)
    version = agreed_version(world, indicators=embedded(measured))
    frozen = json.dumps(version.figures)
    assert "Suppressed: the count is too small to show." in frozen
    assert "0.7" not in frozen and '"7"' not in frozen


def test_the_snapshot_of_an_item_gone_by_then_says_it_is_no_longer_measured(world, measured):  # noqa: F811
    version = agreed_version(
        world, indicators=[{"evidence": "indicator:999999", "title": "Gone", "note": ""}]
    )
    assert version.figures == {"indicator:999999": None}


def test_the_database_refuses_to_change_an_agreed_versions_figures(agreed):
    with pytest.raises(DatabaseError), transaction.atomic():
        StatementVersion.objects.filter(pk=agreed.pk).update(figures={})


def test_agreeing_from_the_page_freezes_the_figures(client, world, measured):  # noqa: F811
    draft = services.start_statement(focus_issue=world.focus, by=None)
    services.save_content(
        version=draft, content={**draft.content, "indicators": embedded(measured)}, by=None
    )
    services.transition(version=draft, name="circulate", by=None)
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_transition", kwargs={"slug": "keighley", "number": draft.number, "name": "agree"}
    )
    form_page = client.get(url)
    form = page_form(form_page, with_field="agreed_by_whom")
    form.set("agreed_on", "2024-01-15").set("agreed_by_whom", "Convening partnership meeting")

    submit(client, form_page, form)

    later_data(measured)
    draft.refresh_from_db()
    body = client.get(draft.get_absolute_url()).content.decode()
    assert OLD in body and "Figures as at 15 January 2024" in body


def test_a_released_output_is_frozen_too_even_once_it_is_gone(client, world):
    from actlocally.outputs import services as outputs

    from .factories_outputs import output_world

    w = output_world(partnership=world.keighley)
    outputs.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    for checker in w.checkers[:2]:
        outputs.decide(output=w.output, decision="approve", by=checker)
    outputs.release_output(output=w.output, by=w.checkers[0])
    version = agreed_version(
        world,
        indicators=[{"evidence": f"released_output:{w.output.pk}", "title": "Absence", "note": ""}],
    )
    type(w.output).objects.filter(pk=w.output.pk).update(status="draft")
    body = page(client, world, version)
    assert "Released on" in body and AS_AT in body

"""The board dashboard: each partnership's phase, focus issue, indicator judgements (both
polarities) and trends, overdue actions and Statement of Intent; small numbers suppressed; the
CSV; and a query count that does not grow with partnerships or data points."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from actlocally.board import selectors
from actlocally.journey.models import Step
from actlocally.measurement import services
from actlocally.partnerships.models import Role
from tests import factories
from tests.factories_board import FLAT_LOW, RISING, chosen_with_figures, figure

pytestmark = pytest.mark.django_db


def dashboard(world, user=None):
    return selectors.board_dashboard(world.bradford, user or world.people["board"])


def row_of(page, partnership):
    return next(r for r in page["rows"] if r.partnership.pk == partnership.pk)


def indicator_of(row, chosen):
    return next(i for i in row.indicators if i["chosen"].pk == chosen.pk)


def test_every_partnership_of_the_authority_is_on_it_and_no_other(world):
    names = [r.partnership.slug for r in dashboard(world)["rows"]]
    assert names == ["holme-wood", "keighley"]


def test_the_phase_is_the_furthest_one_begun(world):
    factories.StepProgressFactory(
        partnership=world.keighley, step=Step.objects.filter(phase__number=1).first()
    )
    factories.StepProgressFactory(
        partnership=world.keighley,
        step=Step.objects.filter(phase__number=3).first(),
        status="in_progress",
    )
    phase = row_of(dashboard(world), world.keighley).phase
    assert (phase.number, phase.done, phase.total) == (3, 1, Step.objects.count())


def test_a_partnership_with_nothing_begun_is_in_phase_one(world):
    assert row_of(dashboard(world), world.holme_wood).phase.number == 1


def test_the_focus_issue_is_the_active_one(world):
    row = row_of(dashboard(world), world.keighley)
    assert row.focus.title == "Food insecurity, poor diet and nutrition"


def test_higher_than_bradford_is_worse_when_lower_is_better(world):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    i = indicator_of(row_of(dashboard(world), world.keighley), chosen)
    assert (i["vs_local_authority"].words, i["vs_local_authority"].tag_class) == (
        "Worse",
        "govuk-tag--red",
    )


def test_higher_than_bradford_is_better_when_higher_is_better(world):
    chosen = chosen_with_figures(
        world.keighley, polarity="higher_is_better", area=RISING, la=FLAT_LOW
    )
    i = indicator_of(row_of(dashboard(world), world.keighley), chosen)
    assert (i["vs_local_authority"].words, i["vs_local_authority"].tag_class) == (
        "Better",
        "govuk-tag--green",
    )


def test_a_rising_figure_is_worsening_when_lower_is_better(world):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    trend = indicator_of(row_of(dashboard(world), world.keighley), chosen)["trend_summary"]
    assert (trend["words"], trend["tag_class"]) == ("Worsening", "govuk-tag--red")


def test_a_rising_figure_is_improving_when_higher_is_better(world):
    chosen = chosen_with_figures(
        world.keighley, polarity="higher_is_better", area=RISING, la=FLAT_LOW
    )
    trend = indicator_of(row_of(dashboard(world), world.keighley), chosen)["trend_summary"]
    assert (trend["words"], trend["tag_class"]) == ("Improving", "govuk-tag--green")


def test_a_flat_figure_shows_no_change(world):
    chosen = chosen_with_figures(world.keighley, area=FLAT_LOW, la=FLAT_LOW)
    trend = indicator_of(row_of(dashboard(world), world.keighley), chosen)["trend_summary"]
    assert trend["words"] == "No change"


def test_the_area_figure_is_summed_from_its_lsoas(world):
    lsoas = [factories.LsoaFactory(code=f"E0100009{i}") for i in (1, 2)]
    factories.FocusAreaFactory(partnership=world.keighley).lsoas.set(lsoas)
    chosen = chosen_with_figures(world.keighley, la=FLAT_LOW)
    period, start = "2023/24", datetime.date(2023, 9, 1)
    figure(chosen.indicator, "lsoa", "E01000091", period, start, 60, 500)
    figure(chosen.indicator, "lsoa", "E01000092", period, start, 40, 500)
    latest = indicator_of(row_of(dashboard(world), world.keighley), chosen)["latest"]
    assert (latest.numerator, latest.denominator, latest.lsoas) == (100, 1000, 2)


def test_another_partnerships_lsoa_rows_are_not_summed_in(world):
    mine = factories.LsoaFactory(code="E01000081")
    theirs = factories.LsoaFactory(code="E01000082")
    factories.FocusAreaFactory(partnership=world.keighley).lsoas.set([mine])
    factories.FocusAreaFactory(partnership=world.holme_wood).lsoas.set([theirs])
    chosen = chosen_with_figures(world.keighley)
    period, start = "2023/24", datetime.date(2023, 9, 1)
    figure(chosen.indicator, "lsoa", "E01000081", period, start, 60, 500)
    figure(chosen.indicator, "lsoa", "E01000082", period, start, 40, 500)
    latest = indicator_of(row_of(dashboard(world), world.keighley), chosen)["latest"]
    assert latest.numerator == 60


def test_overdue_counts_only_open_actions_past_their_date(world):
    past = timezone.localdate() - datetime.timedelta(days=3)
    factories.ActionFactory.create_batch(2, partnership=world.keighley, due_on=past)
    factories.ActionFactory(partnership=world.keighley, due_on=past, status="done")
    factories.ActionFactory(partnership=world.keighley)
    assert row_of(dashboard(world), world.keighley).overdue == 2


def test_a_statement_with_an_agreed_version_says_when_it_was_agreed(world):
    factories.StatementVersionFactory(
        statement__focus_issue=world.focus,
        status="agreed",
        agreed_on=datetime.date(2023, 11, 24),
        recorded_at=timezone.now(),
    )
    statement = row_of(dashboard(world), world.keighley).statement
    assert statement.words == "Agreed 24 November 2023"


def test_a_statement_in_draft_says_draft(world):
    factories.StatementVersionFactory(statement__focus_issue=world.focus, number=1)
    assert row_of(dashboard(world), world.keighley).statement.words == "Draft (version 1)"


def test_a_partnership_without_a_statement_says_not_started(world):
    assert row_of(dashboard(world), world.holme_wood).statement.words == "Not started"


def small_count(world):
    return chosen_with_figures(world.keighley, area=[(5, 100)] * 5, la=FLAT_LOW)


def test_a_board_member_sees_a_small_count_suppressed(world):
    chosen = small_count(world)
    i = indicator_of(row_of(dashboard(world), world.keighley), chosen)
    assert (i["latest"].suppressed, i["latest_value"]) == (True, "")


def test_the_partnerships_research_partner_on_the_board_sees_the_small_count(world):
    chosen = small_count(world)
    researcher = world.people[Role.RESEARCH_PARTNER]
    factories.BoardMembershipFactory(board=world.board, person=researcher)
    i = indicator_of(row_of(dashboard(world, researcher), world.keighley), chosen)
    assert i["latest_value"] == "5.0%"


def test_the_page_shows_suppressed_not_the_small_count(world, client):
    small_count(world)
    client.force_login(world.people["board"])
    response = client.get(reverse("board_dashboard", kwargs={"code": "E08000032"}))
    assert (
        "Suppressed: the count is too small to show. (2023/24)" in response.text
        and "5.0%" not in response.text
    )


def csv_rows(client, world):
    client.force_login(world.people["board"])
    response = client.get(reverse("board_dashboard_csv", kwargs={"code": "E08000032"}))
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_suppresses_the_small_count(world, client):
    small_count(world)
    keighley = [r for r in csv_rows(client, world) if r[0] == "Act Locally: Keighley"]
    assert keighley[0][8:10] == ["suppressed", "suppressed"]


def test_the_csv_labels_illustrative_values(world, client):
    chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW, indicator__illustrative=True)
    keighley = [r for r in csv_rows(client, world) if r[0] == "Act Locally: Keighley"]
    assert keighley[0][6] == "yes: illustrative values"


def test_the_page_shows_each_partnership_with_its_judgement_in_words(world, client):
    chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    client.force_login(world.people["board"])
    response = client.get(reverse("board_dashboard", kwargs={"code": "E08000032"}))
    assert "Worse than Bradford: the difference is bigger than chance" in response.text


def test_the_local_authority_page_links_to_the_dashboard(world, client):
    client.force_login(world.people["board"])
    response = client.get(reverse("local_authority", kwargs={"code": "E08000032"}))
    assert reverse("board_dashboard", kwargs={"code": "E08000032"}) in response.text


def test_a_board_members_dashboard_links_to_the_board_dashboard(world, client):
    client.force_login(world.people["board"])
    response = client.get(reverse("dashboard"))
    assert reverse("board_dashboard", kwargs={"code": "E08000032"}) in response.text


def grow(world, partnerships: int, indicators: int):
    """More partnerships, each with indicators, LSOA areas, figures, actions and statements."""
    past = timezone.localdate() - datetime.timedelta(days=3)
    for _n in range(partnerships):
        p = factories.PartnershipFactory(local_authority=world.bradford)
        focus = factories.FocusIssueFactory(partnership=p)
        factories.StatementVersionFactory(statement__focus_issue=focus)
        factories.ActionFactory(partnership=p, due_on=past)
        lsoa = factories.LsoaFactory()
        factories.FocusAreaFactory(partnership=p).lsoas.set([lsoa])
        for _i in range(indicators):
            chosen = chosen_with_figures(p, area=RISING, la=FLAT_LOW)
            figure(chosen.indicator, "lsoa", lsoa.code, "2024/25", datetime.date(2024, 9, 1), 9, 90)


@pytest.mark.parametrize("partnerships,indicators", [(1, 1), (6, 4)])
def test_the_dashboard_reads_in_a_fixed_number_of_queries(
    world, partnerships, indicators, django_assert_max_num_queries
):
    grow(world, partnerships, indicators)
    user = world.people["board"]
    with django_assert_max_num_queries(15):
        page = selectors.board_dashboard(world.bradford, user)
    assert len(page["rows"]) == 2 + partnerships


def test_a_second_read_takes_the_judgements_from_the_cache(world, django_assert_max_num_queries):
    grow(world, 3, 3)
    user = world.people["board"]
    selectors.board_dashboard(world.bradford, user)
    # The version and the journey, statements and actions: no indicators or figures.
    with django_assert_max_num_queries(9):
        selectors.board_dashboard(world.bradford, user)


def judgements(page) -> list:
    return [
        (
            r.partnership.pk,
            i["chosen"].pk,
            i["latest_value"],
            i["vs_local_authority"].sentence,
            i["vs_england"].sentence,
            i["trend_summary"]["sentence"],
            (i["change"] or {}).get("sentence"),
        )
        for r in page["rows"]
        for i in r.indicators
    ]


def test_the_cached_judgements_are_those_worked_out_afresh(world):
    grow(world, 2, 2)
    chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW, baseline_period="2019/20")
    first = dashboard(world)
    cached = dashboard(world)
    cache.clear()
    assert judgements(cached) == judgements(first) == judgements(dashboard(world))


def test_a_new_figure_is_on_the_dashboard_at_once(world):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    dashboard(world)
    services.add_data_point(
        partnership=world.keighley,
        indicator=chosen.indicator,
        geography="area",
        code="",
        period="2024/25",
        numerator=50,
        denominator=1000,
        value=None,
        by=world.people[Role.RESEARCH_PARTNER],
    )
    latest = indicator_of(row_of(dashboard(world), world.keighley), chosen)["latest"]
    assert (latest.period, latest.value) == ("2024/25", 5.0)


def test_the_page_shows_a_new_figure_at_once(world, client):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    client.force_login(world.people["board"])
    path = reverse("board_dashboard", kwargs={"code": "E08000032"})
    client.get(path)
    figure(
        chosen.indicator,
        "area",
        str(world.keighley.pk),
        "2024/25",
        datetime.date(2024, 9, 1),
        123,
        1000,
        world.keighley,
    )
    assert "12.3%" in client.get(path).text


def test_a_changed_baseline_is_on_the_dashboard_at_once(world):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    dashboard(world)
    services.update_choice(
        chosen=chosen,
        outcomes=[],
        baseline_period="2019/20",
        baseline_value=None,
        target_period="",
        target_value=None,
        why="",
        by=world.people[Role.RESEARCH_PARTNER],
    )
    change = indicator_of(row_of(dashboard(world), world.keighley), chosen)["change"]
    assert "2019/20 baseline" in change["sentence"]


def test_a_redrawn_area_is_summed_afresh(world):
    lsoas = [factories.LsoaFactory(code=f"E0100007{i}") for i in (1, 2)]
    area = factories.FocusAreaFactory(partnership=world.keighley)
    area.lsoas.set(lsoas[:1])
    chosen = chosen_with_figures(world.keighley, la=FLAT_LOW)
    period, start = "2023/24", datetime.date(2023, 9, 1)
    figure(chosen.indicator, "lsoa", "E01000071", period, start, 60, 500)
    figure(chosen.indicator, "lsoa", "E01000072", period, start, 40, 500)
    dashboard(world)
    area.lsoas.set(lsoas)
    latest = indicator_of(row_of(dashboard(world), world.keighley), chosen)["latest"]
    assert latest.numerator == 100


def test_figures_of_a_rolled_back_write_are_never_served(world):
    chosen = chosen_with_figures(world.keighley, area=RISING, la=FLAT_LOW)
    dashboard(world)
    with pytest.raises(RuntimeError), transaction.atomic():
        figure(
            chosen.indicator,
            "area",
            str(world.keighley.pk),
            "2024/25",
            datetime.date(2024, 9, 1),
            50,
            1000,
            world.keighley,
        )
        dashboard(world)  # cached under the version the rollback takes back
        raise RuntimeError
    # The next write's version is not the rolled-back one (a counter would issue it again).
    figure(chosen.indicator, "england", "E92000001", "2015/16", datetime.date(2015, 9, 1), 1, 9)
    latest = indicator_of(row_of(dashboard(world), world.keighley), chosen)["latest"]
    assert latest.period == "2023/24"


def test_a_person_who_may_see_small_numbers_is_not_served_anothers_cache(world):
    chosen = small_count(world)
    researcher = world.people[Role.RESEARCH_PARTNER]
    factories.BoardMembershipFactory(board=world.board, person=researcher)
    dashboard(world)
    i = indicator_of(row_of(dashboard(world, researcher), world.keighley), chosen)
    assert i["latest_value"] == "5.0%"


def test_the_change_since_the_baseline_is_judged_by_polarity(world, client):
    chosen_with_figures(
        world.keighley,
        area=RISING,
        la=FLAT_LOW,
        baseline_period="2019/20",
        indicator__name="Rising",
    )
    client.force_login(world.people["board"])
    response = client.get(reverse("board_dashboard", kwargs={"code": "E08000032"}))
    assert "Worse than the 2019/20 baseline (10.0%)" in response.text


def test_an_indicator_name_is_escaped_on_the_page(world, client):
    chosen_with_figures(world.keighley, area=RISING, indicator__name="<b>Absence</b> & more")
    client.force_login(world.people["board"])
    response = client.get(reverse("board_dashboard", kwargs={"code": "E08000032"}))
    assert "&lt;b&gt;Absence&lt;/b&gt; &amp; more" in response.text
    assert "<b>Absence</b>" not in response.text


def test_each_indicator_links_to_its_page(world):
    chosen = chosen_with_figures(world.keighley, area=RISING)
    i = indicator_of(row_of(dashboard(world), world.keighley), chosen)
    assert i["url"] == chosen.get_absolute_url()


def test_the_csv_writes_a_formula_in_a_name_as_text(world, client):
    chosen_with_figures(world.keighley, area=RISING, indicator__name="=HYPERLINK(1)")
    keighley = [r for r in csv_rows(client, world) if r[0] == "Act Locally: Keighley"]
    assert keighley[0][5] == "'=HYPERLINK(1)"

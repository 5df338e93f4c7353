"""Review & Learn: the RAG agreement logic, capability reviews from opening to agreeing, reviews
side by side, the consent rule for publishing case studies, lessons and the journey's ticks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from actlocally.core.workflow import WrongState
from actlocally.journey.models import StepProgress
from actlocally.review import selectors, services
from actlocally.review.models import (
    CapabilityReview,
    EvaluationArea,
    MemberRating,
    validate_academic_year,
)
from tests import factories
from tests import factories_review as f
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def step(partnership, key):
    return StepProgress.objects.filter(partnership=partnership, step__key=key).first()


@pytest.fixture
def review(world):
    return services.open_review(
        partnership=world.keighley, academic_year="2023/24", by=world.people["coordinator"]
    )


def all_areas(review, rating, text="because"):
    return {a.pk: (rating, text) for a in selectors.areas_for(review.partnership)}


# The RAG agreement logic ------------------------------------------------------------------------


def test_consensus_is_the_most_common_rating():
    assert selectors.consensus(["green", "amber", "green"])["suggested"]["rating"] == "green"


def test_consensus_tie_is_settled_on_the_more_cautious_rating():
    assert (
        selectors.consensus(["green", "red", "amber", "red", "green"])["suggested"]["rating"]
        == "red"
    )


def test_consensus_tie_between_amber_and_green_is_amber():
    assert selectors.consensus(["green", "amber"])["suggested"]["rating"] == "amber"


def test_consensus_is_unanimous_only_when_everyone_agrees():
    assert selectors.consensus(["amber", "amber"])["unanimous"] is True
    assert selectors.consensus(["amber", "green"])["unanimous"] is False


def test_consensus_of_no_ratings_suggests_nothing():
    assert selectors.consensus([])["suggested"] is None


def test_consensus_counts_each_rating_worst_first():
    counts = selectors.consensus(["green", "red", "green"])["counts"]
    assert [(c["cell"]["rating"], c["n"]) for c in counts] == [("red", 1), ("green", 2)]


def test_a_rating_cell_carries_words_beside_its_colour():
    cell = selectors.rag_cell("amber")
    assert (str(cell["words"]), cell["tag"]) == ("Amber", "govuk-tag--orange")


# Academic years and areas -----------------------------------------------------------------------


@pytest.mark.parametrize("year", ["2023/24", "1999/00"])
def test_academic_year_accepts_consecutive_years(year):
    assert validate_academic_year(year) is None  # it raises ValidationError when refused


@pytest.mark.parametrize("year", ["2023/25", "2023-24", "23/24", "", "2023/2024"])
def test_academic_year_refuses_anything_else(year):
    with pytest.raises(ValidationError):
        validate_academic_year(year)


def test_opening_a_review_seeds_the_authoritys_six_areas(review, world):
    names = [a.name for a in EvaluationArea.objects.filter(local_authority=world.bradford)]
    assert names == [
        "Common agenda",
        "Shared measurement",
        "Mutually reinforcing activities",
        "Continuous communication",
        "Backbone support",
        "Community voice and leadership",
    ]


def test_an_authority_that_edited_its_areas_keeps_them(world):
    f.EvaluationAreaFactory(local_authority=world.bradford, name="Our own area")
    services.open_review(partnership=world.keighley, academic_year="2023/24", by=None)
    assert [a.name for a in selectors.areas_for(world.keighley)] == ["Our own area"]


def test_only_one_review_per_year(review, world):
    with pytest.raises(ValidationError):
        services.open_review(partnership=world.keighley, academic_year="2023/24", by=None)


# Rating and agreeing ----------------------------------------------------------------------------


def test_a_member_rates_every_area(review, world):
    services.rate(review=review, ratings=all_areas(review, "amber"), by=world.people["member"])
    assert MemberRating.objects.filter(review=review, person=world.people["member"]).count() == 6


def test_rating_again_replaces_the_members_own_ratings(review, world):
    member = world.people["member"]
    services.rate(review=review, ratings=all_areas(review, "amber"), by=member)
    services.rate(review=review, ratings=all_areas(review, "green"), by=member)
    assert set(MemberRating.objects.filter(person=member).values_list("rating", flat=True)) == {
        "green"
    }


def test_an_observer_cannot_rate(review, world):
    with pytest.raises(PermissionDenied):
        services.rate(review=review, ratings=all_areas(review, "red"), by=world.people["observer"])


def test_agreeing_needs_every_area(review, world):
    agreed = all_areas(review, "green")
    agreed.popitem()
    with pytest.raises(ValidationError):
        services.agree_review(review=review, agreed=agreed, by=world.people["coordinator"])


def test_agreeing_needs_a_reason_for_each_area(review, world):
    with pytest.raises(ValidationError):
        services.agree_review(
            review=review, agreed=all_areas(review, "green", " "), by=world.people["coordinator"]
        )


def test_agreeing_closes_the_review(review, world):
    services.agree_review(
        review=review,
        agreed=all_areas(review, "green"),
        on=datetime.date(2024, 9, 12),
        by=world.people["coordinator"],
    )
    review.refresh_from_db()
    assert (review.status, review.agreed_on) == ("agreed", datetime.date(2024, 9, 12))


def test_an_agreed_review_refuses_ratings(review, world):
    services.agree_review(review=review, agreed=all_areas(review, "green"), by=None)
    with pytest.raises(ValidationError):
        services.rate(review=review, ratings=all_areas(review, "red"), by=world.people["member"])


def test_an_agreed_review_cannot_be_agreed_again(review, world):
    services.agree_review(review=review, agreed=all_areas(review, "green"), by=None)
    with pytest.raises(WrongState):
        services.agree_review(review=review, agreed=all_areas(review, "red"), by=None)


def test_a_member_cannot_agree(review, world):
    with pytest.raises(PermissionDenied):
        services.agree_review(
            review=review, agreed=all_areas(review, "green"), by=world.people["member"]
        )


def test_agreeing_ticks_the_capability_analysis_step_on_its_date(review, world):
    services.agree_review(
        review=review, agreed=all_areas(review, "amber"), on=datetime.date(2024, 9, 12), by=None
    )
    progress = step(world.keighley, "capability-analysis")
    assert (progress.status, progress.on) == ("done", datetime.date(2024, 9, 12))


def test_an_agreed_review_has_a_date_in_the_database(review):
    with pytest.raises(IntegrityError), transaction.atomic():
        CapabilityReview.objects.filter(pk=review.pk).update(status="agreed")


# Side by side -----------------------------------------------------------------------------------


def test_reviews_side_by_side_are_columns_oldest_first(world):
    older = services.open_review(partnership=world.keighley, academic_year="2022/23", by=None)
    newer = services.open_review(partnership=world.keighley, academic_year="2023/24", by=None)
    services.agree_review(review=newer, agreed=all_areas(newer, "green"), by=None)
    services.agree_review(review=older, agreed=all_areas(older, "red"), by=None)
    table = selectors.side_by_side(world.keighley, selectors.areas_for(world.keighley))
    assert [r.academic_year for r in table["reviews"]] == ["2022/23", "2023/24"]
    assert [c["rating"] for c in table["rows"][0]["cells"]] == ["red", "green"]


def test_an_open_review_is_not_side_by_side(review, world):
    table = selectors.side_by_side(world.keighley, selectors.areas_for(world.keighley))
    assert table["reviews"] == []


def test_side_by_side_queries_do_not_grow_with_reviews(world, django_assert_max_num_queries):
    for year in ("2019/20", "2020/21", "2021/22", "2022/23"):
        r = services.open_review(partnership=world.keighley, academic_year=year, by=None)
        services.agree_review(review=r, agreed=all_areas(r, "amber"), by=None)
    areas = selectors.areas_for(world.keighley)
    with django_assert_max_num_queries(2):
        selectors.side_by_side(world.keighley, areas)


def test_review_page_shows_ratings_in_words(client, world):
    r = services.open_review(partnership=world.keighley, academic_year="2022/23", by=None)
    services.agree_review(review=r, agreed=all_areas(r, "red"), by=None)
    client.force_login(world.people["member"])
    page = client.get(reverse("review", kwargs={"slug": "keighley"})).content.decode()
    assert 'govuk-tag--red">Red</strong>' in page


# The pages' forms -------------------------------------------------------------------------------


def test_coordinator_opens_a_review_from_the_page(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_capability_new", kwargs={"slug": "keighley"}))
    response = submit(
        client,
        response,
        page_form(response, with_field="academic_year").set("academic_year", "2023/24"),
    )
    assert response.status_code == 302
    assert CapabilityReview.objects.filter(
        partnership=world.keighley, academic_year="2023/24"
    ).exists()


def test_opening_a_review_twice_shows_an_error(client, world, review):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_capability_new", kwargs={"slug": "keighley"}))
    response = submit(
        client,
        response,
        page_form(response, with_field="academic_year").set("academic_year", "2023/24"),
    )
    assert "already a capability analysis" in response.content.decode()


def test_member_rates_from_the_page(client, world, review):
    client.force_login(world.people["member"])
    url = reverse("review_capability_rate", kwargs={"slug": "keighley", "pk": review.pk})
    response = client.get(url)
    areas = selectors.areas_for(world.keighley)
    form = page_form(response, with_field=f"rating_{areas[0].pk}")
    for area in areas:
        form.set(f"rating_{area.pk}", "amber")
    response = submit(client, response, form)
    assert response.status_code == 302
    assert MemberRating.objects.filter(person=world.people["member"], rating="amber").count() == 6


def test_rating_page_without_a_choice_says_which_area(client, world, review):
    client.force_login(world.people["member"])
    url = reverse("review_capability_rate", kwargs={"slug": "keighley", "pk": review.pk})
    response = client.get(url)
    first = selectors.areas_for(world.keighley)[0]
    response = submit(client, response, page_form(response, with_field=f"rating_{first.pk}"))
    assert "Choose red, amber or green for Common agenda" in response.content.decode()


def test_coordinator_agrees_from_the_page(client, world, review):
    services.rate(review=review, ratings=all_areas(review, "green"), by=world.people["member"])
    client.force_login(world.people["coordinator"])
    url = reverse("review_capability_agree", kwargs={"slug": "keighley", "pk": review.pk})
    response = client.get(url)
    assert "Most common: Green" in response.content.decode()
    areas = selectors.areas_for(world.keighley)
    form = page_form(response, with_field=f"reason_{areas[0].pk}")
    for area in areas:
        form.set(f"rating_{area.pk}", "green").set(f"reason_{area.pk}", "We all agree.")
    response = submit(client, response, form)
    review.refresh_from_db()
    assert review.status == "agreed"


def test_coordinator_sees_everyones_ratings_and_a_member_only_their_own(client, world, review):
    services.rate(
        review=review, ratings=all_areas(review, "green", "Strong start"), by=world.people["member"]
    )
    url = reverse("review_capability", kwargs={"slug": "keighley", "pk": review.pk})
    client.force_login(world.people["coordinator"])
    assert world.people["member"].display_name in client.get(url).content.decode()
    client.force_login(world.people["community_rep"])
    assert world.people["member"].display_name not in client.get(url).content.decode()


def test_backbone_staff_rename_an_area_from_the_page(client, world, review):
    area = selectors.areas_for(world.keighley)[0]
    client.force_login(world.people["backbone"])
    url = reverse("review_area_edit", kwargs={"slug": "keighley", "pk": area.pk})
    response = client.get(url)
    submit(client, response, page_form(response, with_field="name").set("name", "A shared agenda"))
    area.refresh_from_db()
    assert area.name == "A shared agenda"


def test_backbone_staff_add_an_area_from_the_page(client, world):
    client.force_login(world.people["backbone"])
    url = reverse("review_areas", kwargs={"slug": "keighley"})
    response = client.get(url)
    submit(
        client,
        response,
        page_form(response, with_field="name")
        .set("name", "Young people's voice")
        .set("order", "7"),
    )
    assert EvaluationArea.objects.filter(local_authority=world.bradford).count() == 7


# Case studies and consent -----------------------------------------------------------------------


def test_a_case_study_cannot_be_published_without_consent(world):
    with pytest.raises(ValidationError):
        services.save_case_study(
            partnership=world.keighley,
            academic_year="2023/24",
            title="Brushing club",
            story="A parent…",
            publishable=True,
            by=None,
        )


def test_the_database_refuses_a_published_case_study_without_consent(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.CaseStudyFactory(partnership=world.keighley, publishable=True)


def test_a_case_study_with_consent_may_be_published(world):
    found = services.save_case_study(
        partnership=world.keighley,
        academic_year="2023/24",
        title="Brushing club",
        story="A parent…",
        consent_by="the parent",
        consent_on=datetime.date(2024, 5, 1),
        consent_how="written",
        publishable=True,
        by=None,
    )
    assert selectors.publishable_case_studies(world.keighley) == [found]


def test_unpublishable_case_studies_are_not_publishable(world):
    f.CaseStudyFactory(partnership=world.keighley)
    f.PublishableCaseStudyFactory(partnership=world.keighley, publishable=False)
    assert selectors.publishable_case_studies(world.keighley) == []


def test_a_case_study_evidences_only_its_partnerships_outcomes(world):
    other = factories.IntendedOutcomeFactory(
        focus_issue=factories.FocusIssueFactory(partnership=world.holme_wood)
    )
    with pytest.raises(ValidationError):
        services.save_case_study(
            partnership=world.keighley,
            academic_year="2023/24",
            title="x",
            story="y",
            outcome=other,
            by=None,
        )


def test_adding_a_case_study_ticks_the_case_studies_step(world):
    services.save_case_study(
        partnership=world.keighley,
        academic_year="2023/24",
        title="x",
        story="y",
        on=datetime.date(2024, 6, 1),
        by=None,
    )
    assert step(world.keighley, "collect-case-studies").status == "done"


def test_case_study_form_refuses_publishing_without_consent(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_case_study_new", kwargs={"slug": "keighley"}))
    form = (
        page_form(response, with_field="title")
        .set("title", "Brushing club")
        .set("academic_year", "2023/24")
    )
    form.set("story", "A parent told us.").tick("publishable", "on")
    response = submit(client, response, form)
    assert "Record who gave consent" in response.content.decode()


def test_case_study_form_with_consent_saves_it_publishable(client, world):
    outcome = world.focus.outcomes.first()
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("review_case_study_new", kwargs={"slug": "keighley"}))
    form = (
        page_form(response, with_field="title")
        .set("title", "Brushing club")
        .set("academic_year", "2023/24")
    )
    form.set("story", "A parent told us.").set("outcome", str(outcome.pk))
    form.set("consent_by", "the parent").set("consent_on", "2024-05-01").set(
        "consent_how", "written"
    )
    form.tick("publishable", "on")
    assert submit(client, response, form).status_code == 302
    assert [c.outcome for c in selectors.publishable_case_studies(world.keighley)] == [outcome]


# Lessons learned --------------------------------------------------------------------------------


def test_board_reads_only_lessons_shared_with_it(world):
    f.LessonFactory(partnership=world.keighley, title="Shared", shared_with_board=True)
    f.LessonFactory(partnership=world.keighley, title="Ours")
    assert [x.title for x in selectors.lessons_for(world.keighley, world.people["board"])] == [
        "Shared"
    ]


def test_members_read_every_lesson(world):
    f.LessonFactory(partnership=world.keighley, shared_with_board=True)
    f.LessonFactory(partnership=world.keighley)
    assert len(selectors.lessons_for(world.keighley, world.people["member"])) == 2


def test_a_lesson_must_say_something(world):
    with pytest.raises(ValidationError):
        services.record_lesson(
            partnership=world.keighley, academic_year="2023/24", title="x", by=None
        )


def test_a_lesson_kept_in_the_partnership_marks_lessons_in_progress(world):
    services.record_lesson(
        partnership=world.keighley, academic_year="2023/24", title="x", what_worked="y", by=None
    )
    assert step(world.keighley, "lessons-learned").status == "in_progress"


def test_a_lesson_shared_with_the_board_ticks_lessons_learned(world):
    services.record_lesson(
        partnership=world.keighley,
        academic_year="2023/24",
        title="x",
        what_worked="y",
        shared_with_board=True,
        on=datetime.date(2024, 7, 10),
        by=None,
    )
    assert step(world.keighley, "lessons-learned").on == datetime.date(2024, 7, 10)


def test_lesson_form_records_a_lesson_from_the_page(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_lesson_new", kwargs={"slug": "keighley"}))
    form = (
        page_form(response, with_field="title")
        .set("title", "Meet in schools")
        .set("academic_year", "2023/24")
    )
    form.set("could_be_better", "Start earlier.").tick("shared_with_board", "on")
    assert submit(client, response, form).status_code == 302
    assert world.keighley.lessons.get().shared_with_board is True


def test_lesson_form_without_either_answer_says_so(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_lesson_new", kwargs={"slug": "keighley"}))
    form = (
        page_form(response, with_field="title")
        .set("title", "Meet in schools")
        .set("academic_year", "2023/24")
    )
    assert "Say what worked well" in submit(client, response, form).content.decode()


def test_search_finds_case_studies_and_lessons(client, world):
    f.CaseStudyFactory(partnership=world.keighley, title="Toothbrushing club")
    f.LessonFactory(partnership=world.keighley, title="Toothbrushing kits arrived late")
    client.force_login(world.people["member"])
    page = client.get(
        reverse("partnership_search", kwargs={"slug": "keighley"}), {"q": "toothbrushing"}
    )
    assert "Toothbrushing club" in page.content.decode()
    assert "Toothbrushing kits arrived late" in page.content.decode()


def count_queries(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured.captured_queries)


def test_review_page_queries_do_not_grow_with_the_evidence(world):
    member = world.people["member"]
    f.CaseStudyFactory(partnership=world.keighley)
    f.LessonFactory(partnership=world.keighley)
    selectors.review_page(world.keighley, member)
    few = count_queries(lambda: selectors.review_page(world.keighley, member))
    for _n in range(5):
        f.CaseStudyFactory(partnership=world.keighley)
        f.LessonFactory(partnership=world.keighley)
        f.FeedbackLinkFactory(partnership=world.keighley)
    assert count_queries(lambda: selectors.review_page(world.keighley, member)) == few


def test_review_detail_queries_do_not_grow_with_ratings(review, world):
    coordinator = world.people["coordinator"]
    services.rate(review=review, ratings=all_areas(review, "red"), by=world.people["member"])
    selectors.review_detail(review, coordinator)
    few = count_queries(lambda: selectors.review_detail(review, coordinator))
    for role in ("community_rep", "young_person", "commissioner"):
        services.rate(review=review, ratings=all_areas(review, "green"), by=world.people[role])
    assert count_queries(lambda: selectors.review_detail(review, coordinator)) == few

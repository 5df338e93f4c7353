"""Recommendations for commissioners: tracked from the agreed Statement of Intent, sent, and
answered by a commissioner or a board member, with every change in the history."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.statements import services
from actlocally.statements.models import Recommendation

from .factories import OrganisationFactory, RecommendationFactory

SENT = datetime.date(2024, 2, 1)
ANSWERED = datetime.date(2024, 3, 1)


def agree_with(world, rows, statement=None):
    version = (
        services.start_new_draft(statement=statement, by=None)
        if statement
        else services.start_statement(focus_issue=world.focus, by=None)
    )
    content = dict(version.content)
    content["recommendations"] = rows
    services.save_content(version=version, content=content, by=None)
    services.transition(version=version, name="circulate", by=None)
    return services.transition(
        version=version, name="agree", agreed_on=SENT, agreed_by_whom="Us", by=None
    )


@pytest.fixture
def ccg():
    return OrganisationFactory(name="NHS West Yorkshire Integrated Care Board", sector="health")


@pytest.fixture
def rec(world, ccg):
    version = agree_with(
        world, [{"key": "R1", "text": "Fund tooth brushing.", "to": ccg.name, "to_id": ccg.pk}]
    )
    return version.statement.recommendations.get()


@pytest.fixture
def sent(rec):
    services.mark_recommendations_sent(recommendations=[rec], sent_on=SENT, by=None)
    rec.refresh_from_db()
    return rec


def test_agreeing_tracks_each_recommendation_to_its_commissioner(rec, ccg):
    assert (rec.key, rec.commissioner, rec.status) == ("R1", ccg, Recommendation.Status.NOT_SENT)


def test_later_agreed_version_without_a_recommendation_marks_it_dropped(world, rec):
    agree_with(world, [], statement=rec.statement)
    rec.refresh_from_db()
    assert rec.in_latest_agreed is False


def test_recommendation_to_an_unknown_organisation_is_refused(world):
    with pytest.raises(ValidationError, match="not an organisation"):
        agree_with(world, [{"key": "R1", "text": "Fund it.", "to": "Nobody Ltd"}])


def test_sending_records_the_date(sent):
    assert (sent.status, sent.sent_on) == (Recommendation.Status.SENT, SENT)


def test_sending_ticks_involve_commissioners(world, sent):
    progress = StepProgress.objects.get(
        partnership=world.keighley, step__key="involve-commissioners"
    )
    assert progress.status == "done"


def test_member_may_not_record_sending(world, rec):
    with pytest.raises(PermissionDenied):
        services.mark_recommendations_sent(
            recommendations=[rec], sent_on=SENT, by=world.people["member"]
        )


@pytest.mark.parametrize("role", ["commissioner", "board", "staff"])
def test_commissioner_or_board_member_records_a_response(world, sent, role):
    services.record_response(
        recommendation=sent,
        status=Recommendation.Status.ACCEPTED,
        response="We will fund it.",
        responded_on=ANSWERED,
        by=world.people[role],
    )
    sent.refresh_from_db()
    assert (sent.status, sent.response, sent.responded_on) == (
        "accepted",
        "We will fund it.",
        ANSWERED,
    )


@pytest.mark.parametrize("role", ["coordinator", "backbone", "member", "research_partner"])
def test_others_may_not_record_a_response(world, sent, role):
    with pytest.raises(PermissionDenied):
        services.record_response(
            recommendation=sent,
            status=Recommendation.Status.ACCEPTED,
            response="Yes.",
            responded_on=ANSWERED,
            by=world.people[role],
        )


def test_response_before_sending_is_refused(world, rec):
    with pytest.raises(ValidationError, match="sent before"):
        services.record_response(
            recommendation=rec,
            status=Recommendation.Status.ACCEPTED,
            response="Yes.",
            responded_on=ANSWERED,
            by=world.people["commissioner"],
        )


def test_response_dated_before_sending_is_refused(world, sent):
    with pytest.raises(ValidationError):
        services.record_response(
            recommendation=sent,
            status=Recommendation.Status.DECLINED,
            response="No.",
            responded_on=SENT - datetime.timedelta(days=1),
            by=world.people["commissioner"],
        )


def test_response_page_records_the_response(client, world, sent):
    client.force_login(world.people["commissioner"])
    client.post(
        reverse("recommendation_respond", kwargs={"slug": "keighley", "pk": sent.pk}),
        {"status": "in_discussion", "response": "Let us talk.", "responded_on": "2024-03-01"},
    )
    sent.refresh_from_db()
    assert sent.status == Recommendation.Status.IN_DISCUSSION


def test_every_change_is_in_the_recommendation_history(client, world, sent):
    services.record_response(
        recommendation=sent,
        status=Recommendation.Status.DECLINED,
        response="No budget this year.",
        responded_on=ANSWERED,
        by=world.people["commissioner"],
    )
    entries = LogEntry.objects.get_for_object(sent)
    assert entries.count() == 3  # created when agreed, sent, answered


def test_tracker_page_shows_the_status_as_a_tag_with_words(client, world, sent):
    client.force_login(world.people["observer"])
    html = client.get(reverse("recommendations", kwargs={"slug": "keighley"})).content.decode()
    assert '<strong class="govuk-tag govuk-tag--blue">Sent</strong>' in html


def test_recommendation_sent_needs_a_date_constraint(world):
    with pytest.raises(IntegrityError):
        RecommendationFactory(status="sent", sent_on=None)


def test_recommendation_response_needs_a_date_constraint(world):
    with pytest.raises(IntegrityError):
        RecommendationFactory(status="accepted", sent_on=SENT, responded_on=None)


def test_recommendation_response_after_sending_constraint(world):
    with pytest.raises(IntegrityError):
        RecommendationFactory(
            status="accepted", sent_on=SENT, responded_on=SENT - datetime.timedelta(days=1)
        )


def test_recommendation_key_unique_in_statement_constraint(world, rec):
    with pytest.raises(IntegrityError):
        RecommendationFactory(agreed_in=rec.agreed_in, key="R1")

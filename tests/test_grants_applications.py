"""Applications to a funding round: a draft saved and answered within word limits, submitted
before the deadline (and refused after it), unchangeable once submitted, checked for
eligibility by the co-ordinator, and seen only by the applicant."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from actlocally.grants import services
from actlocally.grants.models import Application
from actlocally.places.models import Ward
from tests import factories
from tests import factories_grants as f
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_round(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(),
        status="open",
        opens_on=timezone.localdate() - datetime.timedelta(days=7),
        closes_at=timezone.now() + datetime.timedelta(days=7),
        panel_meeting_on=timezone.localdate() + datetime.timedelta(days=14),
        decision_on=timezone.localdate() + datetime.timedelta(days=21),
    )
    f.QuestionFactory(round=funding_round, text="Who will come?", word_limit=5)
    return funding_round


@pytest.fixture
def applicant():
    return factories.UserFactory()


def details(**changes):
    return {
        "organisation_name": "Friends of Cliffe Castle Park",
        "organisation_type": "charity",
        "charity_number": "1234567",
        "company_number": "",
        "project_title": "Holiday lunch club",
        "ward": None,
        "amount_requested_pence": 300_000,
        **changes,
    }


def answered(open_round, applicant):
    application = services.save_application(funding_round=open_round, by=applicant, **details())
    services.save_answer(
        application=application,
        question=open_round.questions.get(),
        text="Families from the estate.",
        by=applicant,
    )
    return application


def test_application_refuses_an_organisation_type_the_round_does_not_fund(open_round, applicant):
    with pytest.raises(ValidationError) as error:
        services.save_application(
            funding_round=open_round, by=applicant, **details(organisation_type="school")
        )
    assert "organisation_type" in error.value.error_dict


def test_application_refuses_an_amount_over_the_largest_grant(open_round, applicant):
    with pytest.raises(ValidationError) as error:
        services.save_application(
            funding_round=open_round, by=applicant, **details(amount_requested_pence=600_000)
        )
    assert "amount_requested_pence" in error.value.error_dict


def test_application_refuses_a_ward_outside_the_local_authority(open_round, applicant):
    leeds = Ward.objects.create(code="E05011390", name="Headingley", la_code="E08000035")
    with pytest.raises(ValidationError) as error:
        services.save_application(funding_round=open_round, by=applicant, **details(ward=leeds))
    assert "ward" in error.value.error_dict


def test_application_refuses_a_draft_round(world, applicant):
    draft = f.FundingRoundFactory(focus_issue=world.keighley.focus_issues.first())
    with pytest.raises(ValidationError, match="not open"):
        services.save_application(funding_round=draft, by=applicant, **details())


def test_answer_over_the_word_limit_is_refused_with_the_count(open_round, applicant):
    application = services.save_application(funding_round=open_round, by=applicant, **details())
    with pytest.raises(ValidationError, match="6 words: it must be 5 words or fewer"):
        services.save_answer(
            application=application,
            question=open_round.questions.get(),
            text="one two three four five six",
            by=applicant,
        )


def test_submit_refuses_an_unanswered_question(open_round, applicant):
    application = services.save_application(funding_round=open_round, by=applicant, **details())
    with pytest.raises(ValidationError, match=r"Who will come\?"):
        services.submit_application(application=application, by=applicant)


def test_submit_before_the_deadline_is_accepted(open_round, applicant):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_late_submission_is_refused_with_the_deadline_shown(open_round, applicant):
    application = answered(open_round, applicant)
    deadline = timezone.now() - datetime.timedelta(minutes=1)
    type(open_round).objects.filter(pk=open_round.pk).update(
        closes_at=deadline, opens_on=deadline.date() - datetime.timedelta(days=1)
    )
    shown = timezone.localtime(deadline).strftime("%-d %B %Y, %H:%M")
    with pytest.raises(ValidationError, match=f"The deadline for .* was {shown}"):
        services.submit_application(application=application, by=applicant)


def test_submitted_application_cannot_change(open_round, applicant):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_answer(
            application=application,
            question=open_round.questions.get(),
            text="Someone else.",
            by=applicant,
        )


def test_someone_else_cannot_change_an_application(open_round, applicant):
    application = answered(open_round, applicant)
    with pytest.raises(PermissionDenied):
        services.save_answer(
            application=application,
            question=open_round.questions.get(),
            text="Not mine.",
            by=factories.UserFactory(),
        )


def test_coordinator_marks_an_application_ineligible_with_a_reason(open_round, applicant, world):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    services.check_eligibility(
        application=application,
        eligible=False,
        reason="It works outside Keighley.",
        by=world.people["coordinator"],
    )
    application.refresh_from_db()
    assert (application.eligibility, application.eligibility_reason) == (
        "ineligible",
        "It works outside Keighley.",
    )


def test_eligibility_check_needs_a_reason(open_round, applicant, world):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    with pytest.raises(ValidationError):
        services.check_eligibility(
            application=application, eligible=True, reason=" ", by=world.people["coordinator"]
        )


def test_eligibility_check_is_refused_to_a_member(open_round, applicant, world):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    with pytest.raises(PermissionDenied):
        services.check_eligibility(
            application=application, eligible=True, reason="Fine", by=world.people["member"]
        )


# From the pages ----------------------------------------------------------------------------------


def test_applicant_applies_from_the_pages(client, open_round, applicant):
    client.force_login(applicant)
    response = client.get(reverse("grants_apply", kwargs={"pk": open_round.pk}))
    form = page_form(response, with_field="organisation_name")
    form.set("organisation_name", "Friends of Cliffe Castle Park")
    form.set("organisation_type", "charity").set("charity_number", "1234567")
    form.set("project_title", "Holiday lunch club").set("amount_requested_pence", "3000")
    response = submit(client, response, form)
    application = Application.objects.get(applicant=applicant)
    question = open_round.questions.get()
    response = client.get(
        reverse("grants_application_answer", kwargs={"pk": application.pk, "question": question.pk})
    )
    submit(client, response, page_form(response, with_field="text").set("text", "Local families."))
    response = client.get(application.get_absolute_url())
    form = next(f for f in read_forms(response.content) if f.action.endswith("/submit/"))
    submit(client, response, form)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_answer_page_shows_the_word_limit_error(client, open_round, applicant):
    application = services.save_application(funding_round=open_round, by=applicant, **details())
    client.force_login(applicant)
    url = reverse(
        "grants_application_answer",
        kwargs={"pk": application.pk, "question": open_round.questions.get().pk},
    )
    response = client.get(url)
    response = submit(
        client, response, page_form(response, with_field="text").set("text", "a b c d e f g")
    )
    assert "Your answer is 7 words: it must be 5 words or fewer." in response.content.decode()


def test_apply_page_shows_why_a_school_cannot_apply(client, open_round, applicant):
    client.force_login(applicant)
    response = client.get(reverse("grants_apply", kwargs={"pk": open_round.pk}))
    form = page_form(response, with_field="organisation_name")
    form.set("organisation_name", "Keighley Primary").set("organisation_type", "school")
    form.set("project_title", "Breakfast club").set("amount_requested_pence", "3000")
    response = submit(client, response, form)
    assert "This round does not fund this type of organisation." in response.content.decode()


def test_applicant_sees_only_their_own_applications(client, open_round, applicant):
    theirs = f.ApplicationFactory(round=open_round, project_title="Someone else's club")
    client.force_login(applicant)
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_my_applications_lists_only_my_own(client, open_round, applicant):
    f.ApplicationFactory(round=open_round, project_title="Someone else's club")
    f.ApplicationFactory(round=open_round, applicant=applicant, project_title="My own club")
    client.force_login(applicant)
    page = client.get(reverse("grants_my_applications")).content.decode()
    assert ("My own club" in page, "Someone else's club" in page) == (True, False)


def test_coordinator_marks_eligibility_from_the_page(client, open_round, applicant, world):
    application = answered(open_round, applicant)
    services.submit_application(application=application, by=applicant)
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse(
            "grants_application_check",
            kwargs={"slug": "keighley", "pk": open_round.pk, "application": application.pk},
        )
    )
    form = page_form(response, with_field="reason").set("eligible", "yes")
    submit(client, response, form.set("reason", "A Keighley charity."))
    application.refresh_from_db()
    assert application.eligibility == "eligible"


def test_draft_round_has_no_public_page(client, world):
    draft = f.FundingRoundFactory(focus_issue=world.keighley.focus_issues.first())
    assert client.get(reverse("grants_public_round", kwargs={"pk": draft.pk})).status_code == 404


def test_apply_page_sends_people_back_from_a_closed_round(client, open_round, applicant):
    type(open_round).objects.filter(pk=open_round.pk).update(status="closed")
    client.force_login(applicant)
    response = client.get(reverse("grants_apply", kwargs={"pk": open_round.pk}))
    assert response["Location"] == reverse("grants_public_round", kwargs={"pk": open_round.pk})


def test_round_page_offers_members_no_link_to_the_applications(client, world, open_round):
    client.force_login(world.people["member"])
    response = client.get(open_round.get_absolute_url())
    assert b"Submitted applications" not in response.content

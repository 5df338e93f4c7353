"""Referrals: a school refers with a reference (never a name), the service's provider sees
referrals to its service only and moves them through the declared states, and every look is
in the access audit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actlocally.accessaudit.models import AccessEvent
from actlocally.hubs import referrals
from actlocally.hubs.models import Referral
from actlocally.organisations.models import Affiliation
from tests.factories import SchoolFactory, UserFactory
from tests.factories_hubs import ReferralFactory, ServiceFactory, TaxonomyTermFactory
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db


def test_a_school_member_refers_a_family(client, world):
    school = SchoolFactory(name="Holycroft Primary")
    teacher = world.people["member"]
    Affiliation.objects.create(person=teacher, organisation=school)
    ServiceFactory(partnership=world.keighley, name="Healthy Minds")
    TaxonomyTermFactory(name="Mental health")
    client.force_login(teacher)
    page = client.get(reverse("hubs_referral_new", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="reference").set("reference", "HC-0042")
    form.choose("need", "Mental health").choose("service", "Healthy Minds")

    submit(client, page, form)

    referral = Referral.objects.get()
    assert (referral.school, referral.reference, referral.status) == (school, "HC-0042", "received")


def test_a_member_not_at_a_school_may_not_refer(client, world):
    client.force_login(world.people["member"])

    response = client.get(reverse("hubs_referral_new", kwargs={"slug": "keighley"}))

    assert response.status_code == 403


def test_the_same_reference_twice_to_one_service_is_refused():
    first = ReferralFactory()

    with pytest.raises(Exception, match="already referred"):
        referrals.make_referral(
            partnership=first.partnership,
            school=first.school,
            service=first.service,
            need=first.need,
            reference=first.reference,
            by=None,
        )


def test_an_unpublished_service_cannot_be_referred_to():
    service = ServiceFactory(published=False)

    with pytest.raises(Exception, match="published service"):
        referrals.make_referral(
            partnership=service.partnership,
            school=SchoolFactory(),
            service=service,
            need=TaxonomyTermFactory(),
            reference="R-1",
            by=None,
        )


def provider_of(referral):
    person = UserFactory()
    Affiliation.objects.create(person=person, organisation=referral.service.organisation)
    return person


def test_the_provider_sees_only_referrals_to_its_service(world):
    mine = ReferralFactory(service=ServiceFactory(partnership=world.keighley))
    ReferralFactory(service=ServiceFactory(partnership=world.keighley))

    seen = list(referrals.referrals_for(provider_of(mine), world.keighley))

    assert seen == [mine]


def test_the_provider_accepts_then_marks_seen(world):
    referral = ReferralFactory(service=ServiceFactory(partnership=world.keighley))
    person = provider_of(referral)

    referrals.move_referral(referral=referral, transition="accept", by=person)
    moved = referrals.move_referral(referral=referral, transition="see", by=person)

    assert moved.status == "seen"


def test_a_new_referral_cannot_be_marked_seen(world):
    referral = ReferralFactory(service=ServiceFactory(partnership=world.keighley))

    with pytest.raises(Exception, match="accept it before"):
        referrals.move_referral(referral=referral, transition="see", by=provider_of(referral))


def test_someone_at_another_organisation_cannot_move_it(world):
    referral = ReferralFactory(service=ServiceFactory(partnership=world.keighley))
    stranger = UserFactory()
    Affiliation.objects.create(person=stranger, organisation=SchoolFactory())

    with pytest.raises(Exception, match="permission"):
        referrals.move_referral(referral=referral, transition="accept", by=stranger)


def test_the_provider_accepts_from_the_page(client, world):
    referral = ReferralFactory(service=ServiceFactory(partnership=world.keighley))
    # Providers reach the partnership's pages as members of it, as for keeping their service.
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=referral.service.organisation)
    client.force_login(person)
    page = client.get(reverse("hubs_referrals", kwargs={"slug": "keighley"}))
    [form] = [f for f in read_forms(page.content) if f.values.get("transition") == ["accept"]]

    submit(client, page, form)

    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_looking_at_referrals_is_in_the_access_audit(client, world):
    ReferralFactory(service=ServiceFactory(partnership=world.keighley))
    client.force_login(world.people["hub_lead"])

    client.get(reverse("hubs_referrals", kwargs={"slug": "keighley"}))

    assert AccessEvent.objects.filter(person=world.people["hub_lead"]).count() == 1


def test_a_closed_referral_is_forgotten_after_a_year(world):
    referral = ReferralFactory(status="seen")
    Referral.objects.filter(pk=referral.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=400)
    )

    assert referrals.forget_closed(now=timezone.now()) == 1

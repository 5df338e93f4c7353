"""Referrals between the services at a hub, as counts (optional per hub): the hub lead turns
it on on the hub's page, records counts from the page (two different services at the hub, a
date not in the future, a reason and an outcome, a positive count), and sees them by from→to
pair on the hub's page with small numbers suppressed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from actlocally.hubs import joined_up
from actlocally.hubs.models import ServiceReferralCount
from tests.factories_hubs import (
    HubFactory,
    OneStopShopDayFactory,
    ServiceFactory,
    ServiceReferralCountFactory,
    hub_with_services,
)
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def url(name, hub):
    return reverse(name, kwargs={"slug": hub.partnership.slug, "pk": hub.pk})


def referrals_form(client, hub):
    page = client.get(url("hubs_service_referrals", hub))
    return page, page_form(page, with_field="count")


def filled(form, *, on="2026-10-01", count="12", to="Dental check-up"):
    form.choose("from_service", "School nursing").choose("to_service", to)
    form.set("on", on).choose("reason", "Teeth and oral health").choose("outcome", "Accepted")
    return form.set("count", count)


def test_the_hub_lead_turns_on_referrals_between_services_on_the_hubs_page(client, world):
    hub = HubFactory(partnership=world.keighley, name="Keighley Central")
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_hub_edit", hub))
    form = page_form(page, with_field="records_service_referrals")
    form.tick("records_service_referrals", form.options["records_service_referrals"][0])

    submit(client, page, form)

    hub.refresh_from_db()
    assert hub.records_service_referrals


def test_the_hub_lead_records_referrals_between_two_services_at_the_hub(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    client.force_login(world.people["hub_lead"])
    page, form = referrals_form(client, hub)

    submit(client, page, filled(form))

    row = ServiceReferralCount.objects.get()
    assert (row.from_service.name, row.to_service.name, row.reason, row.outcome, row.count) == (
        "School nursing",
        "Dental check-up",
        "teeth",
        "accepted",
        12,
    )


def test_the_form_offers_only_the_services_at_the_hub(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    ServiceFactory(partnership=world.keighley, name="Elsewhere in the offer")
    client.force_login(world.people["hub_lead"])

    _page, form = referrals_form(client, hub)

    offered = {form.labels[("to_service", v)] for v in form.options["to_service"] if v}
    assert offered == {"School nursing", "Dental check-up"}


def test_a_service_on_a_one_stop_shop_day_is_at_the_hub():
    hub = HubFactory(records_service_referrals=True)
    day = OneStopShopDayFactory(hub=hub)
    service = ServiceFactory(partnership=hub.partnership)
    day.services.add(service)

    assert list(joined_up.services_at(hub)) == [service]


def test_a_service_cannot_refer_to_itself(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    client.force_login(world.people["hub_lead"])
    page, form = referrals_form(client, hub)

    response = submit(client, page, filled(form, to="School nursing"))

    assert "Choose a different service" in response.content.decode()
    assert not ServiceReferralCount.objects.exists()


def test_a_date_in_the_future_is_refused(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    client.force_login(world.people["hub_lead"])
    page, form = referrals_form(client, hub)
    later = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()

    response = submit(client, page, filled(form, on=later))

    assert "cannot be in the future" in response.content.decode()
    assert not ServiceReferralCount.objects.exists()


def test_a_count_of_nought_is_refused(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    client.force_login(world.people["hub_lead"])
    page, form = referrals_form(client, hub)

    response = submit(client, page, filled(form, count="0"))

    assert response.status_code == 200 and not ServiceReferralCount.objects.exists()


def test_a_service_not_at_the_hub_is_refused_by_the_service_layer(world):
    hub = hub_with_services(world.keighley, "School nursing")
    elsewhere = ServiceFactory(partnership=world.keighley)

    with pytest.raises(ValidationError, match="Choose a service at this hub"):
        joined_up.record_service_referrals(
            hub=hub,
            from_service=hub.sessions.get().service,
            to_service=elsewhere,
            on=datetime.date(2026, 10, 1),
            reason="teeth",
            outcome="accepted",
            count=3,
            by=None,
        )


def test_a_hub_with_the_switch_off_offers_no_form(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up", on=False)
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_service_referrals", hub)).content.decode()

    assert 'name="count"' not in text and "does not record referrals" in text


def test_a_post_to_a_hub_with_the_switch_off_records_nothing(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up", on=False)
    client.force_login(world.people["hub_lead"])

    client.post(url("hubs_service_referrals", hub), {"count": "3"})

    assert not ServiceReferralCount.objects.exists()


def test_recording_the_same_day_reason_and_outcome_again_replaces_the_count():
    row = ServiceReferralCountFactory(count=12)
    fields = {k: getattr(row, k) for k in ("from_service", "to_service", "on", "reason")}
    row.hub.sessions.create(
        title="a",
        first_on=row.on,
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
        rrule="FREQ=WEEKLY;COUNT=1",
        service=row.from_service,
    )
    row.hub.sessions.create(
        title="b",
        first_on=row.on,
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
        rrule="FREQ=WEEKLY;COUNT=1",
        service=row.to_service,
    )

    joined_up.record_service_referrals(
        hub=row.hub, **fields, outcome=row.outcome, count=15, by=None
    )

    assert list(ServiceReferralCount.objects.values_list("count", flat=True)) == [15]


def test_the_summary_adds_up_each_from_to_pair():
    row = ServiceReferralCountFactory(count=6)
    ServiceReferralCountFactory(
        hub=row.hub,
        from_service=row.from_service,
        to_service=row.to_service,
        outcome="waiting",
        count=7,
    )

    [pair] = joined_up.pairs_of(row.hub, threshold=10)

    assert (pair.from_name, pair.to_name, pair.count) == (
        row.from_service.name,
        row.to_service.name,
        13,
    )


def test_a_small_pair_is_suppressed_on_the_hubs_page(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True), count=4
    )
    client.force_login(world.people["hub_lead"])

    text = client.get(row.hub.get_manage_url()).content.decode()
    section = text[text.index('id="service-referrals"') :]

    assert ">suppressed<" in section and ">4<" not in section


def test_the_research_partner_sees_small_referral_counts(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True), count=4
    )
    client.force_login(world.people["research_partner"])

    text = client.get(url("hubs_service_referrals", row.hub)).content.decode()

    assert ">4<" in text and ">suppressed<" not in text


def test_the_public_hub_page_shows_no_referrals_between_services(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True), count=40
    )

    text = client.get(row.hub.get_absolute_url()).content.decode()

    assert row.from_service.name not in text and ">40<" not in text


def test_removing_referral_counts_after_confirming(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True)
    )
    client.force_login(world.people["hub_lead"])
    page = client.get(
        reverse(
            "hubs_service_referrals_remove",
            kwargs={"slug": "keighley", "pk": row.hub_id, "row_pk": row.pk},
        )
    )

    submit(client, page, page_form(page, with_field="confirm"))

    assert not ServiceReferralCount.objects.exists()


def test_the_hubs_page_shows_each_pair_with_its_count(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True), count=23
    )
    client.force_login(world.people["coordinator"])

    text = client.get(row.hub.get_manage_url()).content.decode()
    section = text[text.index('id="service-referrals"') :]

    assert row.from_service.name in section and ">23<" in section


def test_the_csv_suppresses_small_referral_counts(client, world):
    row = ServiceReferralCountFactory(
        hub=HubFactory(partnership=world.keighley, records_service_referrals=True), count=4
    )
    client.force_login(world.people["coordinator"])

    text = client.get(url("hubs_service_referrals_csv", row.hub)).content.decode()

    assert text.rstrip().endswith(",suppressed") and ",4" not in text


def test_a_service_name_is_text_in_the_csv(client, world):
    hub = HubFactory(partnership=world.keighley, records_service_referrals=True)
    ServiceReferralCountFactory(
        hub=hub, from_service=ServiceFactory(partnership=world.keighley, name="=HYPERLINK(1)")
    )
    client.force_login(world.people["coordinator"])

    text = client.get(url("hubs_service_referrals_csv", hub)).content.decode()

    assert ",'=HYPERLINK(1)," in text

"""Browser: a parent on a 375px phone finds a free oral-health service near their child's
school in Keighley's local offer, and sees them on the map; the hub lead adds a service and
publishes it, adds a session, plans a one-stop-shop day, records take-up by hub and spoke school
and sees its chart, and records referrals between the hub's services; a provider accepts a
school's referral."""

from actlocally.places.models import LSOA

from .conftest import PHONE, open_page, screenshot, sign_in


def keighley_school():
    """A school in Keighley's area with its position (the demo ships no GIAS list)."""
    from tests.factories import PlacesSchoolFactory

    lsoa = LSOA.objects.filter(focus_areas__partnership__slug="keighley").order_by("code").first()
    return PlacesSchoolFactory(
        urn=999001,
        name="Keighley Example Primary (illustrative)",
        lsoa_code=lsoa.code,
        latitude=lsoa.latitude,
        longitude=lsoa.longitude,
    )


def test_a_parent_on_a_phone_finds_free_oral_health_help_near_school(browser):
    school = keighley_school()
    page = open_page(browser, PHONE)
    page.goto(page.base_url + "/areas/keighley/")
    page.get_by_role("link", name="Find services for children, young people and parents").click()
    page.get_by_label("What do you need help with?").select_option(label="Oral health")
    page.get_by_label("Cost").select_option(label="Free only")
    page.get_by_label("Near").select_option(label=school.name)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/local-offer/?*")
    results = page.locator(".app-directory-result")
    first = results.first.inner_text()
    assert "Free" in first and "miles away" in first
    assert "not from your home" in page.locator("#distance-note").inner_text()
    page.locator(".app-map .leaflet-interactive").first.wait_for()
    screenshot(page, "hubs-directory-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("link", name="Print these results as a handout").click()
    assert page.locator(".app-directory-result").count() == results.count()
    screenshot(page, "hubs-handout-phone")


def test_the_hub_lead_adds_and_publishes_a_service(browser):
    page = open_page(browser)
    sign_in(page, "hublead@example.org")
    page.goto(page.base_url + "/partnerships/keighley/local-offer/")
    page.get_by_role("link", name="Add a service").click()
    page.get_by_label("Name").fill("Fluoride varnish clinic")
    page.get_by_label("What it offers").fill("A dental nurse paints fluoride varnish on teeth.")
    page.get_by_label("Oral health").check()
    page.get_by_label("Where it happens").select_option(label="Keighley Library")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/partnerships/keighley/local-offer/")
    assert page.get_by_text("Publish it to show it in the directory.").is_visible()
    page.get_by_role("button", name="Publish Fluoride varnish clinic").click()
    page.wait_for_load_state()
    assert page.get_by_text("is published: it is in the public directory").is_visible()
    screenshot(page, "hubs-services")
    page.goto(page.base_url + "/areas/keighley/local-offer/?need=oral-health")
    assert page.get_by_role("heading", name="Fluoride varnish clinic").is_visible()


def test_the_hub_lead_adds_a_term_time_session_and_sees_it_on_the_hub_page(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "hublead@example.org")
    page.goto(page.base_url + "/partnerships/keighley/local-offer/")
    page.get_by_role("link", name="Keighley Central school hub", exact=True).click()
    page.get_by_role("link", name="Add a session").click()
    page.get_by_label("What the session is").fill("Fluoride varnish drop-in")
    page.get_by_label("First date").fill("2026-10-06")
    page.get_by_label("Starts at").fill("15:30")
    page.get_by_label("Ends at").fill("16:30")
    page.get_by_label("How it repeats").fill("FREQ=WEEKLY;BYDAY=TU")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "never ends" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("How it repeats").fill("FREQ=WEEKLY;BYDAY=TU;COUNT=8")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/areas/keighley/hubs/*/")
    assert page.get_by_text("is on the hub's timetable").is_visible()
    assert page.get_by_role("heading", name="Keighley Central school hub").is_visible()
    screenshot(page, "hubs-hub-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_hub_lead_plans_a_one_stop_shop_day_and_records_take_up(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "hublead@example.org")
    page.goto(page.base_url + "/partnerships/keighley/local-offer/")
    page.get_by_role("link", name="Keighley Central school hub", exact=True).click()
    assert page.get_by_text("Keighley spoke school A (illustrative)").is_visible()
    page.get_by_role("link", name="Add a one-stop-shop day").click()
    page.get_by_label("Name of the day").fill("Summer family health day")
    page.get_by_label("Date").fill("2027-06-12")
    page.get_by_label("Starts at").fill("10:00")
    page.get_by_label("Ends at").fill("13:00")
    page.get_by_label("Stay and play").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/local-offer/hubs/*/")
    assert page.get_by_text("Summer family health day").first.is_visible()
    page.get_by_role("link", name="Record and see take-up").click()
    page.locator("[data-vega-drawn=true]").wait_for()
    assert page.locator("td", has_text="suppressed").count() > 0
    screenshot(page, "hubs-take-up-phone")
    assert page.locator("#by-age-band").get_by_text("From a spoke school").is_visible()
    form = page.locator("form", has=page.locator("#id_from_hub_school_count"))
    form.get_by_label("Session", exact=True).select_option(label="School nursing drop-in")
    form.get_by_label("From", exact=True).fill("2026-11-02")
    form.get_by_label("To", exact=True).fill("2026-11-30")
    form.get_by_label("Age band").select_option(label="16 to 19")
    form.get_by_label("From the hub school").fill("-2")
    form.get_by_label("From a spoke school").fill("12")
    page.get_by_role("button", name="Save the counts").click()
    page.locator(".govuk-error-summary").wait_for()
    form = page.locator("form", has=page.locator("#id_from_hub_school_count"))
    form.get_by_label("From the hub school").fill("11")
    page.get_by_role("button", name="Save the counts").click()
    assert page.get_by_text("The counts are saved.").is_visible()
    band = page.locator("#by-age-band tr", has_text="16 to 19")
    assert band.inner_text().split()[-2:] == ["11", "12"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto(page.base_url + "/areas/keighley/local-offer/")
    page.get_by_role("link", name="Keighley Central school hub").click()
    assert page.get_by_text("Summer family health day").is_visible()
    assert page.get_by_text("Stay and play").first.is_visible()
    screenshot(page, "hubs-hub-day-phone")


def test_the_hub_lead_records_referrals_between_the_hubs_services(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "hublead@example.org")
    page.goto(page.base_url + "/partnerships/keighley/local-offer/")
    page.get_by_role("link", name="Keighley Central school hub", exact=True).click()
    assert page.locator("#service-referrals").is_visible()
    page.get_by_role("link", name="Record and see referrals between services").click()
    form = page.locator("form", has=page.locator("#id_count"))
    form.get_by_label("From service").select_option(
        label="Supervised tooth brushing in nursery and primary schools"
    )
    form.get_by_label("To service").select_option(label="Healthy Start vouchers: help to apply")
    form.get_by_label("Date").fill("2026-11-26")
    form.get_by_label("What the referrals were about").select_option(label="Teeth and oral health")
    form.get_by_label("What came of them").select_option(label="Waiting")
    form.get_by_label("Number of referrals").fill("12")
    page.get_by_role("button", name="Save the referral counts").click()
    assert page.get_by_text("The referral counts are saved.").is_visible()
    pair = page.locator("#pairs tr", has_text="Supervised tooth brushing")
    pair = pair.filter(has_text="Healthy Start")
    assert pair.inner_text().split()[-1] == "12"
    screenshot(page, "hubs-service-referrals-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_coordinator_moves_a_referral_on(browser):
    page = open_page(browser)
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/local-offer/referrals/")
    page.get_by_role("button", name="Accept KC-0003").click()
    assert page.get_by_text("Referral KC-0003 is accepted.").is_visible()
    page.get_by_role("button", name="Record that the family was seen KC-0003").click()
    assert page.get_by_text("Referral KC-0003 is marked as seen.").is_visible()
    screenshot(page, "hubs-referrals")

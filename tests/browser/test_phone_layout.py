"""A partnership on a 375px phone: one "Sections" control instead of a dozen tabs before the
content, naming the section the person is in, and tables that fit the screen."""

from .conftest import screenshot, sign_in


def sections_control(page):
    return page.get_by_role("navigation", name="Partnership sections").locator("summary")


def test_on_a_phone_the_sections_are_one_control_that_names_the_current_one(phone):
    sign_in(phone, "coordinator@example.org")
    phone.goto(phone.base_url + "/partnerships/keighley/members/")
    assert sections_control(phone).inner_text() == "Sections: Members"


def test_on_a_phone_the_section_links_are_hidden_until_the_control_is_opened(phone):
    sign_in(phone, "coordinator@example.org")
    phone.goto(phone.base_url + "/partnerships/keighley/")
    nav = phone.get_by_role("navigation", name="Partnership sections")
    assert not nav.get_by_role("link", name="Members").is_visible()
    sections_control(phone).click()
    nav.get_by_role("link", name="Members").click()
    assert phone.get_by_role("heading", level=1, name="Members").is_visible()


def test_on_a_desktop_the_sections_stay_tabs(page):
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/")
    nav = page.get_by_role("navigation", name="Partnership sections")
    assert nav.get_by_role("link", name="Members").is_visible()
    assert nav.locator("summary").count() == 0


def test_every_section_of_a_partnership_fits_a_phone(phone):
    sign_in(phone, "coordinator@example.org")
    phone.goto(phone.base_url + "/partnerships/keighley/")
    links = phone.locator(".app-sections--narrow a")
    addresses = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(addresses) >= 10
    wider = {}
    for address in addresses:
        phone.goto(phone.base_url + address)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wider[address] = width
    assert wider == {}


def test_pictures_of_a_partnership_the_area_and_the_members_on_a_phone(phone):
    sign_in(phone, "coordinator@example.org")
    for name, address in [
        ("phone-partnership", "/partnerships/keighley/"),
        ("phone-area-profile", "/partnerships/keighley/area/"),
        ("phone-members", "/partnerships/keighley/members/"),
    ]:
        phone.goto(phone.base_url + address)
        screenshot(phone, name)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375

"""Browser test: an action's owner finds their actions with the filters and updates one."""

import re

from .conftest import sign_in


def test_owner_filters_the_plan_and_updates_their_action(page):
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + "/partnerships/keighley/actions/")
    page.get_by_label("Owner").select_option(label="Ruth Bennett (you)")
    page.get_by_role("button", name="Apply filters").click()
    # Only her action is left, so its one "Update" link is hers.
    page.get_by_role("link", name=re.compile(r"^Update")).click()
    page.get_by_label("At risk").check()
    page.get_by_label("Progress note").fill("Two schools have not started recording yet.")
    page.get_by_role("button", name="Add update").click()
    assert page.get_by_text("Your update has been added.").is_visible()
    assert page.get_by_text("Two schools have not started recording yet.").is_visible()

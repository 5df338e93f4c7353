"""Roles are one enumeration that the permission table checks against, and the authorization
package loads before the models do, as Django needs it to."""

import subprocess
import sys

import pytest

from actlocally.authorization.predicates import has_role
from actlocally.partnerships.models import BoardRole, Role


def test_a_rule_naming_a_role_that_does_not_exist_fails_when_it_is_written():
    with pytest.raises(ValueError):
        has_role("co-ordinator")


def test_stored_role_values_stay_as_they_are_in_the_database():
    # Changing one of these needs a data migration, not just a new value here.
    assert [r.value for r in Role] == [
        "coordinator",
        "research_partner",
        "member",
        "community_rep",
        "young_person",
        "commissioner",
        "observer",
        "hub_lead",
    ]
    assert [r.value for r in BoardRole] == ["chair", "member", "backbone"]


def test_the_authorization_package_imports_before_any_app_is_loaded():
    # Django imports each installed app's package before its models can be imported.
    result = subprocess.run(
        [sys.executable, "-c", "import actlocally.authorization"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

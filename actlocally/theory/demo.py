"""The demo's theories of change, one per focus issue: reads theory.yaml of the demo's data
folder (see demo/loader.py). Each theory links to its focus issue's own intended outcomes."""

from . import services


def load_demo(context) -> None:
    data = context.section("theory")
    if not data:
        return
    for slug, theory in data["theories"].items():
        focus = context.partnerships[slug].focus_issues.get(status="active")
        services.save_theory(
            focus_issue=focus,
            summary=theory.get("summary", ""),
            inputs=theory.get("inputs", data.get("inputs", [])),
            activities=theory.get("activities", []),
            outputs=theory.get("outputs", []),
            intended_outcomes=list(focus.outcomes.all()),
            impact=theory.get("impact", data.get("impact", [])),
            assumptions=theory.get("assumptions", data.get("assumptions", [])),
            on=theory.get("written_on"),
            by=context.people[data["written_by"]],
        )

"""The demo's agreed Statements of Intent: reads statements.yaml of the demo's data folder (see
demo/loader.py): facts, charts, quotes, actions and recommendations, when each was agreed, sent to
commissioners and answered. Quotes and recommendations are marked illustrative on the page."""

from . import services


def load_demo(context) -> None:
    data = context.section("statements")
    if not data:
        return
    for slug, statement in data["statements"].items():
        _load_one(context, context.partnerships[slug], statement, data)


def _load_one(context, partnership, data: dict, common: dict) -> None:
    orgs = context.organisations
    by = context.by
    source = common.get("source", "")
    focus = partnership.focus_issues.get(status="active")
    version = services.start_statement(focus_issue=focus, by=by)
    content = dict(version.content)
    content["facts"] = [
        {"value": f["value"], "text": f["text"], "source": source, "year": f.get("year")}
        for f in data.get("facts", [])
    ]
    content["charts"] = data.get("charts", [])
    content["quotes"] = [
        {
            "text": q["text"],
            "source": q["source"],
            "consent": common.get("quote_consent", ""),
            "illustrative": True,
        }
        for q in data.get("quotes", [])
    ]
    content["actions"] = [
        {
            "text": a["text"],
            "lead": a.get("lead", ""),
            "lead_id": orgs[a["lead"]].pk if a.get("lead") else None,
        }
        for a in data.get("actions", [])
    ]
    content["recommendations"] = [
        {"key": f"R{n}", "text": r["text"], "to": r["to"], "to_id": orgs[r["to"]].pk}
        | {"illustrative": True}
        for n, r in enumerate(data.get("recommendations", []), start=1)
    ]
    services.save_content(version=version, content=content, by=by)
    # The source's own history: its action plan is seeded by the actions demo.
    services.transition(version=version, name="circulate", by=by, as_history=True)
    services.transition(
        version=version,
        name="agree",
        agreed_on=data["agreed_on"],
        agreed_on_precision=data.get("agreed_on_precision", "day"),
        agreed_by_whom=data["agreed_by_whom"],
        by=by,
        as_history=True,
    )
    recommendations = list(partnership.recommendations.order_by("key"))
    if data.get("sent_on"):
        services.mark_recommendations_sent(
            recommendations=recommendations, sent_on=data["sent_on"], by=by
        )
    for response in data.get("responses", []):
        services.record_response(
            recommendation=recommendations[response["recommendation"] - 1],
            status=response["status"],
            response=response["response"],
            responded_on=response["responded_on"],
            by=by,
        )

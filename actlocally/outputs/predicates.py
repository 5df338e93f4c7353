"""Who is who on an output request: predicates for the permission table (object: a linkage
project or an output request)."""

import rules


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _project_id(obj):
    from actlocally.linkage.models import LinkageProject

    if isinstance(obj, LinkageProject):
        return obj.pk
    return getattr(obj, "project_id", None)


def _has_project_role(user, obj, role: str) -> bool:
    project_id = _project_id(obj)
    if not _signed_in(user) or project_id is None:
        return False
    from actlocally.linkage.models import ProjectMember

    return ProjectMember.objects.filter(project_id=project_id, user=user, role=role).exists()


@rules.predicate
def is_project_analyst(user, obj) -> bool:
    """A named analyst of the linkage project (object: the project or one of its outputs)."""
    return _has_project_role(user, obj, "analyst")


@rules.predicate
def is_project_checker(user, obj) -> bool:
    """A named output checker of the linkage project."""
    return _has_project_role(user, obj, "checker")


@rules.predicate
def checks_outputs_anywhere(user) -> bool:
    if not _signed_in(user):
        return False
    from actlocally.linkage.models import ProjectMember

    return ProjectMember.objects.filter(user=user, role="checker").exists()


@rules.predicate
def wrote_output(user, output) -> bool:
    return _signed_in(user) and getattr(output, "author_id", None) == user.pk


@rules.predicate
def checks_this_output(user, output) -> bool:
    """One of the checkers the current submission was sent to (never its author)."""
    reviews = getattr(output, "reviews", None)
    return (
        _signed_in(user)
        and reviews is not None
        and output.author_id != user.pk
        and reviews.filter(checker=user).exists()
    )


@rules.predicate
def is_released(user, output) -> bool:
    return getattr(output, "status", None) == "released"

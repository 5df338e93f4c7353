"""Thin views: a person exports their own data; site staff find a person, export theirs, or
erase them after typing their email address."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.pagination import paginate

from . import selectors, services
from .forms import EraseForm, FindPersonForm


def _staff_only(request, permission: str) -> None:
    # 404 alike for everyone else: the pages' existence says nothing to them.
    if not has_permission(request.user, permission):
        raise Http404


def _person_or_404(pk):
    return get_object_or_404(get_user_model(), pk=pk)


@login_required
def my_data(request):
    if request.method == "POST":
        job = services.start_export(person=request.user, by=request.user)
        return redirect(job)
    return render(request, "privacy/my_data.html")


@login_required
def people(request):
    _staff_only(request, "privacy.export_anyone")
    form = FindPersonForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    found = paginate(request, selectors.find_people(text))
    context = {
        "form": form,
        "text": text,
        "found": found,
        "erasures": selectors.recent_erasures(),
    }
    return render(request, "privacy/people.html", context)


@login_required
def person(request, pk):
    _staff_only(request, "privacy.export_anyone")
    found = _person_or_404(pk)
    context = {
        "person": found,
        "held": selectors.held_about(found),
        "can_erase": has_permission(request.user, "privacy.erase_person")
        and found.pk != request.user.pk,
    }
    return render(request, "privacy/person.html", context)


@login_required
def person_export(request, pk):
    _staff_only(request, "privacy.export_anyone")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    job = services.start_export(person=_person_or_404(pk), by=request.user)
    return redirect(job)


@login_required
def person_erase(request, pk):
    _staff_only(request, "privacy.erase_person")
    found = _person_or_404(pk)
    if found.pk == request.user.pk:
        raise Http404
    form = EraseForm(request.POST or None, person=found)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.erase_person(person=found, by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(
                request,
                _("The person has been erased. They are recorded as %(pseudonym)s.")
                % {"pseudonym": record.pseudonym},
            )
            return redirect("privacy_people")
    return render(
        request,
        "privacy/erase.html",
        {"person": found, "form": form, "held": selectors.held_about(found)},
    )

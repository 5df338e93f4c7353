"""The phone flow: people at the event join with a short code, without an account.

Public pages, one thing per page, each form with a check-your-answers page, no JavaScript needed.
What a guest has typed so far lives in their session; the device token that makes them one guest
(and so one ballot) lives there too. Any page reached without a working code goes back to /join/.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.participation.services import AttemptLimit

from . import services
from .forms import BallotForm, CodeForm, GuestNameForm, GuestRoleForm, KindForm, TextForm
from .models import Contribution, GuestRole, JoinCode, Symposium
from .selectors import agreed_priorities, candidates_with_challenges

PENDING = "symposia_join"  # {"code_id", "display_name", "role_type", "kind", "text", "ranking"}
TOKENS = "symposia_guest_tokens"  # symposium id -> device token
CURRENT = "symposia_guest"  # the device token in use

# Wrong codes allowed per window, per connection and per session: generous for a room sharing
# one Wi-Fi address, far too few to guess one of 25^6 codes.
JOIN_ATTEMPTS = AttemptLimit(name="symposia:join", window=10 * 60, per_ip=50, per_session=10)


def join(request):
    """Enter the code shown at the event."""
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if JOIN_ATTEMPTS.exceeded(request):
            form.is_valid()
            form.add_error(
                "code",
                _("Too many codes have been tried from here. Wait 10 minutes, then try again."),
            )
            status = 429
        elif form.is_valid():
            try:
                join_code = services.check_join_code(form.cleaned_data["code"])
            except ValidationError as error:
                JOIN_ATTEMPTS.count_failure(request)
                form.add_error("code", error)
            else:
                symposium = join_code.symposium
                if has_permission(request.user, "symposia.take_part", symposium.partnership):
                    messages.info(
                        request,
                        _("You are signed in as a member of the partnership: take part here."),
                    )
                    return redirect(symposium)
                if not symposium.has_something_for_guests:
                    return _closed(request, symposium)
                request.session[PENDING] = {"code_id": join_code.pk}
                return redirect("join_name")
    return render(request, "symposia/phone/join.html", {"form": form}, status=status)


def _pending(request) -> tuple[dict, JoinCode | None]:
    """What the person has typed so far, and the code they gave, if it still works."""
    pending = request.session.get(PENDING) or {}
    join_code = (
        JoinCode.objects.select_related("symposium__partnership")
        .filter(pk=pending.get("code_id"))
        .first()
    )
    if join_code is None or not join_code.is_valid():
        return pending, None
    return pending, join_code


def _closed(request, symposium: Symposium):
    """Ranking has closed: say so rather than ask questions, and show what was agreed."""
    return render(
        request,
        "symposia/phone/closed.html",
        {"symposium": symposium, "agreed": agreed_priorities(symposium)},
    )


def _collecting_or_home(request, guest):
    """Contributions close when ranking opens; send the guest to what they can do now."""
    if guest.symposium.stage == Symposium.Stage.COLLECTING:
        return None
    messages.info(request, _("Contributions have closed: the co-ordinator has opened the ranking."))
    return redirect("join_home")


def _back_to_start(request):
    messages.info(request, _("Enter the code shown at the event to take part."))
    return redirect("join")


def _save(request, **values) -> None:
    request.session[PENDING] = {**(request.session.get(PENDING) or {}), **values}


def join_name(request):
    pending, join_code = _pending(request)
    if join_code is None:
        return _back_to_start(request)
    if not join_code.symposium.has_something_for_guests:
        return _closed(request, join_code.symposium)
    form = GuestNameForm(
        request.POST or None, initial={"display_name": pending.get("display_name", "")}
    )
    if request.method == "POST" and form.is_valid():
        _save(request, display_name=form.cleaned_data["display_name"])
        return redirect("join_check" if pending.get("role_type") else "join_role")
    return render(
        request, "symposia/phone/question.html", _page(join_code.symposium, form, back="join")
    )


def join_role(request):
    pending, join_code = _pending(request)
    if join_code is None:
        return _back_to_start(request)
    if not join_code.symposium.has_something_for_guests:
        return _closed(request, join_code.symposium)
    form = GuestRoleForm(request.POST or None, initial={"role_type": pending.get("role_type")})
    if request.method == "POST" and form.is_valid():
        _save(request, role_type=form.cleaned_data["role_type"])
        return redirect("join_check")
    return render(
        request, "symposia/phone/question.html", _page(join_code.symposium, form, back="join_name")
    )


def join_check(request):
    pending, join_code = _pending(request)
    if join_code is None:
        return _back_to_start(request)
    if not join_code.symposium.has_something_for_guests:
        return _closed(request, join_code.symposium)
    if not pending.get("role_type"):
        return redirect("join_role")
    if request.method == "POST":
        tokens = request.session.get(TOKENS) or {}
        try:
            guest, token = services.join_as_guest(
                join_code=join_code,
                display_name=pending.get("display_name", ""),
                role_type=pending["role_type"],
                token=tokens.get(str(join_code.symposium_id)),
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("join")
        tokens[str(guest.symposium_id)] = token
        request.session[TOKENS] = tokens
        request.session[CURRENT] = token
        request.session[PENDING] = {}
        return redirect("join_home")
    return render(
        request,
        "symposia/phone/join_check.html",
        {
            "symposium": join_code.symposium,
            "display_name": pending.get("display_name", ""),
            "role_label": GuestRole(pending["role_type"]).label,
            "notice": services.GUEST_NOTICE,
        },
    )


def _guest(request):
    return services.guest_for_token(request.session.get(CURRENT))


def _page(symposium: Symposium, form, *, back: str) -> dict:
    return {"symposium": symposium, "form": form, "back": back}


def join_home(request):
    """What the guest can do now: add contributions while they are collected, then rank."""
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    s = guest.symposium
    return render(
        request,
        "symposia/phone/home.html",
        {
            "symposium": s,
            "guest": guest,
            "contribution_count": guest.contributions.count(),
            "has_voted": services.has_voted(symposium=s, guest=guest),
            "agreed": agreed_priorities(s),
        },
    )


def join_kind(request):
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    if elsewhere := _collecting_or_home(request, guest):
        return elsewhere
    pending = request.session.get(PENDING) or {}
    form = KindForm(request.POST or None, initial={"kind": pending.get("kind")})
    if request.method == "POST" and form.is_valid():
        _save(request, kind=form.cleaned_data["kind"])
        return redirect("join_contribution_check" if pending.get("text") else "join_text")
    return render(
        request, "symposia/phone/question.html", _page(guest.symposium, form, back="join_home")
    )


def join_text(request):
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    if elsewhere := _collecting_or_home(request, guest):
        return elsewhere
    pending = request.session.get(PENDING) or {}
    if not pending.get("kind"):
        return redirect("join_kind")
    form = TextForm(request.POST or None, initial={"text": pending.get("text", "")})
    form.fields["text"].label = Contribution.Kind(pending["kind"]).label
    if request.method == "POST" and form.is_valid():
        _save(request, text=form.cleaned_data["text"])
        return redirect("join_contribution_check")
    return render(
        request, "symposia/phone/question.html", _page(guest.symposium, form, back="join_kind")
    )


def join_contribution_check(request):
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    if elsewhere := _collecting_or_home(request, guest):
        return elsewhere
    pending = request.session.get(PENDING) or {}
    if not pending.get("kind"):
        return redirect("join_kind")
    if not pending.get("text"):
        return redirect("join_text")
    if request.method == "POST":
        try:
            services.add_contribution(
                symposium=guest.symposium, kind=pending["kind"], text=pending["text"], guest=guest
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thank you. Your contribution has been added."))
        request.session[PENDING] = {}
        return redirect("join_home")
    return render(
        request,
        "symposia/phone/contribution_check.html",
        {
            "symposium": guest.symposium,
            "kind_label": Contribution.Kind(pending["kind"]).label,
            "text": pending["text"],
        },
    )


def join_rank(request):
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    s = guest.symposium
    if s.stage != Symposium.Stage.RANKING or services.has_voted(symposium=s, guest=guest):
        return redirect("join_home")
    candidates = candidates_with_challenges(s)
    by_id = {c.pk: c for c in candidates}
    pending = request.session.get(PENDING) or {}
    earlier = [by_id[pk] for pk in pending.get("ranking", []) if pk in by_id]
    form = BallotForm(
        request.POST or None, candidates=candidates, initial=BallotForm.initial_for(earlier)
    )
    if request.method == "POST" and form.is_valid():
        _save(request, ranking=[c.pk for c in form.cleaned_data["ranking"]])
        return redirect("join_rank_check")
    return render(request, "symposia/phone/rank.html", {"symposium": s, "form": form})


def join_rank_check(request):
    guest = _guest(request)
    if guest is None:
        return _back_to_start(request)
    s = guest.symposium
    by_id = {c.pk: c for c in s.candidates.all()}
    pending = request.session.get(PENDING) or {}
    ranking = [by_id[pk] for pk in pending.get("ranking", []) if pk in by_id]
    if not ranking:
        return redirect("join_rank")
    if request.method == "POST":
        try:
            services.cast_ballot(symposium=s, ranking=ranking, guest=guest)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thank you. Your ranking has been counted."))
        request.session[PENDING] = {}
        return redirect("join_home")
    unranked = [c for c in by_id.values() if c not in ranking]
    return render(
        request,
        "symposia/phone/rank_check.html",
        {"symposium": s, "ranking": ranking, "unranked": unranked},
    )

"""Partnership pages: public area pages, the dashboard, and the pages a partnership runs on.

Each view fetches through `authorization` (404 for what a person may not see), calls one service
and renders. No rule lives here.
"""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind as Accessed
from actlocally.accessaudit.services import record_view
from actlocally.accounts.adapter import PENDING_INVITATION_SESSION_KEY
from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate
from actlocally.jobs.services import start_job

from . import selectors, services
from .exports import export_history
from .forms import (
    EarlyImpactForm,
    FocusIssueForm,
    InvitationForm,
    MembershipForm,
    NewFocusIssueForm,
    PartnerOrganisationsForm,
    PartnershipForm,
    PublicContactForm,
    TimelineEventForm,
)
from .models import EarlyImpact, FocusIssue, LocalAuthority, Membership, TimelineEvent

# Public pages -----------------------------------------------------------------------------------


def home(request):
    return render(request, "partnerships/home.html", {"areas": selectors.public_areas()})


def area(request, slug):
    partnership = selectors.public_area(slug)
    if partnership is None:
        raise Http404
    return render(
        request,
        "partnerships/area.html",
        {"partnership": partnership, **selectors.public_area_extras(partnership)},
    )


# Signed-in pages --------------------------------------------------------------------------------


@login_required
def dashboard(request):
    return render(request, "partnerships/dashboard.html", selectors.dashboard_for(request.user))


@login_required
def local_authority(request, code):
    la = get_object_or_404(LocalAuthority.objects.select_related("board__backbone"), code=code)
    if not has_permission(request.user, "partnerships.view_local_authority", la):
        raise Http404
    return render(
        request,
        "partnerships/local_authority.html",
        {
            "local_authority": la,
            "can_add": has_permission(request.user, "partnerships.add_partnership", la),
            **selectors.local_authority_overview(la, request.user),
        },
    )


@login_required
def partnership_create(request, code):
    la = get_object_or_404(LocalAuthority, code=code)
    if not has_permission(request.user, "partnerships.view_local_authority", la):
        raise Http404
    require_permission(request.user, "partnerships.add_partnership", la)
    form = PartnershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.create_partnership(
                local_authority=la, **form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been set up.") % {"name": partnership})
            return redirect(partnership)
    return render(
        request, "partnerships/partnership_form.html", {"form": form, "local_authority": la}
    )


@login_required
def partnership(request, slug):
    p = get_partnership_or_404(request.user, slug)
    return render(
        request,
        "partnerships/partnership.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, "partnerships.manage_partnership", p),
            **selectors.partnership_home(p),
        },
    )


@login_required
def public_contact_edit(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    form = PublicContactForm(request.POST or None, initial={"public_contact": p.public_contact})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_public_contact(
                partnership=p, public_contact=form.cleaned_data["public_contact"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The public page's contact has been saved."))
            return redirect(p)
    return render(
        request, "partnerships/public_contact_form.html", {"form": form, "partnership": p}
    )


@login_required
def partnership_edit(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    form = PartnershipForm(request.POST or None, instance=p)
    partners = PartnerOrganisationsForm(
        request.POST or None,
        prefix="partners",
        initial={"organisations": p.partner_organisations.all()},
    )
    if request.method == "POST" and form.is_valid() and partners.is_valid():
        fields = dict(form.cleaned_data.items())
        try:
            services.update_partnership(partnership=p, **fields, by=request.user)
            services.set_partner_organisations(
                partnership=p, organisations=partners.cleaned_data["organisations"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The partnership's details have been saved."))
            return redirect(p)
    return render(
        request,
        "partnerships/partnership_form.html",
        {
            "form": form,
            "partners_form": partners,
            "partnership": p,
            "local_authority": p.local_authority,
        },
    )


@login_required
def members(request, slug):
    p = get_partnership_or_404(request.user, slug)
    can_invite = has_permission(request.user, "partnerships.invite_members", p)
    # Names and job titles, and for those who invite, the email of everyone invited.
    record_view(request, Accessed.MEMBER_LIST, p)
    return render(
        request,
        "partnerships/members.html",
        {
            "partnership": p,
            "members": selectors.members_of(p),
            "invitations": selectors.pending_invitations(p) if can_invite else [],
            "can_invite": can_invite,
        },
    )


@login_required
def member_invite(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.invite_members")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = services.invite_member(
                partnership=p,
                **form.cleaned_data,
                base_url=request.build_absolute_uri("/"),
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if invitation.email_sent is False:
                messages.warning(
                    request,
                    _(
                        "The invitation is saved, but we could not send the invitation email to "
                        "%(email)s. Invite them again later, or tell the site's support team."
                    )
                    % {"email": invitation.email},
                )
            else:
                messages.success(
                    request,
                    _("We have emailed an invitation to %(email)s.") % {"email": invitation.email},
                )
            return redirect("members", slug=p.slug)
    return render(request, "partnerships/member_invite.html", {"form": form, "partnership": p})


@login_required
def member_edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    membership = get_object_or_404(
        Membership.objects.select_related("person"), partnership=p, pk=pk
    )
    form = MembershipForm(request.POST or None, instance=membership)
    record_view(request, Accessed.PROFILE, membership.person, partnership=p)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                services.remove_member(membership=membership, by=request.user)
                messages.success(
                    request, _("%(name)s has left the partnership.") % {"name": membership.person}
                )
                return redirect("members", slug=p.slug)
            if form.is_valid():
                services.change_member_role(
                    membership=membership,
                    role=form.cleaned_data["role"],
                    organisation=form.cleaned_data["organisation"],
                    by=request.user,
                )
                messages.success(
                    request, _("%(name)s's role has been saved.") % {"name": membership.person}
                )
                return redirect("members", slug=p.slug)
        except ValidationError as error:
            add_errors(form, error)
    return render(
        request,
        "partnerships/member_edit.html",
        {"form": form, "partnership": p, "membership": membership},
    )


@login_required
def focus_issue(request, slug):
    p = get_partnership_or_404(request.user, slug)
    history = selectors.focus_history(p)
    return render(
        request,
        "partnerships/focus_issue.html",
        {
            "partnership": p,
            "current": next((f for f in history if f.status == FocusIssue.Status.ACTIVE), None),
            "past": [f for f in history if f.status == FocusIssue.Status.PAST],
            "can_manage": has_permission(request.user, "partnerships.manage_partnership", p),
        },
    )


@login_required
def focus_issue_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    form = NewFocusIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_focus_issue(partnership=p, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The focus issue has been set."))
            return redirect("focus_issue", slug=p.slug)
    return render(
        request, "partnerships/focus_issue_form.html", {"form": form, "partnership": p, "new": True}
    )


@login_required
def focus_issue_edit(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    issue = get_object_or_404(FocusIssue, partnership=p, status=FocusIssue.Status.ACTIVE)
    form = FocusIssueForm(
        request.POST or None,
        initial={
            "title": issue.title,
            "summary": issue.summary,
            "outcomes": "\n".join(o.text for o in issue.outcomes.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        services.update_focus_issue(focus_issue=issue, **form.cleaned_data, by=request.user)
        messages.success(request, _("The focus issue has been saved."))
        return redirect("focus_issue", slug=p.slug)
    return render(
        request,
        "partnerships/focus_issue_form.html",
        {"form": form, "partnership": p, "new": False},
    )


@login_required
def timeline(request, slug):
    p = get_partnership_or_404(request.user, slug)
    return render(
        request,
        "partnerships/timeline.html",
        {
            "partnership": p,
            "events": p.timeline.order_by("-starts_on", "-pk"),
            "can_manage": has_permission(request.user, "partnerships.manage_partnership", p),
        },
    )


@login_required
def timeline_event(request, slug, pk=None):
    p = get_partnership_or_404(request.user, slug, "partnerships.manage_partnership")
    event = (
        get_object_or_404(TimelineEvent, partnership=p, pk=pk)
        if pk
        else TimelineEvent(partnership=p)
    )
    form = TimelineEventForm(request.POST or None, instance=event)
    if request.method == "POST":
        if pk and "delete" in request.POST:
            services.delete_timeline_event(event=event, by=request.user)
            messages.success(request, _("The event has been removed from the timeline."))
            return redirect("timeline", slug=p.slug)
        if form.is_valid():
            try:
                services.save_timeline_event(event=form.instance, by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The timeline has been saved."))
                return redirect("timeline", slug=p.slug)
    return render(
        request, "partnerships/timeline_form.html", {"form": form, "partnership": p, "event": event}
    )


@login_required
def early_impact(request, slug):
    p = get_partnership_or_404(request.user, slug)
    can_manage = has_permission(request.user, "partnerships.manage_partnership", p)
    form = EarlyImpactForm(request.POST or None)
    if request.method == "POST":
        require_permission(request.user, "partnerships.manage_partnership", p)
        if "delete" in request.POST:
            impact = get_object_or_404(EarlyImpact, partnership=p, pk=request.POST.get("delete"))
            services.delete_early_impact(impact=impact, by=request.user)
            messages.success(request, _("The entry has been removed."))
            return redirect("early_impact", slug=p.slug)
        if form.is_valid():
            services.add_early_impact(partnership=p, **form.cleaned_data, by=request.user)
            messages.success(request, _("The early impact has been recorded."))
            return redirect("early_impact", slug=p.slug)
    return render(
        request,
        "partnerships/early_impact.html",
        {"partnership": p, "impact": p.early_impact.all(), "form": form, "can_manage": can_manage},
    )


@login_required
def history(request, slug):
    p = get_partnership_or_404(request.user, slug, "partnerships.view_history")
    # Who changed what, with the values: names and invited people's email addresses among them.
    record_view(request, Accessed.HISTORY, p)
    return render(
        request,
        "partnerships/history.html",
        {"partnership": p, "entries": paginate(request, selectors.history_of(p))},
    )


@login_required
def history_export(request, slug):
    """The whole history as CSV, made by a worker; the job's page shows progress and the file."""
    p = get_partnership_or_404(request.user, slug, "partnerships.view_history")
    if request.method == "POST":
        record_view(request, Accessed.EXPORT, p, label=_("History of changes (CSV)"))
        job = start_job(
            kind="partnerships.history_export",
            title=_("History of changes: %(partnership)s") % {"partnership": p.name},
            task=export_history,
            kwargs={"partnership_id": p.pk},
            by=request.user,
        )
        return redirect(job)
    return render(request, "partnerships/history_export.html", {"partnership": p})


# Invitations ------------------------------------------------------------------------------------


def invitation(request, token):
    """Anyone with the link may open it; accepting needs the invited email address signed in."""
    inv = services.find_invitation(token)
    if inv is None:
        raise Http404
    error = None
    if not request.user.is_authenticated:
        # Remember the invitation through sign-up or sign-in, and treat its address as verified:
        # the person has shown they read mail sent to it. A used, expired or replaced link
        # remembers nothing, so it cannot open sign-up.
        if inv.is_pending:
            request.session[PENDING_INVITATION_SESSION_KEY] = token
            get_adapter(request).stash_verified_email(request, inv.email)
        else:
            request.session.pop(PENDING_INVITATION_SESSION_KEY, None)
            request.session.pop("account_verified_email", None)
    elif request.method == "POST":
        try:
            services.accept_invitation(invitation=inv, by=request.user)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            request.session.pop(PENDING_INVITATION_SESSION_KEY, None)
            messages.success(request, _("Welcome to %(name)s.") % {"name": inv.partnership})
            return redirect(inv.partnership)
    return render(
        request,
        "partnerships/invitation.html",
        {"invitation": inv, "error": error, "has_account": _account_exists(inv.email)},
    )


def _account_exists(email: str) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=email).exists()

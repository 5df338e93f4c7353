"""Organisation pages: a directory for signed-in people; co-ordinators and backbone staff edit it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission, require_permission, visible_partnership_filter
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate

from . import services
from .forms import OrganisationForm
from .models import Organisation, Sector


@login_required
def organisation_list(request):
    require_permission(request.user, "organisations.view_organisation")
    query = request.GET.get("q", "").strip()
    sector = request.GET.get("sector", "")
    organisations = Organisation.objects.for_list().order_by("name", "pk")
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query)
            | Q(urn=query)
            | Q(charity_number=query)
            | Q(company_number=query)
        )
    if sector in Sector.values:
        organisations = organisations.filter(sector=sector)
    return render(
        request,
        "organisations/list.html",
        {
            "organisations": paginate(request, organisations),
            "query": query,
            "sector": sector,
            "sectors": Sector.choices,
            "can_manage": has_permission(request.user, "organisations.add_organisation"),
        },
    )


@login_required
def organisation_detail(request, pk):
    require_permission(request.user, "organisations.view_organisation")
    organisation = get_object_or_404(Organisation, pk=pk)
    partnerships = organisation.partnerships.filter(visible_partnership_filter(request.user))
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "can_manage": has_permission(
                request.user, "organisations.manage_organisation", organisation
            ),
        },
    )


@login_required
def organisation_form(request, pk=None):
    if pk is None:
        require_permission(request.user, "organisations.add_organisation")
        organisation = Organisation()
    else:
        # Every signed-in person sees every organisation, so refusing says no more than that.
        organisation = get_object_or_404(Organisation, pk=pk)
        require_permission(request.user, "organisations.manage_organisation", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_organisation(organisation=form.instance, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been saved.") % {"name": form.instance})
            return redirect(form.instance)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})

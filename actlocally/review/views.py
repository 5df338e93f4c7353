"""Pages of the Review section of a partnership, under /partnerships/<slug>/review/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.forms import add_errors

from . import report as reports
from . import selectors, services
from .forms import (
    AgreeForm,
    CaseStudyForm,
    EvaluationAreaForm,
    FeedbackLinkForm,
    LessonForm,
    OpenReviewForm,
    RatingForm,
    ReportForm,
)
from .models import (
    CapabilityReview,
    CaseStudy,
    EvaluationArea,
    FeedbackLink,
    ImpactReport,
    year_from_slug,
)
from .workflow import WORKFLOW

VIEW = "review.view_review"
MANAGE = "review.manage_review"
RATE = "review.rate_capability"
AGREE = "review.agree_capability"
PUBLISH = "review.publish_report"
EDIT_AREAS = "review.edit_evaluation_areas"


def _review_or_404(partnership, pk) -> CapabilityReview:
    return get_object_or_404(
        CapabilityReview.objects.select_related("partnership__local_authority"),
        partnership=partnership,
        pk=pk,
    )


@login_required
def index(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    return render(
        request,
        "review/index.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, MANAGE, p),
            "can_agree": has_permission(request.user, AGREE, p),
            "can_edit_areas": has_permission(request.user, EDIT_AREAS, p),
            "can_edit_early_impact": has_permission(
                request.user, "partnerships.manage_partnership", p
            ),
            "sees_all_lessons": selectors.sees_all_lessons(request.user, p),
            **selectors.review_page(p, request.user),
        },
    )


# Capability analysis -----------------------------------------------------------------------------


@login_required
def capability_new(request, slug):
    p = get_partnership_or_404(request.user, slug, AGREE)
    form = OpenReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.open_review(
                partnership=p, academic_year=form.cleaned_data["academic_year"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("The capability analysis is open: members can now rate each area.")
            )
            return redirect(review.get_absolute_url())
    return render(
        request,
        "review/capability_new.html",
        {"partnership": p, "form": form, "areas": selectors.areas_for(p)},
    )


@login_required
def capability(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, VIEW)
    review = _review_or_404(p, pk)
    return render(
        request,
        "review/capability.html",
        {
            "partnership": p,
            "steps": WORKFLOW.allowed(review, request.user),
            **selectors.review_detail(review, request.user),
        },
    )


@login_required
def capability_rate(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, RATE)
    review = _review_or_404(p, pk)
    if review.status != CapabilityReview.Status.OPEN:
        messages.error(
            request, _("This capability analysis is agreed: ratings can no longer change.")
        )
        return redirect(review.get_absolute_url())
    areas = selectors.areas_for(p)
    form = RatingForm(
        request.POST or None,
        areas=areas,
        initial_ratings=selectors.my_ratings(review, request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(review=review, ratings=form.ratings(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Your ratings are saved. You can change them until they are agreed.")
            )
            return redirect(review.get_absolute_url())
    return render(
        request, "review/capability_rate.html", {"partnership": p, "review": review, "form": form}
    )


@login_required
def capability_agree(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, AGREE)
    review = _review_or_404(p, pk)
    if review.status != CapabilityReview.Status.OPEN:
        messages.error(request, _("This capability analysis is already agreed."))
        return redirect(review.get_absolute_url())
    areas = selectors.areas_for(p)
    given = selectors.member_ratings(review)
    suggestions = {}
    for area in areas:
        found = selectors.consensus(given.get(area.pk, []))
        if found["suggested"]:
            suggestions[area.pk] = _("Members' ratings: %(counts)s. Most common: %(word)s.") % {
                "counts": ", ".join(f"{c['cell']['words']} {c['n']}" for c in found["counts"]),
                "word": found["suggested"]["words"],
            }
        else:
            suggestions[area.pk] = _("No member has rated this area yet.")
    form = AgreeForm(request.POST or None, areas=areas, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        try:
            services.agree_review(review=review, agreed=form.agreed(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, WORKFLOW.message(WORKFLOW.get("agree").done, review))
            return redirect(reverse("review", kwargs={"slug": p.slug}))
    return render(
        request,
        "review/capability_agree.html",
        {
            "partnership": p,
            "review": review,
            "form": form,
            **selectors.review_detail(review, request.user),
        },
    )


@login_required
def areas(request, slug):
    p = get_partnership_or_404(request.user, slug, EDIT_AREAS)
    services.ensure_evaluation_areas(local_authority=p.local_authority, by=request.user)
    form = EvaluationAreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_evaluation_area(
                local_authority=p.local_authority, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The area is added."))
            return redirect(reverse("review_areas", kwargs={"slug": p.slug}))
    return render(
        request,
        "review/areas.html",
        {"partnership": p, "form": form, "areas": selectors.areas_for(p)},
    )


@login_required
def area_edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, EDIT_AREAS)
    area = get_object_or_404(EvaluationArea, local_authority=p.local_authority, pk=pk)
    form = EvaluationAreaForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_evaluation_area(
                local_authority=p.local_authority, area=area, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The area is saved."))
            return redirect(reverse("review_areas", kwargs={"slug": p.slug}))
    return render(request, "review/area_form.html", {"partnership": p, "form": form, "area": area})


# Case studies, feedback, lessons -----------------------------------------------------------------


@login_required
def case_study(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, VIEW)
    found = get_object_or_404(CaseStudy.objects.select_related("outcome"), partnership=p, pk=pk)
    return render(
        request,
        "review/case_study.html",
        {
            "partnership": p,
            "case_study": found,
            "can_manage": has_permission(request.user, MANAGE, p),
        },
    )


@login_required
def case_study_form(request, slug, pk=None):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    found = get_object_or_404(CaseStudy, partnership=p, pk=pk) if pk else None
    form = CaseStudyForm(
        request.POST or None, instance=found, outcomes=selectors.partnership_outcomes(p)
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in form.Meta.fields}
        try:
            saved = services.save_case_study(
                partnership=p, case_study=found, by=request.user, **fields
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The case study is saved."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "review/case_study_form.html",
        {"partnership": p, "form": form, "case_study": found},
    )


@login_required
def feedback(request, slug):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    form = FeedbackLinkForm(request.POST or None)
    new_link = None
    if request.method == "POST" and "end" in request.POST:
        end = request.POST["end"]
        link = get_object_or_404(FeedbackLink, partnership=p, pk=int(end) if end.isdigit() else 0)
        services.end_feedback_link(link=link, by=request.user)
        messages.success(request, _("The link no longer works."))
        return redirect(reverse("review_feedback", kwargs={"slug": p.slug}))
    if request.method == "POST" and form.is_valid():
        link, token = services.create_feedback_link(
            partnership=p,
            audience=form.cleaned_data["audience"],
            question=form.cleaned_data["question"],
            days=form.cleaned_data["days"],
            by=request.user,
        )
        new_link = {
            "link": link,
            "url": request.build_absolute_uri(
                reverse("review_feedback_give", kwargs={"token": token})
            ),
        }
        form = FeedbackLinkForm()
    links = list(FeedbackLink.objects.filter(partnership=p).prefetch_related("responses"))
    return render(
        request,
        "review/feedback.html",
        {
            "partnership": p,
            "form": form,
            "links": links,
            "new_link": new_link,
            "now": timezone.now(),
        },
    )


@login_required
def lesson_new(request, slug):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    form = LessonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_lesson(partnership=p, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The lesson is recorded."))
            return redirect(reverse("review", kwargs={"slug": p.slug}) + "#lessons")
    return render(request, "review/lesson_form.html", {"partnership": p, "form": form})


# Impact reports ----------------------------------------------------------------------------------


def _report_or_404(partnership, year_slug) -> ImpactReport:
    year = year_from_slug(year_slug)
    if year is None:
        raise Http404
    return get_object_or_404(
        ImpactReport.objects.select_related("partnership__local_authority"),
        partnership=partnership,
        academic_year=year,
    )


@login_required
def report_new(request, slug):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = services.save_impact_report(partnership=p, by=request.user, **form.cleaned_data)
        messages.success(request, _("The impact report is ready to read."))
        return redirect(saved.get_absolute_url())
    return render(request, "review/report_form.html", {"partnership": p, "form": form})


@login_required
def report(request, slug, year):
    p = get_partnership_or_404(request.user, slug, VIEW)
    found = _report_or_404(p, year)
    return render(
        request,
        "review/report.html",
        {
            **reports.report_context(found, request.user),
            "can_publish": has_permission(request.user, PUBLISH, p),
            "public": False,
        },
    )


@login_required
def report_pdf(request, slug, year):
    p = get_partnership_or_404(request.user, slug, VIEW)
    found = _report_or_404(p, year)
    response = HttpResponse(reports.render_pdf(found, request.user), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{reports.file_name(found)}"'
    return response


@login_required
def report_publish(request, slug, year):
    p = get_partnership_or_404(request.user, slug, PUBLISH)
    found = _report_or_404(p, year)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.POST.get("publish") == "0":
        services.unpublish_report(report=found, by=request.user)
        messages.success(request, _("The report is no longer on the public page."))
    else:
        services.publish_report(report=found, by=request.user)
        messages.success(request, _("The report is published on the area's public page."))
    return redirect(found.get_absolute_url())

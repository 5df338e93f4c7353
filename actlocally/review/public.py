"""Pages anyone can open: a published impact report on the area's public page, and the feedback
form behind a secret link (no account; a wrong, ended or guessed token is a 404)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from actlocally.participation.services import AttemptLimit
from actlocally.partnerships.selectors import public_area

from . import report as reports
from . import services
from .forms import FeedbackForm
from .models import ImpactReport, year_from_slug

FEEDBACK_LIMIT = AttemptLimit(name="review:feedback")


def _published_or_404(slug: str, year_slug: str) -> ImpactReport:
    partnership = public_area(slug)
    year = year_from_slug(year_slug)
    if partnership is None or year is None:
        raise Http404
    found = (
        ImpactReport.objects.filter(
            partnership=partnership, academic_year=year, published_on__isnull=False
        )
        .select_related("partnership__local_authority")
        .first()
    )
    if found is None:
        raise Http404
    return found


def area_report(request, slug, year):
    found = _published_or_404(slug, year)
    return render(request, "review/report.html", {**reports.report_context(found), "public": True})


def area_report_pdf(request, slug, year):
    found = _published_or_404(slug, year)
    response = HttpResponse(reports.render_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{reports.file_name(found)}"'
    return response


@never_cache
def give_feedback(request, token):
    # Guessing links is limited as guessing symposium codes is; past the limit every link is 404.
    if FEEDBACK_LIMIT.exceeded(request):
        raise Http404
    link = services.link_for_token(token)
    if link is None:
        FEEDBACK_LIMIT.count_failure(request)
        raise Http404
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.give_feedback(link=link, **form.cleaned_data)
        return redirect("review_feedback_thanks")
    return render(
        request,
        "review/give_feedback.html",
        {"link": link, "form": form, "notice": services.FEEDBACK_NOTICE},
    )


def feedback_thanks(request):
    return render(request, "review/feedback_thanks.html")

"""The partnership's search page: one box, results grouped by kind, only what the person may see."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from actlocally.authorization import get_partnership_or_404

from .registry import LIMIT, MAX_LENGTH, search


@login_required
def partnership_search(request, slug):
    p = get_partnership_or_404(request.user, slug)
    query = request.GET.get("q", "").strip()[:MAX_LENGTH]
    groups = search(p, request.user, query)
    return render(
        request,
        "search/results.html",
        {
            "partnership": p,
            "search_query": query,
            "groups": groups,
            "found": sum(len(g["results"]) for g in groups),
            "limit": LIMIT,
        },
    )

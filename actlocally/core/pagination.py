"""One way to split a long list into pages (the GOV.UK pagination pattern), keeping the page's
other query parameters in every link and offering "Show all" where a whole list is useful."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

PER_PAGE = 50
SHOW_ALL = "all"


@dataclass
class PageLink:
    number: int | None  # None is an ellipsis between numbers
    url: str = ""
    current: bool = False


@dataclass
class Pagination:
    """What the pagination include shows, and the items of the page being shown."""

    items: list
    count: int
    first: int  # 1-based position of the first item shown (0 when there are none)
    last: int
    number: int = 1
    pages: int = 1
    previous_url: str = ""
    next_url: str = ""
    links: list[PageLink] = field(default_factory=list)
    show_all_url: str = ""  # offered only where the view allows it
    paged_url: str = ""  # back to pages, when everything is shown

    @property
    def is_paged(self) -> bool:
        return self.pages > 1 or bool(self.paged_url)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _url(request, param: str, value) -> str:
    query = request.GET.copy()
    if value in (None, 1):
        query.pop(param, None)
    else:
        query[param] = str(value)
    return f"?{query.urlencode()}" if query else "?"


def page_numbers(number: int, pages: int) -> list[int | None]:
    """The first, the last, the current page and its neighbours; None where numbers are left out."""
    wanted = sorted({1, pages, number - 1, number, number + 1} & set(range(1, pages + 1)))
    shown: list[int | None] = []
    for n in wanted:
        if shown and n - shown[-1] > 1:
            # A gap of one page is shown as the page itself: an ellipsis would hide no more.
            shown.append(n - 1 if n - shown[-1] == 2 else None)
        shown.append(n)
    return shown


def paginate(
    request, items, *, per_page: int | None = None, param: str = "page", show_all: bool = False
) -> Pagination:
    """The page of `items` (an ordered queryset, so only that page is fetched, or a list) that
    the `param` query parameter asks for. A page that is not a number shows the first page and
    one past the end the last: a mistyped or stale link still shows the list, never an error."""
    wanted = request.GET.get(param, "")
    if show_all and wanted == SHOW_ALL:
        everything = list(items)
        return Pagination(
            items=everything,
            count=len(everything),
            first=1 if everything else 0,
            last=len(everything),
            paged_url=_url(request, param, None),
        )
    paginator = Paginator(items, per_page or PER_PAGE)
    page = paginator.get_page(wanted)
    number, pages = page.number, paginator.num_pages
    return Pagination(
        items=list(page.object_list),
        count=paginator.count,
        first=page.start_index(),
        last=page.end_index(),
        number=number,
        pages=pages,
        previous_url=_url(request, param, number - 1) if page.has_previous() else "",
        next_url=_url(request, param, number + 1) if page.has_next() else "",
        links=[
            PageLink(n) if n is None else PageLink(n, _url(request, param, n), n == number)
            for n in page_numbers(number, pages)
        ],
        show_all_url=_url(request, param, SHOW_ALL) if show_all and pages > 1 else "",
    )

"""The public search over all live pages of the current language."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search live, public pages of the request's language; empty query shows a form."""
    query = request.GET.get("q", "").replace("\x00", "")
    if query.count('"') % 2:
        # An unbalanced quote breaks the phrase syntax of the search backends.
        query = query.replace('"', " ")
    query = query.strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        )
        results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results},
    )

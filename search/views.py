"""The search page, `/sok/?q=`: results across everything, by type, with facets."""

from django.shortcuts import render

from innoplatform.core.listing import active_filters, querystring

from .context import page_context, read_params
from .throttle import over_limit


def search_page(request):
    if limited := over_limit(request, "search"):
        return limited
    params, _errors = read_params(request.GET)
    context = page_context(params)
    if context.get("facets"):
        context["active_filters"] = active_filters(request, context["facets"])
    context["querystring_without_page"] = querystring(request, side=None)
    return render(request, "search/search_page.html", context)

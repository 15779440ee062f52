"""Template tags for the site chrome: the main navigation."""

from django import template

from wagtail.models import Site

from innoplatform.core.sections import platform_sections

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context) -> dict:
    """The platform's parts followed by the editor's menu pages, marking the current one."""
    request = context.get("request")
    path = request.path if request else ""
    items = [{"label": section.label, "url": section.url} for section in platform_sections()]
    site = Site.find_for_request(request) if request else None
    if site is not None:
        items += [
            {"label": page.title, "url": page.url}
            for page in site.root_page.get_children().live().public().in_menu().specific(defer=True)
        ]
    for item in items:
        item["current"] = bool(path) and path.startswith(item["url"]) and item["url"] != "/"
    return {"items": items}

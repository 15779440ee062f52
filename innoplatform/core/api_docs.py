"""The API's human documentation at /api/, written from the same OpenAPI schema that /api/schema/ serves.

A page of the site itself rather than a bundled Swagger UI: same look, same
language choice, no scripts, and it passes the accessibility checks like every
other page.
"""

from functools import cache

from drf_spectacular.generators import SchemaGenerator

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

METHODS = ("get", "post", "put", "patch", "delete")


@cache
def api_schema() -> dict:
    """The OpenAPI schema of every endpoint; it depends only on the code, so it is built once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


SHOWN_VALUES = 20


def _values(schema: dict) -> str:
    items = schema.get("items", schema)
    if enum := items.get("enum"):
        if len(enum) > SHOWN_VALUES:
            return gettext("%(count)d gyldige verdier, fra %(first)s til %(last)s (alle står i skjemaet)") % {
                "count": len(enum),
                "first": enum[0],
                "last": enum[-1],
            }
        return ", ".join(str(value) for value in enum)
    if pattern := items.get("pattern"):
        return pattern
    return items.get("type", "")


def operations(schema: dict) -> list[dict]:
    """Each endpoint and method with its parameters and answers, in the schema's order."""
    result = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if (operation := item.get(method)) is None:
                continue
            result.append(
                {
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "repeatable": parameter.get("schema", {}).get("type") == "array",
                            "values": _values(parameter.get("schema", {})),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {
                            "status": code,
                            "description": response.get("description", ""),
                            "types": list(response.get("content", {})),
                        }
                        for code, response in operation.get("responses", {}).items()
                    ],
                }
            )
    return result


@require_GET
def api_documentation(request: HttpRequest) -> HttpResponse:
    schema = api_schema()
    return render(request, "core/api_docs.html", {"info": schema.get("info", {}), "operations": operations(schema)})

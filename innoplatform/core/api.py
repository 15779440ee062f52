"""What every JSON endpoint shares: errors as JSON, page-numbered lists, and answers outside DRF's views.

All errors have the same shape: ``{"detail": "…"}``, plus ``"errors"`` (per
parameter or field, a list of messages) when the request was invalid. The texts
follow the visitor's UI language like the rest of the site.
"""

import json
from collections.abc import Callable, Iterable

from rest_framework import pagination, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def json_error(detail: str, status_code: int) -> HttpResponse:
    """An error in the API's shape for answers given outside DRF (404 for unknown paths, 500, 503)."""
    return HttpResponse(
        json.dumps({"detail": detail}, ensure_ascii=False),
        status=status_code,
        content_type="application/json",
    )


def exception_handler(exc, context) -> Response | None:
    """DRF's handler, with invalid input as ``{"detail", "errors"}`` instead of a bare dict of lists."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        response.data = {"detail": _("Forespørselen har ugyldige parametere."), "errors": errors}
    return response


class PagePagination(pagination.PageNumberPagination):
    """Lists of 50 per page, chosen with ``?side=``; a page that does not exist is a 404."""

    page_query_param = "side"
    page_size = 50
    invalid_page_message = gettext_lazy("Siden finnes ikke.")

    def get_page_number(self, request, paginator) -> str:
        """The page asked for: a whole number from 1 (anything else is a 400; a page past the end is a 404)."""
        value = request.query_params.get(self.page_query_param, "1")
        if not (value.isascii() and value.isdigit() and int(value) >= 1):
            raise ValidationError({self.page_query_param: [_("Sidenummeret må være et helt tall fra 1.")]})
        return value

    def get_paginated_response(self, data, **extra) -> Response:
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "pages": self.page.paginator.num_pages,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                **extra,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        nullable_link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "page", "pages", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Antall treff i alt"},
                "page": {"type": "integer", "description": "Denne siden (1 er den første)"},
                "pages": {"type": "integer", "description": "Antall sider"},
                "next": nullable_link,
                "previous": nullable_link,
                "results": schema,
            },
        }


class ErrorSerializer(serializers.Serializer):
    """The shape of every error answer."""

    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


def values_from_database(read: Callable[[], Iterable[str]]) -> list[str]:
    """Values a schema hook reads from the database (codes, numbers); none when there is no database to read.

    The schema must build without one, as in `manage.py spectacular` on a fresh checkout.
    """
    try:
        return list(read())
    except DatabaseError:
        return []


def set_enum(result: dict, path_prefix: str, parameter_name: str, values: list[str]) -> dict:
    """drf-spectacular postprocessing: list `values` as the valid values of a parameter under `path_prefix`."""
    if not values:
        return result
    for path, item in result.get("paths", {}).items():
        if not path.startswith(path_prefix):
            continue
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == parameter_name:
                    schema = parameter["schema"]
                    (schema["items"] if schema.get("type") == "array" else schema)["enum"] = values
    return result


def public_endpoints_only(endpoints: list) -> list:
    """drf-spectacular preprocessing hook: the schema documents the platform's API, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


class PublicReadMixin:
    """Open data: any site may read it from the browser, and no login is needed or used."""

    authentication_classes = ()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

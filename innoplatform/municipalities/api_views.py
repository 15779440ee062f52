"""JSON of a kommune's demographic profile, for other systems; the same figures as the page.

The view only parses the request; the payload is built by
`demography.api_payload` and its keys are documented in README.md under "API".
"""

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .demography.api_payload import profile_payload, unavailable_payload
from .demography.profile import build_profile
from .models import Kommune


@require_GET
def kommune_profile(request: HttpRequest, number: str) -> JsonResponse:
    kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
    alternative = request.GET.get("alternativ", "").strip().upper()[:10] or None
    profile = build_profile(kommune, alternative)
    payload = profile_payload(profile) if profile else unavailable_payload(kommune)
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})

"""Building published posts quickly for tests, benchmarks and demo content, through the post services."""

from datetime import timedelta

from django.utils import timezone

from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.organisations.models import Membership, Organisation

from .models import CollaborationPost
from .posts import PostData, save_post, submit


def publish_post(
    organisation: Organisation, kind: str, title: str, description: str, *, author=None, **codes
) -> CollaborationPost:
    """A published post of `organisation` (by `author`, or its first member), with `codes`:
    service_areas, challenges, seeking (lists of codes), kommuner/fylker (numbers), whole_country."""
    author = author or Membership.objects.filter(organisation=organisation, status="approved").first().user
    data = PostData(
        kind=kind,
        title=title,
        description=description,
        expires_on=codes.pop("expires_on", timezone.localdate() + timedelta(days=90)),
        service_areas=codes.pop("service_areas", []),
        challenges=codes.pop("challenges", []),
        seeking=codes.pop("seeking", []),
        kommuner=list(Kommune.objects.filter(number__in=codes.pop("kommuner", []))),
        fylker=list(Fylke.objects.filter(number__in=codes.pop("fylker", []))),
        whole_country=codes.pop("whole_country", False),
    )
    return submit(author, save_post(author, organisation, data))

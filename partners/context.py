"""What the partner pages show: the list for the search in the URL, one post with its matches, and a user's posts.

Each reads a fixed number of queries whatever the number of posts: the list
pages through prefetched posts, and the matches come from the matching's
in-memory corpus.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from innoplatform.core.derived import remember
from innoplatform.core.listing import active_filters, in_id_order, querystring
from innoplatform.organisations.models import Organisation
from innoplatform.organisations.public import is_member, is_moderator, member_organisations

from .facets import RELEVANCE, SORTS, PostFilters, facet_counts, filter_posts, ordered_post_ids, sort_posts
from .forms import RenewForm
from .matching import match_both
from .models import CollaborationPost, PostCode

PAGE_SIZE = 20
MATCHES_SHOWN = 5


def for_cards(posts: QuerySet[CollaborationPost]) -> QuerySet[CollaborationPost]:
    """Posts with what a card shows (organisation, seat, codes), in two queries."""
    return posts.select_related("organisation", "organisation__kommune").prefetch_related(
        Prefetch("codes", queryset=PostCode.objects.order_by("dimension", "code"))
    )


def list_context(request: HttpRequest) -> dict:
    filters = PostFilters.from_querydict(request.GET)
    if filters.query:
        posts = sort_posts(for_cards(filter_posts(CollaborationPost.objects.published(), filters)), filters)
        page_obj = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("side"))
    else:
        page_obj = Paginator(ordered_post_ids(filters), PAGE_SIZE).get_page(request.GET.get("side"))
        page_obj.object_list = in_id_order(for_cards(CollaborationPost.objects.all()), page_obj.object_list)
    facets = facet_counts(filters)
    return {
        "filters": filters,
        "facets": facets,
        "active_filters": active_filters(request, facets),
        "page_obj": page_obj,
        "posts": page_obj.object_list,
        "sorts": [(key, str(label)) for key, (label, _order) in SORTS.items() if key != RELEVANCE or filters.query],
        "querystring_without_page": querystring(request, side=None),
        "member_of_any": request.user.is_authenticated and member_organisations(request.user).exists(),
    }


def visible_post(request: HttpRequest, slug: str) -> CollaborationPost | None:
    """The post if the user may see it: published for everyone, otherwise for its members and moderators."""
    post = for_cards(CollaborationPost.objects.filter(slug=slug)).prefetch_related("kommuner", "fylker").first()
    if post is None:
        return None
    if post.is_live:
        return post
    user = request.user
    if user.is_authenticated and (is_member(user, post.organisation) or is_moderator(user)):
        return post
    return None


def detail_context(request: HttpRequest, post: CollaborationPost) -> dict:
    user = request.user
    published = post.is_live
    owner = user.is_authenticated and is_member(user, post.organisation)
    other_organisations = (
        list(member_organisations(user).exclude(pk=post.organisation_id)) if user.is_authenticated else []
    )
    post_matches, organisation_matches = match_both(post, limit=MATCHES_SHOWN)
    organisations = Organisation.objects.in_bulk([match.slug for match in organisation_matches], field_name="slug")
    return {
        "post": post,
        "labels": {dimension: post.labels_of(dimension) for dimension in PostCode.Dimension.values},
        "published": published,
        "owner": owner,
        "moderator": user.is_authenticated and is_moderator(user),
        "can_send_interest": published and not owner and bool(other_organisations),
        "post_matches": post_matches,
        "organisation_matches": [(match, organisations.get(match.slug)) for match in organisation_matches],
        "renew_form": RenewForm(prefix="fornye") if owner else None,
        "can_report": published and not owner,
        "open_reports": post.reports.filter(handled_at__isnull=True).count() if owner else 0,
    }


def my_posts_context(request: HttpRequest) -> dict:
    """Every post of the user's organisations, grouped by where it stands, with its count of interests."""
    organisations = list(member_organisations(request.user).order_by("name"))
    posts = list(
        for_cards(CollaborationPost.objects.filter(organisation__in=organisations))
        .annotate(interest_count=Count("interests", distinct=True))
        .order_by("organisation__name", "-updated_at")
    )
    return {
        "organisations": organisations,
        "open_posts": [post for post in posts if post.is_live],
        "other_posts": [post for post in posts if not post.is_live],
    }


def posts_for_challenges(challenges: list[str], limit: int = 6) -> list[CollaborationPost]:
    """Published posts that address any of `challenges`, newest first (for the kommune page).

    Which posts is derived data per challenge set and day (a post stops being published when it expires).
    """
    if not challenges:
        return []

    def newest_ids() -> list[int]:
        posts = CollaborationPost.objects.published().filter(
            Q(codes__dimension=PostCode.Dimension.CHALLENGE, codes__code__in=challenges)
        )
        return list(posts.distinct().order_by("-published_at", "-pk").values_list("pk", flat=True)[:limit])

    parts = (sorted(challenges), limit, timezone.localdate().isoformat())
    ids = remember("challenge-posts", parts, ("partners", "organisations"), newest_ids)
    return in_id_order(for_cards(CollaborationPost.objects.all()), ids)

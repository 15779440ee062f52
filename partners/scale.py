"""Scale data: many published collaboration posts of the organisations, with their codes and places."""

from datetime import timedelta

from django.utils import timezone

from innoplatform.core.scale import ScalePlan
from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.organisations.models import Membership

from .models import CollaborationPost, PostCode
from .posts import search_text_of

BATCH = 2_000
TITLES = {
    CollaborationPost.Kind.NEED: ("Vi søker partner til", "Hvem vil være med på", "Vi trenger hjelp med"),
    CollaborationPost.Kind.OFFER: ("Vi tilbyr", "Vi deler erfaring med", "Vi kan bidra med"),
}
TOPICS = ("digitalt tilsyn", "hverdagsmestring", "rekruttering i omsorgen", "læringsmiljø", "frivillig innsats")


def load_scale_posts(plan: ScalePlan) -> str:
    writers = list(
        Membership.objects.filter(status=Membership.Status.APPROVED)
        .order_by("pk")
        .values_list("organisation_id", "user_id", "organisation__kommune_id")
    )
    if not writers:
        return "0 innlegg"
    today, now = timezone.localdate(), timezone.now()
    through = CollaborationPost.kommuner.through
    made = 0
    for start in range(0, plan.posts, BATCH):
        posts = []
        for n in range(start, min(start + BATCH, plan.posts)):
            organisation_id, user_id, _kommune_id = plan.random.choice(writers)
            kind = plan.random.choice(CollaborationPost.Kind.values)
            title = f"{plan.random.choice(TITLES[kind])} {plan.random.choice(TOPICS)} ({n})"
            description = "".join(f"<p>{part}</p>" for part in plan.text().split("\n\n"))
            posts.append(
                CollaborationPost(
                    organisation_id=organisation_id,
                    created_by_id=user_id,
                    kind=kind,
                    title=title,
                    slug=f"innlegg-{n}",
                    description=description,
                    search_text=search_text_of(title, description),
                    whole_country=plan.random.random() < 0.1,
                    expires_on=today + timedelta(days=plan.random.randint(7, 365)),
                    status=CollaborationPost.Status.PUBLISHED,
                    published_at=now,
                )
            )
        CollaborationPost.objects.bulk_create(posts)
        codes, links = [], []
        for post, kommune in zip(posts, plan.draw_kommuner(len(posts)), strict=True):
            for dimension, values in (
                (PostCode.Dimension.SERVICE_AREA, ServiceArea.values),
                (PostCode.Dimension.CHALLENGE, Challenge.values),
                (PostCode.Dimension.SEEKING, Sector.values),
            ):
                codes += [
                    PostCode(post=post, dimension=dimension, code=code)
                    for code in plan.random.sample(values, plan.random.randint(1, 2))
                ]
            if not post.whole_country:
                links.append(through(collaborationpost_id=post.pk, kommune_id=kommune.pk))
        PostCode.objects.bulk_create(codes)
        through.objects.bulk_create(links)
        made += len(posts)
    return f"{made} innlegg"

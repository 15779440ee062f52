"""Scale data: a verified organisation for every kommune, then NGOs, research and industry, with members."""

from django.utils import timezone

from innoplatform.accounts.models import User
from innoplatform.core.scale import ScalePlan
from innoplatform.core.vocabularies import Sector

from .factories import valid_orgnr
from .models import Membership, Organisation

OTHER_SECTORS = (Sector.FRIVILLIG, Sector.FOU, Sector.NAERINGSLIV, Sector.STAT)
KINDS = {
    Sector.FRIVILLIG: "Frivilligsentral",
    Sector.FOU: "Forskningssenter",
    Sector.NAERINGSLIV: "Velferdsteknologi AS",
    Sector.STAT: "Statlig etat",
}


def load_scale_organisations(plan: ScalePlan) -> str:
    now = timezone.now()
    kommune_orgs = plan.kommuner[: plan.organisations]
    others = plan.draw_kommuner(max(plan.organisations - len(kommune_orgs), 0))
    organisations = [
        Organisation(
            name=f"{kommune.name} kommune",
            slug=f"{kommune.number}-kommune",
            orgnr=valid_orgnr(n),
            sector=Sector.KOMMUNE,
            kommune=kommune,
            description=plan.text(long=False),
            verified=True,
            verified_at=now,
        )
        for n, kommune in enumerate(kommune_orgs)
    ]
    for n, kommune in enumerate(others, start=len(organisations)):
        sector = OTHER_SECTORS[n % len(OTHER_SECTORS)]
        organisations.append(
            Organisation(
                name=f"{KINDS[sector]} {kommune.name} {n}",
                slug=f"organisasjon-{n}",
                orgnr=valid_orgnr(n),
                sector=sector,
                kommune=kommune,
                description=plan.text(),
                verified=plan.random.random() < 0.9,
                verified_at=now,
            )
        )
    Organisation.objects.bulk_create(organisations)
    users = list(User.objects.order_by("pk").values_list("pk", flat=True))
    memberships, taken = [], set()
    for organisation in Organisation.objects.order_by("pk"):
        for rank in range(plan.random.randint(1, 5) if users else 0):
            user_id = plan.random.choice(users)
            if (organisation.pk, user_id) in taken:
                continue
            taken.add((organisation.pk, user_id))
            memberships.append(
                Membership(
                    organisation=organisation,
                    user_id=user_id,
                    role=Membership.Role.ADMIN if rank == 0 else Membership.Role.MEMBER,
                    status=Membership.Status.APPROVED,
                    decided_at=now,
                )
            )
    Membership.objects.bulk_create(memberships)
    return f"{len(organisations)} organisasjoner med {len(memberships)} medlemskap"

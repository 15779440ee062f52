"""Scale data: historical grants across offices and years, as the grant import writes them."""

from datetime import UTC, datetime

from innoplatform.core.scale import ScalePlan
from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea

from .models import Allocation, Application, ApplicationCode
from .offices import OFFICE_FYLKER

BATCH = 2_000
PROJECTS = ("Digital hjemmeoppfølging", "Heltid i helse", "Samskaping med innbyggerne", "Smart skolevei", "Ny praksis")


def _office_of(fylke_number: str) -> str:
    return next(office for office, fylker in OFFICE_FYLKER.items() if fylke_number in fylker)


def load_scale_grants(plan: ScalePlan) -> str:
    offices = {kommune.pk: _office_of(kommune.fylke.number) for kommune in plan.kommuner}
    made = 0
    for start in range(0, plan.grants, BATCH):
        applications = []
        for n, kommune in enumerate(plan.draw_kommuner(min(BATCH, plan.grants - start)), start=start):
            year = plan.random.randint(2015, 2025)
            applications.append(
                Application(
                    office=offices[kommune.pk],
                    year=year,
                    lead_kommune=kommune,
                    title=f"{plan.random.choice(PROJECTS)} {n}",
                    summary=plan.text(long=False),
                    phase=plan.random.choice(Phase.values),
                    amount_sought_nok=plan.random.randrange(100_000, 3_000_000, 10_000),
                    status=Application.Status.CLOSED,
                    imported=True,
                )
            )
        Application.objects.bulk_create(applications)
        Allocation.objects.bulk_create(
            Allocation(
                application=application,
                amount_nok=application.amount_sought_nok * plan.random.choice((50, 75, 100)) // 100,
                reason="Tildelt etter søknad.",
                decided_at=datetime(application.year, 6, 15, tzinfo=UTC),
            )
            for application in applications
        )
        ApplicationCode.objects.bulk_create(
            ApplicationCode(application=application, dimension=dimension, code=plan.random.choice(values))
            for application in applications
            for dimension, values in (
                (ApplicationCode.Dimension.SERVICE_AREA, ServiceArea.values),
                (ApplicationCode.Dimension.CHALLENGE, Challenge.values),
            )
        )
        made += len(applications)
    return f"{made} tilskudd"

"""The national default services and rates (kommune NULL), each with its source.

The rates are rounded national averages, good enough to show the direction and
order of magnitude of future needs; a kommune's editors set their own in the admin.
"""

from decimal import Decimal

from django.db import migrations

KOSTRA_BARNEHAGE = (
    "SSB KOSTRA tabell 13502 (andel barn 1–5 år i barnehage), landet 2024 (avrundet). "
    "Årsverk: bemanningsnormen, én voksen per 3 barn under 3 år og per 6 barn over 3 år, "
    "gir om lag 0,2 årsverk per barn (avrundet)."
)
GSI_GRUNNSKOLE = (
    "Udir GSI og SSB: andel barn i offentlig grunnskole, landet 2024 (avrundet; resten går i "
    "private skoler). Årsverk: om lag 15 elever per lærerårsverk (GSI lærertetthet) pluss "
    "annet personale, om lag 0,1 årsverk per elev (avrundet)."
)
KOSTRA_HJEMMETJENESTER = (
    "SSB KOSTRA/IPLOS tabell 12292 (mottakere av hjemmetjenester etter alder), landet 2024, "
    "avrundet til størrelsesorden. Årsverk per bruker: anslag fra brukerrettede årsverk i "
    "omsorgstjenesten, om lag 0,3 (avrundet)."
)
KOSTRA_SYKEHJEM = (
    "SSB KOSTRA/IPLOS tabell 12292 og 11875 (beboere i institusjon etter alder), landet 2024, "
    "avrundet til størrelsesorden. Årsverk: om lag 1 årsverk per beboer (avrundet)."
)

SERVICES = [
    # code, name, user label, order, [(age group, coverage, FTE per user, source)]
    (
        "barnehage",
        "Barnehage",
        "barn i barnehage",
        10,
        [("1-5", "0.93", "0.2", KOSTRA_BARNEHAGE)],
    ),
    (
        "grunnskole",
        "Grunnskole",
        "elever",
        20,
        [("6-12", "0.97", "0.1", GSI_GRUNNSKOLE), ("13-15", "0.97", "0.1", GSI_GRUNNSKOLE)],
    ),
    (
        "hjemmetjenester",
        "Hjemmetjenester",
        "brukere av hjemmetjenester",
        30,
        [
            ("67-79", "0.06", "0.3", KOSTRA_HJEMMETJENESTER),
            ("80-89", "0.22", "0.3", KOSTRA_HJEMMETJENESTER),
            ("90+", "0.45", "0.3", KOSTRA_HJEMMETJENESTER),
        ],
    ),
    (
        "sykehjem",
        "Sykehjem og institusjon",
        "beboere",
        40,
        [
            ("67-79", "0.01", "1.0", KOSTRA_SYKEHJEM),
            ("80-89", "0.07", "1.0", KOSTRA_SYKEHJEM),
            ("90+", "0.27", "1.0", KOSTRA_SYKEHJEM),
        ],
    ),
]


def create_default_services(apps, schema_editor):
    Service = apps.get_model("municipalities", "Service")
    ServiceRate = apps.get_model("municipalities", "ServiceRate")
    for code, name, user_label, order, rates in SERVICES:
        service, _ = Service.objects.update_or_create(
            code=code, defaults={"name": name, "user_label": user_label, "order": order}
        )
        for age_group, coverage, fte, source in rates:
            ServiceRate.objects.update_or_create(
                service=service,
                kommune=None,
                age_group=age_group,
                defaults={"coverage_rate": Decimal(coverage), "fte_per_user": Decimal(fte), "source": source},
            )


def remove_default_services(apps, schema_editor):
    Service = apps.get_model("municipalities", "Service")
    Service.objects.filter(code__in=[code for code, *_ in SERVICES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0003_population_and_services"),
    ]

    operations = [
        migrations.RunPython(create_default_services, remove_default_services),
    ]

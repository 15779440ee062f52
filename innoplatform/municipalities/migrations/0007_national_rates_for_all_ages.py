"""National default rates for every age group that uses a service, each with its source, and rate validation.

Home care was counted only from age 67, which gave Skien 1 195 users in 2024
where KOSTRA reports 2 103: home care and institutions are used at every adult
age, most by the oldest. The rates are rounded national estimates; see
docs/demography.md for how each was found and checked against Skien's KOSTRA.
"""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models

BARNEHAGE = (
    "SSB KOSTRA tabell 13502 (KOSandel150000): 94,3 % av barna 1–5 år gikk i barnehage i landet i 2024, "
    "avrundet til 0,94. Årsverk: bemanningsnormen, én voksen per 3 barn under 3 år og per 6 barn over 3 år, "
    "gir om lag 0,2 årsverk per barn."
)
GRUNNSKOLE = (
    "Udir GSI og SSB: andel barn i offentlig grunnskole, landet 2024 (avrundet; resten går i private skoler). "
    "Årsverk: om lag 15 elever per lærerårsverk (GSI lærertetthet) pluss annet personale, om lag 0,1 årsverk per elev."
)
HJEMMETJENESTER = (
    "Anslag etter aldersmønsteret i SSBs statistikk over mottakere av hjemmetjenester (IPLOS/KOSTRA, tabell 12292): "
    "brukere i alle aldre, flest blant de eldste. Avrundet; gir om lag 180 000 brukere i landet og 2 000 i Skien i 2024 "
    "(KOSTRA: 2 103). Årsverk per bruker: anslag, om lag 0,3."
)
SYKEHJEM = (
    "Anslag etter aldersmønsteret i SSBs statistikk over beboere i institusjon (KOSTRA/IPLOS, tabell 12292 og 11875): "
    "de fleste over 80 år, noen yngre. Avrundet; gir om lag 35 000 beboere i landet og 390 i Skien i 2024 "
    "(KOSTRA: 414 sykehjemsbeboere). Årsverk: om lag 1 per beboer."
)

RATES = {
    # service: (FTE per user, source, {age group: coverage})
    "barnehage": ("0.2", BARNEHAGE, {"1-5": "0.94"}),
    "grunnskole": ("0.1", GRUNNSKOLE, {"6-12": "0.97", "13-15": "0.97"}),
    "hjemmetjenester": (
        "0.3",
        HJEMMETJENESTER,
        {
            "1-5": "0.002",
            "6-12": "0.003",
            "13-15": "0.004",
            "16-19": "0.006",
            "20-44": "0.013",
            "45-66": "0.027",
            "67-79": "0.065",
            "80-89": "0.22",
            "90+": "0.50",
        },
    ),
    "sykehjem": (
        "1.0",
        SYKEHJEM,
        {"20-44": "0.0002", "45-66": "0.0015", "67-79": "0.011", "80-89": "0.065", "90+": "0.25"},
    ),
}


def set_national_rates(apps, schema_editor):
    Service = apps.get_model("municipalities", "Service")
    ServiceRate = apps.get_model("municipalities", "ServiceRate")
    for code, (fte, source, groups) in RATES.items():
        service = Service.objects.filter(code=code).first()
        if service is None:
            continue
        national = ServiceRate.objects.filter(service=service, kommune=None)
        national.exclude(age_group__in=list(groups)).delete()
        for age_group, coverage in groups.items():
            national.update_or_create(
                service=service,
                kommune=None,
                age_group=age_group,
                defaults={"coverage_rate": Decimal(coverage), "fte_per_user": Decimal(fte), "source": source},
            )


class Migration(migrations.Migration):

    dependencies = [
        ('municipalities', '0006_summary_states_and_provenance'),
    ]

    operations = [
        migrations.AlterField(
            model_name='servicerate',
            name='coverage_rate',
            field=models.DecimalField(decimal_places=4, help_text='Andel av aldersgruppen som bruker tjenesten, mellom 0 og 1, for eksempel 0,30.', max_digits=6, validators=[django.core.validators.MinValueValidator(0, message='Dekningsgraden kan ikke være negativ.'), django.core.validators.MaxValueValidator(1, message='Dekningsgraden er en andel og kan ikke være over 1 (100 %%).')], verbose_name='dekningsgrad'),
        ),
        migrations.AlterField(
            model_name='servicerate',
            name='fte_per_user',
            field=models.DecimalField(decimal_places=4, help_text='Årsverk som trengs per bruker, for eksempel 0,25.', max_digits=6, validators=[django.core.validators.MinValueValidator(0, message='Årsverk per bruker kan ikke være negativt.')], verbose_name='årsverk per bruker'),
        ),
        migrations.AlterConstraint(
            model_name='servicerate',
            name='coverage_rate_0_1',
            constraint=models.CheckConstraint(condition=models.Q(('coverage_rate__gte', 0), ('coverage_rate__lte', 1)), name='coverage_rate_0_1', violation_error_message='Dekningsgraden må være mellom 0 og 1.'),
        ),
        migrations.RunPython(set_national_rates, migrations.RunPython.noop),
    ]

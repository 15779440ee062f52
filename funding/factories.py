"""Factories for calls, applications and grants, for tests and the scale data."""

from datetime import timedelta

import factory

from django.db.models import F
from django.utils import timezone

from .calls import default_criteria
from .models import Allocation, Application, AssessmentCriterion, FundingCall
from .offices import Office


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    office = Office.INNLANDET
    title = factory.Sequence(lambda n: f"Fornyings- og innovasjonsmidler {n}")
    slug = factory.Sequence(lambda n: f"utlysning-{n}")
    text = "Kommunene kan søke om midler til fornyings- og innovasjonsprosjekter."
    frame_nok = 5_000_000
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    report_due = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=400))
    minimum_amount_nok = 100_000

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if create and extracted is not False:
            AssessmentCriterion.objects.bulk_create(
                AssessmentCriterion(call=self, sort_order=n, **row) for n, row in enumerate(default_criteria())
            )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(FundingCallFactory)
    office = factory.LazyAttribute(lambda a: a.call.office if a.call else Office.INNLANDET)
    year = factory.LazyAttribute(lambda a: a.call.closes_on.year if a.call else 2024)
    title = factory.Sequence(lambda n: f"Innovasjonsprosjekt {n}")
    summary = "Et prosjekt om bedre tjenester."
    problem = "Flere eldre og færre ansatte."
    goal = "Flere kan bo hjemme lenger."
    phase = "pilotering"
    amount_sought_nok = 500_000
    contact_name = "Kari Nordmann"
    contact_email = "kari@kommune.example.no"


def grant(
    application: Application, amount_nok: int | None = None, status: str = Application.Status.GRANTED
) -> Allocation:
    """Record a decision directly, without the service's checks: for building test data."""
    amount = application.amount_sought_nok if amount_nok is None else amount_nok
    Application.objects.filter(pk=application.pk).update(status=status)
    application.status = status
    if application.call_id:
        FundingCall.objects.filter(pk=application.call_id).update(granted_nok=F("granted_nok") + amount)
    return Allocation.objects.create(
        application=application, amount_nok=amount, reason="Godt prosjekt.", decided_at=timezone.now()
    )

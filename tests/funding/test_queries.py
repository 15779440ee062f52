"""The applicants' and offices' pages issue the same number of queries however many applications, partners,
budget lines and assessments there are."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from funding.factories import ApplicationFactory
from funding.models import Application, ApplicationPartner, Assessment, BudgetLine, FundingCall, Score
from innoplatform.organisations.factories import OrganisationFactory

Status = Application.Status


def grow(world, size: int) -> None:
    """`size` more applications to the call, each with partners, budget lines and an assessment."""
    FundingCall.objects.filter(pk=world.call.pk).update(
        opens_on=timezone.localdate() - timedelta(days=60), closes_on=timezone.localdate() - timedelta(days=1)
    )
    criteria = list(world.call.criteria.all())
    for n in range(size):
        application = ApplicationFactory(call=world.call, lead_kommune=world.kommune_a, status=Status.UNDER_ASSESSMENT)
        application.co_kommuner.add(world.kommune_b)
        for m in range(3):
            organisation = OrganisationFactory(name=f"Partner {size}-{n}-{m}", sector="frivillig")
            ApplicationPartner.objects.create(
                application=application, organisation=organisation, name=organisation.name
            )
            BudgetLine.objects.create(application=application, year=2027, item=f"Post {m}", amount_nok=100_000)
        assessment = Assessment.objects.create(application=application, assessor=world.editor, no_conflict=True)
        Score.objects.bulk_create(Score(assessment=assessment, criterion=c, score=3) for c in criteria)
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    for m in range(size):
        BudgetLine.objects.create(application=world.application, year=2027, item=f"Ekstra {m}", amount_nok=10_000)
        organisation = OrganisationFactory(name=f"Ekstra partner {size}-{m}", sector="fou")
        ApplicationPartner.objects.create(
            application=world.application, organisation=organisation, name=organisation.name
        )


PAGES = [
    ("assessor", "funding:call_ranking", lambda w: [w.call.slug]),
    ("assessor", "funding:my_applications", lambda w: []),
    ("applicant", "funding:my_applications", lambda w: []),
    ("assessor", "funding:application", lambda w: [w.application.pk]),
    ("applicant", "funding:application", lambda w: [w.application.pk]),
    ("assessor", "funding:assess", lambda w: [w.application.pk]),
    ("anonymous", "funding:calls", lambda w: []),
    ("anonymous", "funding:call", lambda w: [w.call.slug]),
]


@pytest.mark.parametrize(("person", "name", "args"), PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES])
def test_constant_queries(client, world, home_page, django_assert_max_num_queries, person, name, args):
    if person != "anonymous":
        client.force_login(getattr(world, person))
    url = reverse(name, args=args(world))
    grow(world, 2)
    client.get(url)  # warm caches that are not per request (content types, site)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(world, 10)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


def rows(world, count: int) -> None:
    """`count` more partners and budget lines on the world's application."""
    start = world.application.partners.count()
    for m in range(start, start + count):
        organisation = OrganisationFactory(name=f"Samarbeidspartner {m}", sector="frivillig")
        ApplicationPartner.objects.create(
            application=world.application, organisation=organisation, name=organisation.name, sort_order=m
        )
        BudgetLine.objects.create(application=world.application, year=2027, item=f"Post {m}", amount_nok=50_000)


@pytest.mark.parametrize(
    ("status", "name", "args"),
    [
        (Status.DRAFT, "funding:application_edit", lambda w: [w.application.pk]),
        (Status.GRANTED, "funding:report", lambda w: [w.application.pk, "sluttrapport"]),
    ],
    ids=["application_edit", "report"],
)
def test_the_applicants_forms_keep_their_queries_as_rows_grow(
    client, world, home_page, django_assert_max_num_queries, status, name, args
):
    """One partner row and eight: every row of the partner formset shares one list of organisations."""
    Application.objects.filter(pk=world.application.pk).update(status=status)
    world.application.partners.all().delete()
    rows(world, 1)
    client.force_login(world.applicant)
    url = reverse(name, args=args(world))
    client.get(url)  # warm caches that are not per request (content types, site)
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(url).status_code == 200
    rows(world, 7)
    assert (world.application.partners.count(), world.application.budget_lines.count()) == (8, 8)
    with django_assert_max_num_queries(len(one_row)):
        page = client.get(url)
    assert page.status_code == 200
    if name == "funding:application_edit":
        assert page.content.decode().count('name="partnere-9-organisation"') == 1  # eight saved rows and two empty

"""The office's ranking of a call: each criterion's mean and the weighted total per application, except where the
reader is disqualified (inhabil), whose row shows no scores."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from funding.factories import ApplicationFactory
from funding.models import Application, Assessment, FundingCall, Score
from innoplatform.organisations.factories import MembershipFactory

Status = Application.Status
HIDDEN = "Inhabil – ikke synlig"


def scored(world, application: Application, value: int) -> None:
    assessment = Assessment.objects.create(application=application, assessor=world.editor, no_conflict=True)
    Score.objects.bulk_create(
        Score(assessment=assessment, criterion=criterion, score=value) for criterion in world.call.criteria.all()
    )


def row_of(page: str, title: str) -> str:
    rows = [row for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S) if f">{title}</a>" in row]
    assert len(rows) == 1
    return rows[0]


def ranking_page(client, world) -> str:
    FundingCall.objects.filter(pk=world.call.pk).update(
        opens_on=timezone.localdate() - timedelta(days=60), closes_on=timezone.localdate() - timedelta(days=1)
    )
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    other = ApplicationFactory(
        call=world.call, lead_kommune=world.kommune_b, title="Velferdsteknologi i Hamar", status=Status.UNDER_ASSESSMENT
    )
    scored(world, world.application, 5)
    scored(world, other, 2)
    response = client.get(reverse("funding:call_ranking", args=[world.call.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_disqualified_assessor_sees_no_scores_in_that_row_only(client, world):
    MembershipFactory(organisation=world.partner, user=world.assessor)  # the partner of «Digitalt nattilsyn»
    client.force_login(world.assessor)
    page = ranking_page(client, world)
    conflicted = row_of(page, "Digitalt nattilsyn")
    assert HIDDEN in conflicted
    assert '<td class="num">5,0</td>' not in conflicted and '<td class="num">5,00</td>' not in conflicted
    other = row_of(page, "Velferdsteknologi i Hamar")
    assert HIDDEN not in other
    assert other.count('<td class="num">2,0</td>') == world.call.criteria.count()
    assert '<td class="num">2,00</td>' in other


def test_an_assessor_without_a_conflict_sees_every_score(client, world):
    client.force_login(world.assessor)
    page = ranking_page(client, world)
    assert HIDDEN not in page
    own = row_of(page, "Digitalt nattilsyn")
    assert own.count('<td class="num">5,0</td>') == world.call.criteria.count()
    assert '<td class="num">5,00</td>' in own

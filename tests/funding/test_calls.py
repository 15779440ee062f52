"""Changing a call that is in use: its office stays while it has applications, and its frame never drops below
what it has granted, even when a decision is made after the form was read."""

import pytest

from django.urls import reverse

from funding.calls import save_call
from funding.factories import FundingCallFactory, grant
from funding.lifecycle import FundingError
from funding.models import Application, FundingCall
from funding.offices import Office


def call_form(call: FundingCall, **changes) -> dict:
    criteria = list(call.criteria.all())
    data = {
        "office": call.office,
        "title": call.title,
        "text": call.text,
        "frame_nok": str(call.frame_nok),
        "opens_on": call.opens_on.isoformat(),
        "closes_on": call.closes_on.isoformat(),
        "interim_report_due": "",
        "report_due": call.report_due.isoformat(),
        "minimum_amount_nok": str(call.minimum_amount_nok),
        "allows_co_applicants": "on",
        "kriterier-TOTAL_FORMS": str(len(criteria)),
        "kriterier-INITIAL_FORMS": str(len(criteria)),
    }
    for n, criterion in enumerate(criteria):
        data[f"kriterier-{n}-name"] = criterion.name
        data[f"kriterier-{n}-description"] = criterion.description
        data[f"kriterier-{n}-weight"] = str(criterion.weight)
    data.update(changes)
    return data


def criteria_of(call: FundingCall) -> list[dict]:
    return [{"name": c.name, "description": c.description, "weight": c.weight} for c in call.criteria.all()]


def test_the_office_of_a_call_with_applications_cannot_change(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("funding:call_edit", args=[world.call.slug]), call_form(world.call, office="vestland")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["office"] == ["Embetet kan ikke endres når utlysningen har søknader."]
    assert 'id="id_office_error"' in response.content.decode()
    assert FundingCall.objects.get(pk=world.call.pk).office == Office.INNLANDET
    assert Application.objects.get(pk=world.application.pk).office == Office.INNLANDET


def test_the_office_of_a_call_without_applications_can_change(client, world):
    empty = FundingCallFactory(office=Office.INNLANDET)
    client.force_login(world.editor)
    response = client.post(reverse("funding:call_edit", args=[empty.slug]), call_form(empty, office="vestland"))
    assert response.status_code == 302
    assert FundingCall.objects.get(pk=empty.pk).office == Office.VESTLAND


def test_a_frame_below_what_was_granted_after_the_form_was_read_is_refused_on_the_field(world):
    call = FundingCall.objects.get(pk=world.call.pk)  # what the office's form read
    grant(world.application, 400_000)  # a decision made meanwhile
    call.frame_nok = 300_000
    with pytest.raises(FundingError) as refused:
        save_call(world.assessor, call, criteria_of(call))
    assert refused.value.fields == {"frame_nok": "Rammen kan ikke bli mindre enn det som alt er tildelt."}
    stored = FundingCall.objects.get(pk=world.call.pk)
    assert (stored.frame_nok, stored.granted_nok) == (5_000_000, 400_000)


def test_a_frame_down_to_exactly_what_is_granted_is_saved(world):
    call = FundingCall.objects.get(pk=world.call.pk)
    grant(world.application, 400_000)
    call.frame_nok = 400_000
    save_call(world.assessor, call, criteria_of(call))
    stored = FundingCall.objects.get(pk=world.call.pk)
    assert (stored.frame_nok, stored.granted_nok) == (400_000, 400_000)

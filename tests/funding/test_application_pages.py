"""The applicant's and the office's pages, through HTTP: what each step shows, saves and refuses."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.rich_text import DraftailRichTextArea

from funding.models import Application, Assessment, FundingCall, Report
from innoplatform.municipalities.models import DemographicSummary

Status = Application.Status


def form_data(world, **changes) -> dict:
    data = {
        "title": "Digitalt nattilsyn i hjemmetjenesten",
        "summary": "Sensorer i stedet for faste nattbesøk.",
        "problem": "Flere eldre og færre ansatte om natten.",
        "goal": "Halvere unødvendige nattbesøk.",
        "phase": "pilotering",
        "service_areas": ["helse-og-omsorg"],
        "challenges": ["aldring"],
        "co_kommuner": ["3403 Hamar"],
        "amount_sought_nok": "500000",
        "contact_name": "Kari Nordmann",
        "contact_email": "kari@kongsvinger.example.no",
        "contact_phone": "",
        "partnere-TOTAL_FORMS": "2",
        "partnere-INITIAL_FORMS": "0",
        "partnere-0-organisation": str(world.partner.pk),
        "partnere-0-role": "Følgeforskning",
        "partnere-1-organisation": "",
        "partnere-1-role": "",
        "budsjett-TOTAL_FORMS": "2",
        "budsjett-INITIAL_FORMS": "0",
        "budsjett-0-year": "2027",
        "budsjett-0-item": "Sensorer og oppsett",
        "budsjett-0-amount_nok": "700000",
        "budsjett-0-own_share_nok": "200000",
        "budsjett-1-year": "",
        "budsjett-1-item": "",
        "budsjett-1-amount_nok": "",
        "budsjett-1-own_share_nok": "",
        "handling": "lagre",
    }
    data.update(changes)
    return data


def close_call(call):
    FundingCall.objects.filter(pk=call.pk).update(
        opens_on=timezone.localdate() - timedelta(days=60), closes_on=timezone.localdate() - timedelta(days=1)
    )


def test_starting_an_application_fills_the_problem_from_the_kommune_profile(client, world):
    DemographicSummary.objects.create(
        region_code="3401", population=18_123, base_year=2024, challenges=[], indicators={}, similar=[]
    )
    client.force_login(world.applicant)
    response = client.post(
        reverse("funding:start_application", args=[world.call.slug]), {"kommune": world.kommune_a.pk}
    )
    application = Application.objects.exclude(pk=world.application.pk).get()
    assert response.url == reverse("funding:application_edit", args=[application.pk])
    assert "18\u00a0123 innbyggere" in application.problem
    page = client.get(response.url).content.decode()
    assert "18\u00a0123 innbyggere" in page


def test_someone_not_acting_for_a_kommune_cannot_start(client, world):
    client.force_login(world.partner_member)
    response = client.post(
        reverse("funding:start_application", args=[world.call.slug]), {"kommune": world.kommune_a.pk}
    )
    assert response.status_code == 403
    assert Application.objects.count() == 1


def test_another_kommunes_user_cannot_start_for_kommune_a(client, world):
    client.force_login(world.other_kommune_user)
    client.post(reverse("funding:start_application", args=[world.call.slug]), {"kommune": world.kommune_a.pk})
    assert not Application.objects.filter(lead_kommune=world.kommune_a).exclude(pk=world.application.pk).exists()


def test_saving_a_draft_keeps_partners_budget_and_co_applicants(client, world):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    response = client.post(url, form_data(world))
    assert response.status_code == 302
    application = Application.objects.get(pk=world.application.pk)
    assert application.title == "Digitalt nattilsyn i hjemmetjenesten"
    assert [k.number for k in application.co_kommuner.all()] == ["3403"]
    assert [(p.organisation, p.role) for p in application.partners.all()] == [(world.partner, "Følgeforskning")]
    assert [(b.item, b.amount_nok, b.own_share_nok) for b in application.budget_lines.all()] == [
        ("Sensorer og oppsett", 700_000, 200_000)
    ]
    assert application.status == Status.DRAFT


def test_autosave_answers_without_a_page(client, world):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    response = client.post(url, form_data(world, goal="Skrevet mens jeg tenkte."), headers={"X-Autosave": "1"})
    assert response.status_code == 204
    assert Application.objects.get(pk=world.application.pk).goal == "Skrevet mens jeg tenkte."


def test_an_incomplete_draft_saves_but_does_not_submit_and_names_each_missing_field(client, world):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    data = form_data(world, goal="", phase="", service_areas=[], handling="send-inn")
    data["budsjett-0-item"] = data["budsjett-0-year"] = data["budsjett-0-amount_nok"] = data[
        "budsjett-0-own_share_nok"
    ] = ""
    page = client.post(url, data).content.decode()
    assert Application.objects.get(pk=world.application.pk).status == Status.DRAFT
    for message in (
        "Skriv hva prosjektet skal oppnå.",
        "Velg fasen i veikartet prosjektet er i.",
        "Velg minst ett tjenesteområde.",
        "Før opp minst én budsjettpost.",
    ):
        assert message in page


def test_asking_for_more_than_the_budget_minus_own_share_is_named(client, world):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    page = client.post(url, form_data(world, amount_sought_nok="600000", handling="send-inn")).content.decode()
    assert "budsjettets kostnader minus egenandelen" in page
    assert Application.objects.get(pk=world.application.pk).status == Status.DRAFT


def test_a_complete_application_is_submitted_with_a_receipt(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(world, handling="send-inn"))
    assert response.url == reverse("funding:application", args=[world.application.pk])
    assert Application.objects.get(pk=world.application.pk).status == Status.SUBMITTED
    assert "kari@kongsvinger.example.no" in [address for m in mailoutbox for address in m.to]


def test_after_the_call_closes_a_submitted_application_cannot_be_changed(client, world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.SUBMITTED)
    close_call(world.call)
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    response = client.post(url, form_data(world, title="Endret etter fristen"))
    assert response.status_code == 302
    assert Application.objects.get(pk=world.application.pk).title == "Digitalt nattilsyn"


def test_submitting_an_application_that_is_already_submitted_changes_nothing(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    submitted_at = timezone.now() - timedelta(days=2)
    Application.objects.filter(pk=world.application.pk).update(status=Status.SUBMITTED, submitted_at=submitted_at)
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(world, title="Sendt inn på nytt", handling="send-inn"))
    assert response.status_code == 200
    assert "Søknaden er allerede sendt inn, og ingenting er endret." in response.content.decode()
    application = Application.objects.get(pk=world.application.pk)
    assert (application.title, application.status, application.submitted_at) == (
        "Digitalt nattilsyn",
        Status.SUBMITTED,
        submitted_at,
    )
    assert not application.budget_lines.exists()
    assert not mailoutbox


def test_co_applicants_are_refused_where_the_call_does_not_allow_them(client, world):
    FundingCall.objects.filter(pk=world.call.pk).update(allows_co_applicants=False)
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    client.post(url, form_data(world))
    assert not Application.objects.get(pk=world.application.pk).co_kommuner.exists()


def submitted_and_closed(world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.SUBMITTED, amount_sought_nok=500_000)
    close_call(world.call)


def score_data(world, value="4", **changes):
    data = {f"score_{c.pk}": value for c in world.call.criteria.all()}
    data.update({"no_conflict": "on", "comment": "Solid søknad."})
    data.update(changes)
    return data


def test_an_assessor_scores_and_the_ranking_weighs_the_criteria(client, world):
    submitted_and_closed(world)
    client.force_login(world.assessor)
    criteria = list(world.call.criteria.all())
    data = score_data(world, "3")
    data[f"score_{criteria[0].pk}"] = "5"  # innovasjonshøyde, weight 30
    client.post(reverse("funding:assess", args=[world.application.pk]), data)
    assert Application.objects.get(pk=world.application.pk).status == Status.UNDER_ASSESSMENT
    page = client.get(reverse("funding:call_ranking", args=[world.call.slug])).content.decode()
    assert "3,60" in page or "3.60" in page  # (5·30 + 3·70) / 100


def test_scoring_without_declaring_no_conflict_is_refused(client, world):
    submitted_and_closed(world)
    client.force_login(world.assessor)
    page = client.post(reverse("funding:assess", args=[world.application.pk]), score_data(world, no_conflict=""))
    assert "erklære at du ikke er inhabil" in page.content.decode()
    assert not Assessment.objects.exists()


def test_an_assessor_from_a_kommune_in_the_application_is_disqualified(client, world):
    submitted_and_closed(world)
    from innoplatform.organisations.factories import MembershipFactory
    from innoplatform.organisations.models import Organisation

    MembershipFactory(organisation=Organisation.objects.get(name="Kongsvinger kommune"), user=world.assessor)
    client.force_login(world.assessor)
    client.post(reverse("funding:assess", args=[world.application.pk]), score_data(world))
    assert not Assessment.objects.exists()


def test_a_decision_grants_part_and_tells_the_applicants(client, world, django_capture_on_commit_callbacks, mailoutbox):
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    client.force_login(world.assessor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("funding:decide", args=[world.application.pk]),
            {"decision": "grant", "amount_nok": "350000", "reason": "Godt forankret, men for høyt budsjett."},
        )
    application = Application.objects.get(pk=world.application.pk)
    assert application.status == Status.PARTLY_GRANTED
    assert application.allocation.amount_nok == 350_000
    decision = next(m for m in mailoutbox if "Vedtak" in m.subject)
    assert "350" in decision.body and "for høyt budsjett" in decision.body


def test_granting_more_than_sought_is_refused_on_the_field(client, world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    client.force_login(world.assessor)
    response = client.post(
        reverse("funding:decide", args=[world.application.pk]),
        {"decision": "grant", "amount_nok": "900000", "reason": "For mye."},
    )
    assert response.status_code == 400
    assert "høyere enn det som er søkt om" in response.content.decode()
    assert Application.objects.get(pk=world.application.pk).status == Status.UNDER_ASSESSMENT


def test_granting_beyond_the_frame_is_refused(client, world):
    FundingCall.objects.filter(pk=world.call.pk).update(frame_nok=600_000, granted_nok=300_000)
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    client.force_login(world.assessor)
    response = client.post(
        reverse("funding:decide", args=[world.application.pk]),
        {"decision": "grant", "amount_nok": "400000", "reason": "Bra."},
    )
    assert "går over det som er igjen av rammen" in response.content.decode()
    assert FundingCall.objects.get(pk=world.call.pk).granted_nok == 300_000


def test_a_rejection_needs_no_amount(client, world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.UNDER_ASSESSMENT)
    client.force_login(world.assessor)
    client.post(
        reverse("funding:decide", args=[world.application.pk]),
        {"decision": "reject", "reason": "Lav innovasjonshøyde."},
    )
    assert Application.objects.get(pk=world.application.pk).status == Status.REJECTED
    assert FundingCall.objects.get(pk=world.call.pk).granted_nok == 0


REPORT = {
    "activities": "Vi satte opp sensorer hos 40 brukere.",
    "results": "Færre nattbesøk og bedre søvn.",
    "key_figures": "40 % færre nattbesøk\n1 200 timer spart per år",
    "lessons": "Start med få brukere.",
    "spent_nok": "340000",
    "spending_comment": "",
    "in_operation": "on",
}


def granted(world, amount=350_000):
    from funding.factories import grant

    grant(world.application, amount, Status.PARTLY_GRANTED)


def test_the_final_report_is_saved_submitted_then_returned_and_approved(client, world):
    granted(world)
    client.force_login(world.applicant)
    url = reverse("funding:report", args=[world.application.pk, "sluttrapport"])
    client.post(url, {**REPORT, "results": "", "handling": "lever"})
    assert Report.objects.get().status == Report.Status.DRAFT  # kept as a draft, not delivered
    client.post(url, {**REPORT, "handling": "lever"})
    assert Report.objects.get().status == Report.Status.SUBMITTED
    assert Application.objects.get(pk=world.application.pk).status == Status.REPORTED
    client.force_login(world.assessor)
    review = reverse("funding:report_review", args=[world.application.pk, "sluttrapport"])
    client.post(review, {"handling": "send-tilbake", "comment": ""})
    assert Report.objects.get().status == Report.Status.SUBMITTED  # a return needs a comment
    client.post(review, {"handling": "send-tilbake", "comment": "Legg ved tall for søvn."})
    assert Report.objects.get().status == Report.Status.RETURNED
    assert Application.objects.get(pk=world.application.pk).status == Status.REPORTING_DUE
    client.force_login(world.applicant)
    client.post(url, {**REPORT, "handling": "lever"})
    client.force_login(world.assessor)
    client.post(review, {"handling": "godkjenn", "comment": ""})
    assert Report.objects.get().status == Report.Status.APPROVED
    assert Application.objects.get(pk=world.application.pk).status == Status.CLOSED


@pytest.fixture
def closed_with_report(world, home_page):
    granted(world)
    Report.objects.create(
        application=world.application,
        kind=Report.Kind.FINAL,
        status=Report.Status.APPROVED,
        activities=REPORT["activities"],
        results=REPORT["results"],
        key_figures=REPORT["key_figures"],
        lessons=REPORT["lessons"],
        spent_nok=340_000,
        in_operation=True,
    )
    Application.objects.filter(pk=world.application.pk).update(status=Status.CLOSED)
    return world


def test_publishing_as_a_case_makes_a_draft_in_moderation_linked_both_ways(client, closed_with_report):
    world = closed_with_report
    client.force_login(world.applicant)
    client.post(reverse("funding:publish", args=[world.application.pk]))
    application = Application.objects.get(pk=world.application.pk)
    case = application.case
    assert case is not None and not case.live
    assert case.title == "Digitalt nattilsyn"
    assert [k.number for k in case.kommuner.all()] == ["3401"]
    assert [(p.name, p.organisation_id) for p in case.partners.all()] == [("Høgskolen i Innlandet", world.partner.pk)]
    assert [(f.source, f.amount_nok) for f in case.funding.all()] == [
        ("Skjønnsmidler fra Statsforvalteren i Innlandet", 350_000)
    ]
    assert [(float(f.value), f.unit, f.label) for f in case.result_figures.all()] == [
        (40.0, "prosent", "færre nattbesøk"),
        (1200.0, "timer", "spart per år"),
    ]
    assert case.status == "i-drift" and case.phase == "pilotering"
    body = case.body[0].value.source
    assert "<p>Hva vi gjorde:</p>\n\n<p>Vi satte opp sensorer hos 40 brukere.</p>" in body
    assert "sensorer" in DraftailRichTextArea().format_value(body)  # the editors can open the draft
    assert case.get_workflow().name  # in the editors' moderation
    from wagtail.models import WorkflowState

    assert WorkflowState.objects.filter(object_id=str(case.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_publishing_twice_makes_one_case(client, closed_with_report):
    from cases.models import CasePage

    world = closed_with_report
    client.force_login(world.applicant)
    client.post(reverse("funding:publish", args=[world.application.pk]))
    client.post(reverse("funding:publish", args=[world.application.pk]))
    assert CasePage.objects.count() == 1


def test_a_partner_member_cannot_publish(client, closed_with_report):
    world = closed_with_report
    client.force_login(world.partner_member)
    assert client.post(reverse("funding:publish", args=[world.application.pk])).status_code == 403
    assert Application.objects.get(pk=world.application.pk).case is None


def test_an_office_writes_a_call_with_criteria_that_must_sum_to_100(client, world):
    client.force_login(world.assessor)
    data = {
        "office": "innlandet",
        "title": "Innovasjonsmidler 2028",
        "text": "Kommunene i Innlandet kan søke.",
        "frame_nok": "8000000",
        "opens_on": "2027-10-01",
        "closes_on": "2027-12-01",
        "interim_report_due": "",
        "report_due": "2029-06-01",
        "minimum_amount_nok": "100000",
        "allows_co_applicants": "on",
        "kriterier-TOTAL_FORMS": "2",
        "kriterier-INITIAL_FORMS": "0",
        "kriterier-0-name": "Innovasjonshøyde",
        "kriterier-0-description": "",
        "kriterier-0-weight": "60",
        "kriterier-1-name": "Overføringsverdi",
        "kriterier-1-description": "",
        "kriterier-1-weight": "30",
    }
    page = client.post(reverse("funding:call_create"), data).content.decode()
    assert "100 prosent" in page
    assert not FundingCall.objects.filter(title="Innovasjonsmidler 2028").exists()
    data["kriterier-1-weight"] = "40"
    response = client.post(reverse("funding:call_create"), data)
    call = FundingCall.objects.get(title="Innovasjonsmidler 2028")
    assert response.url == call.get_absolute_url()
    assert [(c.name, c.weight) for c in call.criteria.all()] == [("Innovasjonshøyde", 60), ("Overføringsverdi", 40)]


def test_an_office_cannot_write_a_call_for_another_office(client, world):
    client.force_login(world.other_assessor)
    response = client.get(reverse("funding:call_edit", args=[world.call.slug]))
    assert response.status_code == 403

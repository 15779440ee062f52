"""Innovation funding in a real browser, from the call to the case library.

A kommune user starts an application whose problem is pre-filled from the kommune
profile, names a partner from the registry and submits; after the deadline the
statsforvalter's assessor scores and grants it; the applicant delivers the final
report, the assessor approves it, the applicant publishes it as a case, and an editor
approves the case in Wagtail's moderation. The case is then in the library and the grant
on /tilskudd/ and on the kommune profile. axe-core runs on every page on the way.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from innoplatform.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

CALL_TITLE = "Fornyings- og innovasjonsmidler 2027"
CALL_SLUG = "fornyings-og-innovasjonsmidler-2027"
PROJECT = "Digitalt nattilsyn i hjemmetjenesten"


@dataclass
class FundingPeople:
    """The people and the call of a funding journey, on a freshly flushed database."""

    kommune: object
    call: object
    partner: object
    applicant: object
    assessor: object
    editor: object


def make_editors_group():
    """Wagtail's «Editors» with what the funding editor needs: the admin, funding, and publishing pages,
    which the flush after each live-server test removes with the rest of Wagtail's initial data."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, Page

    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(codename="manage_funding"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    root = Page.objects.get(depth=1)
    for action in ("add", "change", "publish"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    return editors


def make_moderation_workflow(editors):
    """The editors' moderation workflow «Godkjenning i redaksjonen» on the whole page tree, as Wagtail's
    migrations make it (still there in the first live-server test, flushed away in later ones)."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    task, _created = GroupApprovalTask.objects.get_or_create(name="Redaksjonen godkjenner")
    task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(name="Godkjenning i redaksjonen")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})
    return workflow


def make_people(call_title: str = CALL_TITLE, call_text: str | None = None) -> FundingPeople:
    """An open call from Statsforvalteren i Innlandet; Kongsvinger's applicant, the office's assessor,
    a verified research partner and an editor who moderates cases."""
    from funding.factories import FundingCallFactory
    from funding.models import OfficeDesk
    from funding.offices import Office
    from innoplatform.municipalities.models import Kommune
    from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory

    kongsvinger = Kommune.objects.get(number="3401")
    hamar = Kommune.objects.get(number="3403")
    kommune_org = OrganisationFactory(name="Kongsvinger kommune", sector="kommune", kommune=kongsvinger)
    partner = OrganisationFactory(name="Høgskolen i Innlandet", sector="fou", kommune=hamar)
    office_org = OrganisationFactory(name="Statsforvalteren i Innlandet", sector="stat", kommune=hamar)
    OfficeDesk.objects.create(office=Office.INNLANDET, organisation=office_org)
    applicant = UserFactory(first_name="Kari", last_name="Nordmann", email="kari.nordmann@kongsvinger.example.no")
    MembershipFactory(organisation=kommune_org, user=applicant)
    assessor = UserFactory(first_name="Ola", last_name="Saksbehandler", email="ola@statsforvalteren.example.no")
    MembershipFactory(organisation=office_org, user=assessor)
    editors = make_editors_group()
    make_moderation_workflow(editors)
    editor = UserFactory(first_name="Rita", last_name="Redaktør", email="redaktor@innovasjon.example.no")
    editor.groups.add(editors)
    fields = {"text": call_text} if call_text is not None else {}
    call = FundingCallFactory(office=Office.INNLANDET, title=call_title, slug=CALL_SLUG, **fields)
    return FundingPeople(kongsvinger, call, partner, applicant, assessor, editor)


def close_call(call) -> None:
    """The deadline passes: the call opened two months ago and closed yesterday."""
    from django.utils import timezone

    from funding.models import FundingCall

    today = timezone.localdate()
    FundingCall.objects.filter(pk=call.pk).update(
        opens_on=today - timedelta(days=60), closes_on=today - timedelta(days=1)
    )


def log_in(page, site, user):
    page.context.clear_cookies()
    page.goto(site + "/konto/login/")
    page.get_by_label("E-post").fill(user.email)
    page.get_by_label("Passord", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut")).to_be_visible()


@pytest.fixture
def people(site):
    from innoplatform.municipalities.demo import load_demo_population

    load_demo_population(kommuner=["3401"])
    return make_people()


def approve_in_wagtail_admin(page, site, case) -> None:
    """The editor finds the case draft under «Venter på at du godkjenner» on Wagtail's dashboard, opens it in
    the page editor and approves the moderation task from the editor's action menu, which publishes it."""
    page.goto(site + "/admin/")
    expect(
        page.get_by_role("heading", name=re.compile("Venter på at du godkjenner|Awaiting your review"))
    ).to_be_visible()
    expect(page.locator("table.listing--dashboard tr").filter(has_text=case.title)).to_have_count(1)
    page.goto(site + f"/admin/pages/{case.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(case.title)
    page.get_by_role("button", name=re.compile("Flere handlinger|More actions")).click()
    page.get_by_role("button", name=re.compile(r"^\s*(Godkjenn og publiser|Approve and publish)\s*$", re.I)).click()
    expect(page.locator(".messages")).to_contain_text(case.title)


def test_apply_assess_grant_report_publish_and_find_it_everywhere(page, site, people, axe, shoot):
    from cases.models import CasePage
    from funding.models import Application
    from innoplatform.municipalities.models import DemographicSummary

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    summary = DemographicSummary.objects.filter(region_code="3401", dataset__isnull=False).first()
    population = f"{summary.population:,}".replace(",", "\u00a0")

    # The applicant finds the call and starts an application from the kommune profile.
    log_in(page, site, people.applicant)
    page.goto(site + "/tilskudd/utlysninger/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page)
    page.get_by_role("link", name=CALL_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CALL_TITLE)
    axe(page)
    page.get_by_role("button", name="Start en søknad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknad om innovasjonsmidler")
    problem = page.get_by_label(re.compile("^Utfordringen prosjektet skal løse"))
    expect(problem).to_have_value(re.compile(f"Kongsvinger hadde {population} innbyggere"))
    axe(page)
    shoot(page.url.removeprefix(site), "funding-application-form", storage_state=page.context.storage_state())

    page.get_by_label(re.compile("^Prosjektnavn")).fill(PROJECT)
    page.get_by_label(re.compile("^Kort beskrivelse")).fill(
        "Sensorer og digitalt tilsyn om natta i stedet for faste nattbesøk hos hjemmeboende eldre."
    )
    problem.fill(problem.input_value() + "\n\nHjemmetjenesten har for få nattevakter til faste runder.")
    page.get_by_label(re.compile("^Mål")).fill("Halvere de unødvendige nattbesøkene innen to år.")
    page.get_by_label(re.compile("^Fase i veikartet")).select_option("pilotering")
    page.get_by_role("group", name=re.compile("^Tjenesteområder")).get_by_label("Helse og omsorg").check()
    partner = page.get_by_role("group", name="Partner 1")
    partner.get_by_label(re.compile("^Organisasjon")).select_option(label="Høgskolen i Innlandet")
    partner.get_by_label(re.compile("^Rolle i prosjektet")).fill("Følgeforskning og gevinstmåling")
    line = page.get_by_role("group", name="Budsjettpost 1")
    line.get_by_label(re.compile("^År")).fill("2027")
    line.get_by_label(re.compile("^Post")).fill("Sensorer, oppsett og opplæring")
    line.get_by_label(re.compile("^Kostnad i kroner")).fill("700000")
    line.get_by_label(re.compile("^Egenandel i kroner")).fill("200000")
    page.get_by_label(re.compile("^Omsøkt beløp i kroner")).fill("500000")
    expect(page.get_by_label(re.compile("^Kontaktperson"))).to_have_value("Kari Nordmann")
    page.get_by_role("button", name="Send inn søknaden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT)
    expect(page.locator(".ds-tag").first).to_have_text("Sendt inn")
    expect(page.get_by_role("link", name="Høgskolen i Innlandet")).to_be_visible()
    expect(page.get_by_text("Følgeforskning og gevinstmåling")).to_be_visible()
    axe(page)
    application = Application.objects.get(title=PROJECT)
    assert application.status == Application.Status.SUBMITTED

    # The deadline passes; the assessor scores the application and grants part of it.
    close_call(people.call)
    log_in(page, site, people.assessor)
    page.goto(site + "/tilskudd/soknader/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine søknader")
    axe(page)
    page.get_by_role("region", name="Søknader til embetets utlysninger").get_by_role("link", name=PROJECT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT)
    axe(page)
    page.get_by_role("link", name="Vurder søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Vurder: {PROJECT}")
    axe(page)
    for criterion in people.call.criteria.all():
        group = page.get_by_role("group", name=re.compile(f"^{re.escape(criterion.name)}"))
        group.get_by_label("4", exact=True).check()
    page.get_by_label(re.compile("^Samlet vurdering")).fill("Godt forankret, med en sterk forskningspartner.")
    page.get_by_label("Jeg erklærer at jeg ikke er inhabil i saken").check()
    page.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_text("Vurderingen er lagret.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Vektet snitt: 4(,|\.)00 av 5"))).to_be_visible()
    axe(page)
    assessor_session = page.context.storage_state()
    shoot(application.get_absolute_url(), "funding-application-office", storage_state=assessor_session)
    shoot(f"/tilskudd/soknader/{application.pk}/vurder/", "funding-assess", storage_state=assessor_session)
    shoot("/tilskudd/utlysninger/ny/", "funding-call-form", storage_state=assessor_session)

    page.goto(site + f"/tilskudd/utlysninger/{CALL_SLUG}/vurdering/")
    expect(page.get_by_role("table", name="Rangerte søknader").get_by_role("link", name=PROJECT)).to_be_visible()
    axe(page)
    page.go_back()

    page.get_by_role("radio", name="Innvilg", exact=True).check()
    page.get_by_label(re.compile("^Tildelt beløp i kroner")).fill("400000")
    page.get_by_label(re.compile("^Begrunnelse")).fill("Godt prosjekt; budsjettet for opplæring er satt ned.")
    page.get_by_role("button", name="Fatt vedtak").click()
    expect(page.get_by_text("Vedtaket er lagret")).to_be_visible()
    expect(page.locator(".ds-tag").first).to_have_text("Delvis innvilget")
    axe(page)

    # The applicant delivers the final report.
    log_in(page, site, people.applicant)
    page.goto(site + "/tilskudd/soknader/")
    own = page.get_by_role("region", name="Søknader fra kommunen din")
    expect(own.get_by_role("row").filter(has_text=PROJECT)).to_contain_text("Delvis innvilget")
    axe(page)
    own.get_by_role("link", name=PROJECT).click()
    page.get_by_role("link", name="Skriv sluttrapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Sluttrapport: {PROJECT}")
    axe(page)
    page.get_by_label(re.compile("^Hva som ble gjort")).fill("Vi satte opp sensorer hos 40 brukere.")
    page.get_by_label(re.compile("^Resultater")).fill("Færre nattbesøk, og brukerne sov bedre.")
    page.get_by_label(re.compile("^Nøkkeltall")).fill("40 % færre nattbesøk\n1200 timer spart per år")
    page.get_by_label(re.compile("^Erfaringer")).fill("Start med få brukere og ta med nattevaktene fra dag én.")
    page.get_by_label(re.compile("^Brukt av tilskuddet")).fill("390000")
    page.get_by_label(re.compile("^Løsningen er satt i drift")).check()
    page.get_by_role("button", name="Lever rapporten").click()
    expect(page.get_by_text("Rapporten er levert.")).to_be_visible()
    expect(page.locator(".ds-tag").first).to_have_text("Rapportert")
    axe(page)

    # The assessor approves it.
    log_in(page, site, people.assessor)
    page.goto(site + application.get_absolute_url())
    page.get_by_role("button", name="Godkjenn rapporten").click()
    expect(page.get_by_text("Rapporten er godkjent.")).to_be_visible()
    expect(page.locator(".ds-tag").first).to_have_text("Avsluttet")
    axe(page)

    # The applicant publishes the project as a case.
    log_in(page, site, people.applicant)
    page.goto(site + application.get_absolute_url())
    page.get_by_role("button", name="Publiser som eksempel").click()
    expect(page.get_by_text("Et utkast til eksempel er sendt til redaksjonen")).to_be_visible()
    axe(page)
    case = CasePage.objects.get(title=PROJECT)
    assert not case.live

    # An editor approves the draft in Wagtail's moderation workflow.
    log_in(page, site, people.editor)
    approve_in_wagtail_admin(page, site, case)
    case.refresh_from_db()
    assert case.live

    # The case is in the library, the grant on /tilskudd/ and on the kommune profile.
    page.context.clear_cookies()
    page.goto(site + "/eksempler/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eksempler")
    axe(page)
    page.get_by_role("link", name=PROJECT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT)
    expect(page.get_by_text("Høgskolen i Innlandet").first).to_be_visible()
    axe(page)

    page.goto(site + "/tilskudd/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tildelte innovasjonsmidler")
    grant_link = page.get_by_role("link", name=PROJECT)
    expect(grant_link).to_be_visible()
    expect(page.get_by_text(re.compile(r"400\s000 kr tildelt")).first).to_be_visible()
    axe(page)
    grant_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT)
    expect(page.get_by_role("link", name="Høgskolen i Innlandet").first).to_be_visible()
    axe(page)

    page.goto(site + people.kommune.get_absolute_url())
    section = page.get_by_role("region", name="Innovasjonsmidler")
    expect(section.get_by_role("link", name=PROJECT)).to_be_visible()
    axe(page)

    shoot("/tilskudd/", "funding-grants")
    shoot(application.get_public_url(), "funding-grant")
    shoot(f"/tilskudd/utlysninger/{CALL_SLUG}/", "funding-call")
    assert dialogs == []

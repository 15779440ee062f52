"""«Publiser som eksempel»: an approved final report becomes a case draft in the library's moderation.

The draft is made by the case library's own submission service, pre-filled from
the application and its final report (kommuner, partners, phase, service areas,
challenges, results and key figures, the grant as funding), and the editors
approve it like any other suggestion. The grant and the case then link to each other.
"""

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from cases.public import submit_case_draft
from innoplatform.core.vocabularies import Sector

from .lifecycle import FundingError
from .models import Application, ApplicationCode, Report
from .permissions import Roles

FIGURE = re.compile(r"^\s*([-+]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(%|\S+)\s+(.{2,200})$")
CASE_STATUS_IN_OPERATION = "i-drift"
CASE_STATUS_ENDED = "avsluttet"


def parse_figure(line: str) -> dict | None:
    """«40 % færre nattbesøk» → value 40, unit «prosent», label «færre nattbesøk»; None for a line without a number first."""
    match = FIGURE.match(line)
    if not match:
        return None
    number, unit, label = match.groups()
    try:
        value = Decimal(re.sub(r"[\s\u00a0]", "", number).replace(",", "."))
    except InvalidOperation:
        return None
    if abs(value) >= Decimal("1e13"):
        return None
    return {
        "value": value.quantize(Decimal("0.1")),
        "unit": "prosent" if unit == "%" else unit[:40],
        "label": label.strip()[:200],
    }


def final_report(application: Application) -> Report | None:
    return next((r for r in application.reports.all() if r.kind == Report.Kind.FINAL), None)


def can_publish(roles: Roles, application: Application) -> bool:
    report = final_report(application)
    return (
        application.case_id is None
        and application.status == Application.Status.CLOSED
        and report is not None
        and report.status == Report.Status.APPROVED
        and (roles.editor or roles.is_applicant(application))
    )


def case_data(application: Application, report: Report) -> dict:
    lines = [line.strip() for line in report.key_figures.splitlines() if line.strip()]
    figures = [figure for line in lines if (figure := parse_figure(line))]
    codes = list(application.codes.all())
    partners = list(application.partners.select_related("organisation"))
    body = "\n\n".join(
        f"{heading}:\n\n{text.strip()}"
        for heading, text in (
            (_("Utfordringen"), application.problem),
            (_("Mål"), application.goal),
            (_("Hva vi gjorde"), report.activities),
            (_("Erfaringer"), report.lessons),
        )
        if text.strip()
    )
    results = report.results + ("\n\n" + "\n".join(lines) if lines else "")
    allocation = application.allocation
    return {
        "title": application.title,
        "summary": application.summary[:500] or application.title,
        "body": body,
        "results": results,
        "phase": application.phase,
        "status": CASE_STATUS_IN_OPERATION if report.in_operation else CASE_STATUS_ENDED,
        "start_year": application.year,
        "kommuner": [application.lead_kommune, *application.co_kommuner.all()],
        "sectors": sorted({Sector.KOMMUNE, *(p.organisation.sector for p in partners if p.organisation)}),
        "service_areas": [c.code for c in codes if c.dimension == ApplicationCode.Dimension.SERVICE_AREA],
        "challenges": [c.code for c in codes if c.dimension == ApplicationCode.Dimension.CHALLENGE],
        "partners": [
            {"name": p.name, "sector": p.organisation.sector, "organisation": p.organisation}
            for p in partners
            if p.organisation
        ],
        "funding": [
            {
                "source": _("Skjønnsmidler fra %(office)s") % {"office": application.get_office_display()},
                "programme": _("Fornyings- og innovasjonsprosjekter"),
                "amount_nok": allocation.amount_nok,
            }
        ],
        "figures": figures,
        "contact_name": application.contact_name,
        "contact_email": application.contact_email,
    }


@transaction.atomic
def publish_as_case(user, application: Application):
    """Create the case draft and link it to the grant; FundingError unless allowed and not yet done."""
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("allocation", "lead_kommune")
        .prefetch_related("reports")
        .get(pk=application.pk)
    )
    if not can_publish(Roles.of(user), locked):
        raise FundingError("not_publishable")
    page = submit_case_draft(user, case_data(locked, final_report(locked)))
    Application.objects.filter(pk=locked.pk).update(case=page)
    locked.case = page
    return page

"""What a refused funding action means, in words for the user."""

from django.utils.translation import gettext as _

from .lifecycle import FundingError


def error_message(error: FundingError) -> str:
    return {
        "call_closed": _("Utlysningen er ikke åpen for søknader nå."),
        "not_applicant": _("Bare ansatte i søkerkommunene kan gjøre dette."),
        "not_editable": _("Søknaden kan ikke endres lenger: søknadsfristen er ute, eller den er behandlet."),
        "invalid": _("Noe i skjemaet må rettes. Se feltene som er merket."),
        "incomplete": _("Søknaden mangler noe. Se feltene som er merket."),
        "status": _("Det lar seg ikke gjøre slik søknaden står nå. Last siden på nytt og se hvor den står."),
        "conflict": _("Du er inhabil: kommunen eller organisasjonen din er med i søknaden."),
        "not_assessor": _("Bare statsforvalterens saksbehandlere for denne utlysningen kan gjøre dette."),
        "declaration": _("Du må erklære at du ikke er inhabil før du kan vurdere søknaden."),
        "not_assessable": _("Søknaden kan vurderes når søknadsfristen er ute, og til vedtaket er gjort."),
        "scores": _("Gi poeng fra 1 til 5 på hvert kriterium."),
        "over_frame": _("Beløpet går over det som er igjen av rammen for utlysningen. Ingenting er lagret."),
        "not_reportable": _("Rapporter leveres for prosjekter som har fått midler."),
        "report_locked": _("Rapporten er levert og kan ikke endres mens statsforvalteren behandler den."),
        "not_publishable": _(
            "Sluttrapporten må være godkjent før prosjektet kan publiseres som eksempel, og det kan publiseres én gang."
        ),
        "not_office": _("Bare statsforvalterembetet selv og redaksjonen kan endre utlysningen."),
        "criteria_locked": _("Kriteriene kan ikke endres etter at vurderingen har begynt."),
    }.get(error.reason, _("Det lot seg ikke gjøre."))

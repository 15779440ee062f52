"""Demo content for the editorial pages: home page text, about, privacy and accessibility.

Written as the platform's own editors would write it. Other apps add their demo
content through the ``register_demo_loader`` hook, which `load_demo_data` runs.
"""

from wagtail.models import Page

from .models import HomePage, SiteSettings, StandardPage
from .site_setup import ensure_home_page


def _heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


HOME_INTRODUCTION = (
    "Innovasjonsplattformen samler kunnskap og samarbeid om innovasjon i norske kommuner: "
    "hva andre har prøvd, hvordan innovasjonsprosessen drives, hvem du kan samarbeide med, "
    "og hva befolkningsutviklingen betyr for tjenestene i din kommune."
)

HOME_BODY = [
    _heading("Hvorfor en felles plattform?"),
    _paragraph(
        "<p>Kommunene står overfor de samme utfordringene: flere eldre, færre i yrkesaktiv alder og "
        "et stramt arbeidsmarked i helse og omsorg. Mange har allerede prøvd ut løsninger som andre kan "
        "lære av, men erfaringene blir ofte liggende i én kommune. Her deler vi dem på tvers av "
        "kommuner, frivillighet, forskning og næringsliv.</p>"
    ),
    {
        "type": "info_box",
        "value": {
            "title": "Slik henger delene sammen",
            "text": (
                "<p>Kommuneprofilen viser hvilke demografiske utfordringer kommunen din har. Derfra finner du "
                "eksempler fra kommuner som har løst lignende utfordringer, kurs i fasene av "
                "innovasjonsprosessen og partnere som vil samarbeide.</p>"
            ),
            "variant": "info",
        },
    },
    _heading("Bygget på Veikart for tjenesteinnovasjon"),
    _paragraph(
        "<p>Eksemplene og kursene følger de seks fasene i KS' veikart for tjenesteinnovasjon: "
        "forankring, innsikt, tjenesteutvikling, pilotering, overgang til drift og ny praksis. "
        "Da blir det lett å finne eksempler fra den fasen du selv står i.</p>"
    ),
]

ABOUT_BODY = [
    _paragraph(
        "<p>Innovasjonsplattformen er et felles sted for ansatte i kommuner og fylkeskommuner som jobber "
        "med å utvikle tjenestene. Plattformen er åpen for alle, og du trenger bare en konto når du vil "
        "dele noe selv eller melde interesse for et samarbeid.</p>"
    ),
    _heading("Befolkningstall fra SSB"),
    _paragraph(
        "<p>Kommuneprofilene bygger på Statistisk sentralbyrås befolkningsstatistikk og "
        "befolkningsframskrivinger. Der vi viser beregnede eller genererte tall, står det tydelig.</p>"
    ),
    {
        "type": "quote",
        "value": {
            "text": "Vi trenger ikke finne opp alt selv. Det viktigste er å vite hvem som har gjort det før.",
            "attribution": "Kommunalsjef for helse og omsorg",
        },
    },
]

PRIVACY_BODY = [
    _heading("Hvilke opplysninger vi lagrer"),
    _paragraph(
        "<p>Når du oppretter en konto, lagrer vi e-postadressen din, navnet og stillingen du oppgir, og "
        "tidspunktet du registrerte deg og sist logget inn. Vi bruker opplysningene bare for å gi deg "
        "tilgang til plattformen og vise hvem som står bak det du deler.</p>"
    ),
    _heading("Dine rettigheter"),
    _paragraph(
        "<p>Du kan når som helst laste ned alle opplysningene vi har om deg fra profilsiden, rette dem, "
        "eller slette kontoen din. Sletting fjerner kontoen og opplysningene knyttet til den med én gang.</p>"
    ),
    _heading("Informasjonskapsler"),
    _paragraph(
        "<p>Vi bruker bare informasjonskapsler som er nødvendige for innlogging, skjemaer og språkvalg. "
        "Vi bruker ikke analyseverktøy eller sporing fra tredjeparter.</p>"
    ),
]

ACCESSIBILITY_BODY = [
    _paragraph(
        "<p>Innovasjonsplattformen skal oppfylle kravene til universell utforming i WCAG 2.1 på nivå AA, "
        "slik forskrift om universell utforming av IKT-løsninger krever. Sidene testes automatisk med "
        "axe-core i nettleser, og vi tester med tastatur og skjermleser.</p>"
    ),
    _heading("Gi oss beskjed"),
    _paragraph(
        "<p>Opplever du noe som ikke fungerer for deg, vil vi gjerne høre om det. Skriv til oss på "
        "e-postadressen nederst på siden, så svarer vi innen fem virkedager.</p>"
    ),
]


def _upsert_child(parent: Page, slug: str, **fields) -> StandardPage:
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(slug=slug, **fields))
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def load_core_demo() -> None:
    """Fill the home page and create the about, privacy and accessibility pages."""
    home: HomePage = ensure_home_page()
    home.title = "Innovasjonsplattformen"
    home.introduction = HOME_INTRODUCTION
    home.body = HOME_BODY
    home.save_revision().publish()

    _upsert_child(
        home,
        "om-plattformen",
        title="Om plattformen",
        introduction="Hvem plattformen er for, og hvor innholdet kommer fra.",
        body=ABOUT_BODY,
        show_in_menus=True,
    )
    privacy = _upsert_child(
        home,
        "personvern",
        title="Personvernerklæring",
        introduction="Slik behandler vi personopplysningene dine.",
        body=PRIVACY_BODY,
    )
    accessibility = _upsert_child(
        home,
        "tilgjengelighet",
        title="Tilgjengelighetserklæring",
        introduction="Hvordan vi arbeider med universell utforming.",
        body=ACCESSIBILITY_BODY,
    )
    settings = SiteSettings.load()
    settings.owner_name = "Innovasjonsplattformen"
    settings.contact_email = "kontakt@innovasjonsplattformen.no"
    settings.footer_text = "Et samarbeid om innovasjon i kommunene: kunnskap, kurs, partnere og befolkningstall."
    settings.privacy_page = privacy
    settings.accessibility_page = accessibility
    settings.save()

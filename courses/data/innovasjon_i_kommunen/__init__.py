"""«Innovasjon i kommunen»: the demo's main course, one module per phase of KS' roadmap, one file per module."""

from courses.factories import paragraph

from .. import CourseSpec, heading, info_box
from . import forankring, innsikt, ny_praksis, overgang_til_drift, pilotering, tjenesteutvikling

COURSE = CourseSpec(
    title="Innovasjon i kommunen",
    slug="innovasjon-i-kommunen",
    introduction=(
        "Et praktisk kurs i tjenesteinnovasjon for deg som arbeider i en kommune. Du går gjennom de seks fasene i "
        "KS' veikart for tjenesteinnovasjon og arbeider underveis med en utfordring fra din egen arbeidsplass."
    ),
    audience=(
        "Ansatte, ledere og tillitsvalgte i kommuner og fylkeskommuner som vil utvikle tjenestene sammen med "
        "innbyggerne, i helse og omsorg, oppvekst, teknisk sektor eller administrasjonen. Du trenger ingen "
        "forkunnskaper."
    ),
    outcomes=(
        "forklare hva tjenesteinnovasjon er, og hvorfor kommunen trenger det",
        "forankre et innovasjonsarbeid hos ledelsen, politikerne, de tillitsvalgte og de ansatte det gjelder",
        "hente innsikt i brukernes behov med intervjuer, observasjon og brukerreiser",
        "utvikle ideer sammen med andre og teste dem med enkle prototyper før dere bestemmer dere",
        "planlegge og gjennomføre en pilot med nullpunkt, målepunkter og et avtalt beslutningspunkt",
        "sikre at det som virker blir drift, med gevinstkart, gevinsteiere og nye rutiner",
        "spre ny praksis i egen kommune og til andre kommuner",
    ),
    estimated_hours=12,
    sequential=True,
    modules=[
        forankring.MODULE,
        innsikt.MODULE,
        tjenesteutvikling.MODULE,
        pilotering.MODULE,
        overgang_til_drift.MODULE,
        ny_praksis.MODULE,
    ],
    body=[
        heading("Slik er kurset bygd opp"),
        paragraph(
            "<p>Kurset har seks moduler, én for hver fase i KS' veikart for tjenesteinnovasjon. Hver modul har tre "
            "leksjoner med tekst, verktøy og maler, eksempler fra andre kommuner og en test. Modulene tas i "
            "rekkefølge, i ditt eget tempo eller sammen med et kull fra regionen din.</p>"
        ),
        info_box(
            "Du arbeider med din egen utfordring",
            "<p>Underveis svarer du på refleksjonsspørsmål om en utfordring fra din egen arbeidsplass. Svarene "
            "blir prosjektnotatene dine, som du kan laste ned, dele med kursholderen og til slutt dele som et "
            "eksempel i eksempelbanken.</p>",
            variant="success",
        ),
        heading("Verktøy du får med deg"),
        paragraph(
            "<ul>"
            "<li>Interessentkart</li>"
            "<li>Intervjuguide</li>"
            "<li>Brukerreise</li>"
            "<li>Plan for pilot</li>"
            "<li>Gevinstkart</li>"
            "<li>Sjekkliste for overgang til drift</li>"
            "</ul>"
            "<p>Alle er Word-dokumenter som du kan tilpasse fritt i din egen kommune.</p>"
        ),
    ],
)

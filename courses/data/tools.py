"""The courses' downloadable tools and templates, as the Word documents the demo loader writes.

Each document is a list of parts: section headings, paragraphs, lists and
tables with a header row. Empty cells are for the participant to fill in.
"""

from dataclasses import dataclass


def section(title: str) -> tuple:
    return ("section", title)


def text(content: str) -> tuple:
    return ("text", content)


def bullets(*items: str) -> tuple:
    return ("bullets", items)


def numbered(*items: str) -> tuple:
    return ("numbered", items)


def fields(*labels: str) -> tuple:
    """A two-column form: each label in the left column, room for the answer on the right."""
    return ("fields", labels)


def table(headers: tuple[str, ...], *rows: tuple[str, ...], blank_rows: int = 0) -> tuple:
    """A table with a header row, the given rows, and `blank_rows` empty rows to fill in."""
    empty = tuple("" for _ in headers)
    return ("table", headers, (*rows, *(empty for _ in range(blank_rows))))


@dataclass(frozen=True)
class ToolSpec:
    title: str
    filename: str
    introduction: str
    parts: tuple[tuple, ...]
    landscape: bool = False


FOOTER = (
    "Fra kursene på Innovasjonsplattformen. Malen kan fritt brukes, endres og deles i din egen kommune og med andre."
)

INTERESSENTKART = ToolSpec(
    title="Interessentkart",
    filename="interessentkart.docx",
    introduction=(
        "Interessentkartet viser hvem som berøres av utfordringen, hvem som kan påvirke arbeidet, og hvordan dere "
        "involverer hver av dem. Lag det tidlig i forankringsfasen, og oppdater det underveis."
    ),
    landscape=True,
    parts=(
        section("Slik bruker du malen"),
        numbered(
            "Skriv ned alle som berøres av utfordringen eller kan påvirke arbeidet: personer, grupper og "
            "organisasjoner. Listen under er et utgangspunkt; stryk og legg til.",
            "Vurder for hver av dem hvor stor påvirkning de har på arbeidet, og hvor mye de berøres av resultatet.",
            "Plasser dem i rutenettet i del 2, og bestem hvordan dere involverer dem.",
            "Avtal hvem i prosjektet som har ansvaret for kontakten, og når.",
        ),
        section("1. Interessentene"),
        table(
            (
                "Interessent",
                "Hva er viktig for dem?",
                "Påvirkning (stor/liten)",
                "Berøres (mye/lite)",
                "Slik involverer vi dem",
                "Ansvarlig",
            ),
            ("Kommunedirektør / kommunalsjef", "", "", "", "Mandat, jevnlige orienteringer", ""),
            ("Enhetsleder i tjenesten", "", "", "", "Prosjekteier eller med i styringsgruppen", ""),
            ("Ansatte i tjenesten", "", "", "", "Intervjuer, idéverksted, testing", ""),
            ("Tillitsvalgte og verneombud", "", "", "", "Med i arbeidsgruppen fra start", ""),
            ("Brukere og pårørende", "", "", "", "Intervjuer, brukerreise, testing", ""),
            (
                "Eldreråd, ungdomsråd, råd for personer med funksjonsnedsettelse",
                "",
                "",
                "",
                "Orientering og innspill",
                "",
            ),
            ("Politikerne (hovedutvalget)", "", "", "", "Orientering ved oppstart og før beslutning", ""),
            ("Frivillige organisasjoner", "", "", "", "", ""),
            ("Andre kommuner, forskning, næringsliv", "", "", "", "", ""),
            blank_rows=3,
        ),
        section("2. Påvirkning og berøring"),
        table(
            ("", "Berøres lite", "Berøres mye"),
            (
                "Stor påvirkning",
                "Hold dem fornøyd: orienter jevnlig, be om råd ved viktige valg.",
                "Samarbeid tett: med i styringsgruppen eller arbeidsgruppen.",
            ),
            (
                "Liten påvirkning",
                "Hold dem informert: nyhetsbrev, intranett, allmøter.",
                "Involver dem: intervjuer, verksteder, testing av løsninger.",
            ),
        ),
        section("3. Neste steg"),
        table(("Hva", "Hvem", "Når"), blank_rows=4),
    ),
)

INTERVJUGUIDE = ToolSpec(
    title="Intervjuguide",
    filename="intervjuguide.docx",
    introduction=(
        "Til intervjuer med brukere, pårørende og ansatte i innsiktsfasen. Tilpass spørsmålene til deres "
        "utfordring. Et intervju tar 30–60 minutter."
    ),
    parts=(
        section("Før intervjuet"),
        bullets(
            "Hva vil vi finne ut? Skriv ned de to–tre antakelsene som er viktigst å sjekke.",
            "Hvem intervjuer vi? Velg fem til åtte personer med ulike erfaringer.",
            "Vi er to: Én spør, én noterer.",
            "Fortell hva samtalen skal brukes til, at den er frivillig, og hvordan notatene oppbevares og slettes.",
            "Ikke noter navn, fødselsnummer eller helseopplysninger dere ikke trenger.",
        ),
        section("Intervjuet"),
        table(
            ("Del", "Spørsmål", "Tips"),
            ("Innledning", "Fortell litt om deg selv og hverdagen din.", "Start enkelt, så personen blir trygg."),
            (
                "Erfaringen",
                "Fortell om sist gang du … (brukte tjenesten / trengte hjelp til …).",
                "Be om konkrete situasjoner, ikke meninger.",
            ),
            ("", "Hva skjedde så? Hvem snakket du med?", "Følg rekkefølgen i det som skjedde."),
            (
                "Det vanskelige",
                "Hva var det vanskeligste? Hva gjorde du da?",
                "Spør «Hvorfor det?» og «Kan du fortelle mer?». Tål stillhet.",
            ),
            (
                "Egne løsninger",
                "Har du funnet dine egne måter å løse det på?",
                "Omveier og egne grep viser behov tjenesten ikke dekker.",
            ),
            (
                "Ønsker",
                "Hvis du kunne endre én ting, hva ville det vært?",
                "Still dette til slutt, så svarene bygger på erfaringen.",
            ),
            (
                "Avslutning",
                "Er det noe vi ikke har spurt om, som du synes vi bør vite?",
                "Takk, og fortell hva som skjer videre.",
            ),
        ),
        section("Etter intervjuet"),
        text("Gå gjennom notatene samme dag, mens dere husker samtalen. Se etter mønstre på tvers av intervjuene."),
        table(("Sitat eller observasjon", "Hva betyr det?", "Innsiktsfunn"), blank_rows=5),
    ),
)

BRUKERREISE = ToolSpec(
    title="Brukerreise",
    filename="brukerreise.docx",
    introduction=(
        "Beskriv én bestemt bruker i én bestemt situasjon, steg for steg. Bygg på intervjuer og observasjon, ikke "
        "på hvordan tjenesten er beskrevet i rutinene."
    ),
    landscape=True,
    parts=(
        section("Brukeren"),
        fields(
            "Hvem er brukeren?",
            "Situasjonen",
            "Hva prøver brukeren å få til?",
        ),
        section("Reisen"),
        table(
            ("Steg", "Hva brukeren gjør", "Kontaktpunkt", "Tanker og følelser", "Smertepunkt", "Mulighet"),
            ("1. Behovet oppstår", "", "", "", "", ""),
            ("2. Leter etter informasjon", "", "", "", "", ""),
            ("3. Søker eller tar kontakt", "", "", "", "", ""),
            ("4. Venter på svar", "", "", "", "", ""),
            ("5. Får tjenesten", "", "", "", "", ""),
            ("6. Tjenesten endres eller avsluttes", "", "", "", "", ""),
        ),
        section("De viktigste funnene"),
        table(("Smertepunkt", "Hvorfor skjer det?", "Hvem kan gjøre noe med det?"), blank_rows=3),
    ),
)

PLAN_FOR_PILOT = ToolSpec(
    title="Plan for pilot",
    filename="plan-for-pilot.docx",
    introduction=(
        "Fyll ut planen før piloten starter, og gå gjennom den med prosjekteieren, de tillitsvalgte og "
        "personvernombudet."
    ),
    parts=(
        section("1. Om piloten"),
        fields(
            "Navn på piloten",
            "Utfordringen («Hvordan kan vi …?»)",
            "Hypotese (Hvis vi …, vil …, målt ved …)",
            "Hvem er med (brukere, enheter, partnere)",
            "Periode (fra–til)",
            "Prosjekteier",
            "Prosjektleder",
            "Budsjett og ressurser, også de ansattes tid",
        ),
        section("2. Målepunkter"),
        table(
            ("Målepunkt", "Gjelder (bruker / ansatt / kommune)", "Slik måler vi", "Nullpunkt", "Mål", "Når vi måler"),
            (
                "Eksempel: besøk som bare gjelder medisiner",
                "Kommune",
                "Tall fra fagsystemet, per uke",
                "",
                "",
                "Før start, hver måned, ved slutt",
            ),
            ("Eksempel: opplevd trygghet", "Bruker", "Tre spørsmål etter to uker og ved slutt", "", "", ""),
            blank_rows=4,
        ),
        section("3. Risiko og tiltak"),
        table(
            ("Hva kan gå galt?", "Sannsynlighet", "Konsekvens", "Tiltak", "Ansvarlig"),
            ("Eksempel: varsler blir ikke fulgt opp om natta", "", "", "", ""),
            blank_rows=3,
        ),
        section("4. Personvern og etikk"),
        bullets(
            "☐ Vi har vurdert om piloten behandler personopplysninger, og hvilke.",
            "☐ Vi har snakket med personvernombudet.",
            "☐ Vi har vurdert om det trengs en vurdering av personvernkonsekvenser (DPIA).",
            "☐ Vi har gjort en risiko- og sårbarhetsanalyse (ROS).",
            "☐ Brukerne får skriftlig informasjon, og det er frivillig å være med der det er mulig.",
            "☐ Vi har databehandleravtale med leverandøren.",
            "☐ Endringene i arbeidet er drøftet med de tillitsvalgte.",
        ),
        section("5. Evaluering og beslutningspunkt"),
        fields(
            "Dato for beslutningspunktet",
            "Hvem tar beslutningen",
            "Vi innfører løsningen hvis …",
            "Vi justerer og fortsetter hvis …",
            "Vi avslutter hvis …",
        ),
    ),
)

GEVINSTKART = ToolSpec(
    title="Gevinstkart",
    filename="gevinstkart.docx",
    introduction=(
        "Gevinstkartet viser sammenhengen fra det dere gjør, til verdien det gir. Lag det sammen med dem som skal "
        "realisere gevinstene. Start gjerne fra høyre: Hvilke gevinster ønsker dere?"
    ),
    landscape=True,
    parts=(
        section("Eksempel: medisindispensere i hjemmetjenesten"),
        table(
            ("Tiltak", "Endring", "Effekt", "Gevinst (for hvem)"),
            (
                "Medisindispensere til hjemmeboende med faste medisintider",
                "Færre besøk som bare gjelder medisiner",
                "Frigjort tid i hjemmetjenesten; mindre kjøring",
                "Flere brukere får hjelp uten flere årsverk (kommunen)",
            ),
            (
                "",
                "Brukeren tar medisinene selv, til riktig tid",
                "Mer selvstendighet; færre glemte doser",
                "Mer trygghet og mestring (brukeren)",
            ),
            (
                "Endrede vedtak og rutiner for påfyll",
                "Faste påfyllsrunder i stedet for daglige besøk",
                "Mer forutsigbare dager for de ansatte",
                "Bedre arbeidsmiljø (de ansatte)",
            ),
            (
                "Opplæring av ansatte og brukere",
                "Nye oppgaver de første månedene",
                "Tid til opplæring og oppfølging",
                "Ulempe: kostnader til lisenser og opplæring",
            ),
        ),
        section("Deres gevinstkart"),
        table(("Tiltak", "Endring", "Effekt", "Gevinst (for hvem)"), blank_rows=6),
        section("Spørsmål å stille til kartet"),
        bullets(
            "Fører hvert tiltak faktisk til endringene? Mangler det tiltak, for eksempel endrede vedtak eller rutiner?",
            "Hvem får gevinstene: brukerne, de ansatte, kommunen eller samfunnet?",
            "Hvilke gevinster kan måles i kroner, og hvilke er kvalitative?",
            "Hvilke ulemper og kostnader må med?",
            "Hvem må gjøre noe for at gevinstene kommer, og er de med?",
        ),
    ),
)

GEVINSTREALISERINGSPLAN = ToolSpec(
    title="Gevinstrealiseringsplan",
    filename="gevinstrealiseringsplan.docx",
    introduction=(
        "Planen sier hvem som tar ut hvilke gevinster, når, og hvordan dere vet at det har skjedd. Bygg den på "
        "gevinstkartet."
    ),
    landscape=True,
    parts=(
        section("1. Gevinstene"),
        table(
            ("Gevinst", "Indikator", "Nullpunkt (dato)", "Mål (dato)", "Gevinsteier", "Dette må gjøres"),
            (
                "Eksempel: flere brukere uten flere årsverk",
                "Brukere per årsverk i hjemmetjenesten",
                "",
                "",
                "Enhetsleder, hjemmetjenesten",
                "Endre vedtak og ruteplaner; bestemme bruken av frigjort tid",
            ),
            blank_rows=5,
        ),
        section("2. Slik brukes frigjort tid"),
        fields(
            "Hvor mye tid ventes frigjort?",
            "Hva skal tiden brukes til?",
            "Hvem har bestemt det, og når?",
            "Drøftet med de tillitsvalgte (dato)",
        ),
        section("3. Oppfølging"),
        table(
            ("Tidspunkt", "Hva vi ser på", "Ansvarlig", "Rapporteres i"),
            ("Ved innføring", "Nullpunkt og mål bekreftet", "", "Virksomhetsplanen"),
            ("Etter 6 måneder", "Indikatorene; erfaringer fra ansatte og brukere", "", "Tertialrapporten"),
            ("Etter 12 måneder", "Er gevinstene tatt ut? Hva gjenstår?", "", "Årsmeldingen"),
        ),
    ),
)

SJEKKLISTE_DRIFT = ToolSpec(
    title="Sjekkliste for overgang til drift",
    filename="sjekkliste-overgang-til-drift.docx",
    introduction=("Gå gjennom sjekklisten sammen med den som skal eie løsningen i drift, helst før piloten er ferdig."),
    landscape=True,
    parts=(
        section("Sjekklisten"),
        table(
            ("Område", "Spørsmål", "Ansvarlig", "Frist", "Status"),
            ("Eierskap", "Hvem eier løsningen i drift, og fra hvilken dato?", "", "", ""),
            ("Beslutning", "Er det tatt en formell beslutning om å innføre løsningen, og av hvem?", "", "", ""),
            ("Budsjett", "Er driftskostnadene med i budsjettet og økonomiplanen?", "", "", ""),
            ("Gevinster", "Er gevinstrealiseringsplanen klar, med gevinsteiere?", "", "", ""),
            ("Rutiner", "Er prosedyrene i kvalitetssystemet oppdatert, og de gamle fjernet?", "", "", ""),
            ("Opplæring", "Er løsningen med i opplæringen av nye ansatte og vikarer?", "", "", ""),
            (
                "Avtaler",
                "Er driftsavtale og databehandleravtale på plass, med pris etter pilotperioden og en plan for "
                "å avslutte avtalen?",
                "",
                "",
                "",
            ),
            ("Personvern og sikkerhet", "Er DPIA og ROS-analyse oppdatert for drift?", "", "", ""),
            ("Medvirkning", "Er endringene i arbeidet drøftet med de tillitsvalgte?", "", "", ""),
            ("Innbyggerne", "Er tjenestebeskrivelser, vedtaksmaler og nettsidene oppdatert?", "", "", ""),
            ("Kommunikasjon", "Vet ansatte, brukere og politikere at løsningen nå er en del av tjenesten?", "", "", ""),
            ("Deling", "Er erfaringen delt i eksempelbanken og med nabokommunene?", "", "", ""),
        ),
        section("Det som gjenstår"),
        table(("Hva", "Hvem", "Når"), blank_rows=4),
    ),
)

TOOLS: dict[str, ToolSpec] = {
    "interessentkart": INTERESSENTKART,
    "intervjuguide": INTERVJUGUIDE,
    "brukerreise": BRUKERREISE,
    "plan-for-pilot": PLAN_FOR_PILOT,
    "gevinstkart": GEVINSTKART,
    "gevinstrealiseringsplan": GEVINSTREALISERINGSPLAN,
    "sjekkliste-drift": SJEKKLISTE_DRIFT,
}

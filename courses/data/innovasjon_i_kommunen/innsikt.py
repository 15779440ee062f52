"""Modul 2, innsikt: forstå behovene til dem det gjelder før dere leter etter løsninger."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, info_box, tool

HVORFOR_INNSIKT = LessonSpec(
    "Hvorfor innsikt kommer før løsning",
    slug="hvorfor-innsikt",
    estimated_minutes=20,
    introduction=(
        "Det dere tror om brukerne, er et godt utgangspunkt. Men det er antakelser helt til dere har sjekket dem."
    ),
    body=[
        heading("Det overraskende svaret"),
        paragraph(
            "<p>Da en kommune ville finne ut hvorfor plassene på dagsenteret stod tomme, trodde mange at tilbudet "
            "var for dårlig. Svaret fra dem som takket nei, var et annet: De hadde ikke skyss. Løsningen ble en "
            "ordning med frivillige sjåfører, ikke et nytt dagsentertilbud.</p>"
            "<p>Slik er det ofte. Den som kjenner tjenesten fra innsiden, ser ikke alltid det brukeren ser.</p>"
        ),
        heading("Tre kilder til innsikt"),
        paragraph(
            "<ul>"
            "<li><strong>Brukerne og de pårørende:</strong> Hva prøver de å få til, hva er vanskelig, og hva gjør "
            "de for å komme rundt problemet? Intervjuer og observasjon gir den dypeste innsikten.</li>"
            "<li><strong>De ansatte:</strong> Hvor går tiden, hva irriterer dem, og hvilke lure grep har de funnet "
            "på selv? Ansatte i førstelinjen, i hjemmetjenesten, på servicetorget og i barnehagen, ser mønstre "
            "ingen rapport viser.</li>"
            "<li><strong>Tall og data:</strong> KOSTRA-tall, tall fra fagsystemene, avvik, klager, ventetider, "
            "brukerundersøkelser og befolkningsframskrivinger. Tallene viser omfanget; samtalene forklarer "
            "hvorfor.</li>"
            "</ul>"
        ),
        heading("Skill mellom det dere vet og det dere tror"),
        paragraph(
            "<p>Lag to lister før dere går ut: <em>Dette vet vi</em> (og hvordan vi vet det) og <em>Dette tror "
            "vi</em>. Antakelsene er det dere skal undersøke. Velg de to–tre som betyr mest for om en løsning vil "
            "virke, og som dere er mest usikre på.</p>"
        ),
        reflection(
            "Hva vet du om dem utfordringen gjelder, og hva er bare antakelser?",
            help_text=(
                "Skriv to lister: det du vet (og hvordan du vet det) og det du tror. Marker antakelsene som er "
                "viktigst å sjekke."
            ),
        ),
    ],
)

INTERVJUER_OG_OBSERVASJON = LessonSpec(
    "Intervjuer og observasjon",
    slug="intervjuer-og-observasjon",
    estimated_minutes=30,
    introduction="Fem til åtte gode samtaler gir ofte mer innsikt enn en spørreundersøkelse med hundre svar.",
    body=[
        heading("Forbered samtalene"),
        paragraph(
            "<ul>"
            "<li>Velg ut fem til åtte personer som opplever utfordringen på ulike måter: en som bruker tjenesten "
            "mye, en som har sluttet å bruke den, en pårørende, en ansatt.</li>"
            "<li>Lag en kort intervjuguide med åpne spørsmål, men la samtalen gå dit den vil.</li>"
            "<li>Vær to: Én spør, én skriver. Skriv ned det folk sier, med deres egne ord.</li>"
            "<li>Fortell hva samtalen skal brukes til og at den er frivillig, og ikke skriv ned navn eller "
            "helseopplysninger dere ikke trenger.</li>"
            "</ul>"
        ),
        heading("Still gode spørsmål"),
        paragraph(
            "<p>Spør om konkrete situasjoner, ikke om meninger. «Fortell om sist gang du …» gir bedre svar enn "
            "«Hva synes du om …». Unngå ledende spørsmål som «Hadde det ikke vært fint med en app?». Når noe blir "
            "interessant, spør «Hvorfor det?» og «Kan du fortelle mer?», og tål stillheten som kommer.</p>"
        ),
        heading("Observer: se hva folk gjør"),
        paragraph(
            "<p>Det folk sier at de gjør, og det de faktisk gjør, er ikke alltid det samme. Bli med en runde i "
            "hjemmetjenesten, sitt en formiddag på servicetorget, eller følg en byggesøknad gjennom "
            "saksbehandlingen. Noter hvor det stopper opp, hvor noen venter, og hvor folk improviserer.</p>"
        ),
        tool(
            "intervjuguide",
            "En mal for å planlegge, gjennomføre og oppsummere intervjuer med brukere, pårørende og ansatte.",
        ),
        quiz(
            [
                question(
                    "Hvilket spørsmål gir best innsikt i et intervju med en pårørende?",
                    [
                        option(
                            "«Fortell om sist gang du måtte ringe hjemmetjenesten.»",
                            correct=True,
                            feedback="Et spørsmål om en konkret situasjon gir historier, detaljer og "
                            "følelser, og det er der innsikten ligger.",
                        ),
                        option(
                            "«Synes du hjemmetjenesten er god?»",
                            feedback="Et ja/nei-spørsmål om en mening gir lite å arbeide videre med.",
                        ),
                        option(
                            "«Ville du brukt en app for å snakke med hjemmetjenesten?»",
                            feedback="Dette er et ledende spørsmål om en løsning. Folk svarer ofte ja til "
                            "løsninger de aldri ville tatt i bruk.",
                        ),
                    ],
                ),
                question(
                    "Hva er god praksis når du intervjuer innbyggere?",
                    [
                        option(
                            "Å være to, der én spør og én noterer",
                            correct=True,
                            feedback="Ja. Da kan den som spør, være helt til stede i samtalen.",
                        ),
                        option(
                            "Å fortelle hva samtalen skal brukes til, og at den er frivillig",
                            correct=True,
                            feedback="Ja. Det er både riktig overfor den du snakker med og et krav når dere "
                            "behandler personopplysninger.",
                        ),
                        option(
                            "Å notere fødselsnummeret, så dere kan kontakte dem igjen",
                            feedback="Nei. Samle bare inn opplysninger dere trenger. Avtal heller om og hvordan "
                            "dere kan ta kontakt igjen.",
                        ),
                        option(
                            "Å skrive ned det folk sier, med deres egne ord",
                            correct=True,
                            feedback="Ja. Sitater er sterkere enn referater, og de hindrer at dere tolker for tidlig.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvor mange intervjuer trenger dere for å få god innsikt i en tjeneste?",
                    [
                        option(
                            "Minst hundre, så resultatet blir statistisk sikkert",
                            feedback="Intervjuer skal gi forståelse, ikke statistikk. Trenger dere tall, bruk "
                            "data dere allerede har, eller en enkel undersøkelse i tillegg.",
                        ),
                        option(
                            "Ofte holder fem til åtte godt valgte samtaler",
                            correct=True,
                            feedback="Etter fem til åtte samtaler med ulike brukere begynner de samme "
                            "mønstrene som regel å gå igjen.",
                        ),
                        option(
                            "Ett, med den som klager mest",
                            feedback="Den som klager mest, har ofte viktige poenger, men én stemme gir et skjevt "
                            "bilde.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor observere i tillegg til å intervjue?",
                    [
                        option(
                            "Fordi det folk gjør, ikke alltid er det de sier at de gjør",
                            correct=True,
                            feedback="Observasjon avslører omveier, venting og improvisasjon som folk "
                            "har sluttet å legge merke til.",
                        ),
                        option(
                            "Fordi observasjon går raskere enn intervjuer",
                            feedback="Ikke nødvendigvis. Observasjon tar tid, men den gir innsikt som intervjuene "
                            "ikke gir.",
                        ),
                        option(
                            "Fordi man ikke kan stole på det brukerne sier",
                            feedback="Det handler ikke om tillit, men om at vaner og rutiner er vanskelige å "
                            "beskrive for den som står midt i dem.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: intervjuer og observasjon",
            pass_mark=75,
        ),
    ],
)

BRUKERREISEN = LessonSpec(
    "Brukerreisen: tjenesten sett fra innbyggeren",
    slug="brukerreisen",
    estimated_minutes=30,
    introduction="En brukerreise viser hvordan tjenesten oppleves fra start til slutt, og hvor den svikter.",
    body=[
        heading("Hva er en brukerreise?"),
        paragraph(
            "<p>En brukerreise beskriver steg for steg hva en innbygger gjør, tenker og føler når hun bruker en "
            "tjeneste: fra hun oppdager at hun trenger den, til hun ikke lenger trenger den. Den viser også "
            "kontaktpunktene: telefonen, nettsiden, vedtaksbrevet, besøket. Det er i overgangene mellom "
            "kontaktpunktene, og mellom enhetene i kommunen, at det oftest går galt.</p>"
        ),
        heading("Et eksempel: hjem fra sykehuset"),
        paragraph(
            "<p>Tenk på Ragnhild, 84 år, som skrives ut fra sykehuset etter et lårhalsbrudd:</p>"
            "<ol>"
            "<li><strong>Utskrivningen:</strong> Sykehuset varsler kommunen samme dag. Ragnhild vet ikke hvem som "
            "kommer, eller når.</li>"
            "<li><strong>Første kveld hjemme:</strong> Hjemmetjenesten kommer, men har ikke fått epikrisen. "
            "Datteren ringer tre ganger for å få vite hvilke medisiner som gjelder.</li>"
            "<li><strong>De første ukene:</strong> Nye ansatte kommer hver dag. Ragnhild må forklare det samme "
            "om igjen, og hun tør ikke gå i trappa alene.</li>"
            "<li><strong>Etter en måned:</strong> Fysioterapeuten kommer for første gang. Da har Ragnhild mistet "
            "mye av styrken hun hadde da hun kom hjem.</li>"
            "</ol>"
            "<p>Brukerreisen gjør det tydelig at problemet ikke er én dårlig tjeneste, men overgangene mellom "
            "sykehuset, hjemmetjenesten og fysioterapien, og at de første dagene er de viktigste.</p>"
        ),
        heading("Slik lager dere en brukerreise"),
        paragraph(
            "<ol>"
            "<li>Velg én bestemt bruker i én bestemt situasjon. Bygg på intervjuene, ikke på hvordan tjenesten er "
            "beskrevet i rutinene.</li>"
            "<li>Skriv stegene i rekkefølge på lapper på en vegg, og legg til kontaktpunkter, tanker og "
            "følelser.</li>"
            "<li>Marker smertepunktene: der brukeren venter, blir usikker eller må ordne noe selv.</li>"
            "<li>Inviter brukere og ansatte fra alle enhetene som er med, og gå gjennom reisen sammen.</li>"
            "</ol>"
        ),
        tool(
            "brukerreise",
            "Et skjema for å tegne brukerreisen steg for steg, med kontaktpunkter, opplevelser, smertepunkter og "
            "muligheter.",
        ),
        info_box(
            "Fra funn til behov",
            "<p>Oppsummer innsikten i noen få <strong>innsiktsfunn</strong>: korte setninger som forklarer hvorfor "
            "noe skjer. Et godt funn overrasker litt, og det peker mot et behov dere kan løse, ikke mot én "
            "bestemt løsning.</p>",
        ),
        reflection(
            "Hva er det viktigste du har lært om dem utfordringen gjelder?",
            help_text=(
                "Skriv to–tre innsiktsfunn, for eksempel: «Pårørende ringer ikke fordi de er misfornøyde, men "
                "fordi de ikke vet hvem de skal spørre.»"
            ),
        ),
        cases_in_practice(phase="innsikt"),
    ],
)

MODULE = ModuleSpec(
    "Innsikt: forstå behovene",
    "innsikt",
    slug="innsikt",
    introduction=(
        "Forstå behovene til dem det gjelder før dere leter etter løsninger: intervjuer, observasjon, "
        "brukerreiser og tallene dere allerede har."
    ),
    lessons=[HVORFOR_INNSIKT, INTERVJUER_OG_OBSERVASJON, BRUKERREISEN],
)

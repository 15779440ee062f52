"""Modul 1, forankring: hva som skal løses, hvem som eier det, og hvem som må være med."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, info_box, quote, tool

HVA_ER_TJENESTEINNOVASJON = LessonSpec(
    "Hva er tjenesteinnovasjon?",
    slug="hva-er-tjenesteinnovasjon",
    estimated_minutes=15,
    introduction=(
        "Innovasjon i kommunen handler sjelden om ny teknologi alene. Det handler om å løse et problem for "
        "innbyggerne på en ny måte, og om å ta løsningen i bruk."
    ),
    body=[
        paragraph(
            "<p>I offentlig sektor brukes ofte en enkel definisjon: En innovasjon er noe som er <strong>nytt</strong>, "
            "<strong>nyttig</strong> og <strong>nyttiggjort</strong>. Det må være nytt for kommunen din, men trenger "
            "ikke være nytt for verden. Det må være nyttig, altså gi bedre kvalitet, bedre ressursbruk eller "
            "innbyggere som får det bedre. Og det må tas i bruk. En god idé som blir liggende i en skuff, er ikke "
            "en innovasjon.</p>"
        ),
        heading("Hvorfor kommunene må innovere"),
        paragraph(
            "<p>Mange kommuner får de neste tiårene langt flere innbyggere over 80 år, mens antallet i arbeidsfør "
            "alder står stille eller går ned. Allerede i dag er det vanskelig å rekruttere sykepleiere, "
            "barnehagelærere og ingeniører i store deler av landet. Å gjøre mer av det samme holder ikke. "
            "Kommunene må finne nye måter å løse oppgavene på, ofte sammen med innbyggerne, frivillige, andre "
            "kommuner, forskning og næringsliv.</p>"
            "<p>Kommuneprofilen på plattformen viser hvordan befolkningen i din kommune ventes å utvikle seg, og "
            "hva det kan bety for barnehage, skole og pleie og omsorg.</p>"
        ),
        heading("Forbedring eller innovasjon?"),
        paragraph(
            "<p>Ikke alt trenger å være innovasjon. Å justere en rutine, rydde i et skjema eller fjerne et "
            "unødvendig ledd er viktig forbedringsarbeid, og det gjøres best i den daglige driften. Innovasjon er "
            "noe mer: et brudd med måten dere har gjort det på, som ofte krever at flere enheter, faggrupper eller "
            "samarbeidspartnere endrer praksis sammen. Derfor trenger innovasjon en mer bevisst prosess.</p>"
        ),
        heading("Veikartet i seks faser"),
        paragraph(
            "<p>Kurset følger KS' veikart for tjenesteinnovasjon. Fasene er:</p>"
            "<ol>"
            "<li><strong>Forankring</strong>: Avklar problemet, mandatet og hvem som må være med.</li>"
            "<li><strong>Innsikt</strong>: Forstå behovene til dem det gjelder, før dere leter etter løsninger.</li>"
            "<li><strong>Tjenesteutvikling</strong>: Utvikle ideer, og test dem raskt og billig.</li>"
            "<li><strong>Pilotering</strong>: Prøv løsningen i virkeligheten, i liten skala og med målepunkter.</li>"
            "<li><strong>Overgang til drift</strong>: Bestem om løsningen skal innføres, og sørg for at gevinstene "
            "blir tatt ut.</li>"
            "<li><strong>Ny praksis</strong>: La det nye bli det vanlige, og spre det til andre.</li>"
            "</ol>"
            "<p>Fasene overlapper, og dere vil ofte gå et steg tilbake. Det er et tegn på at dere lærer, ikke på "
            "at dere har feilet.</p>"
        ),
        info_box(
            "Ditt eget innovasjonsprosjekt",
            "<p>Gjennom kurset arbeider du med en utfordring fra din egen arbeidsplass. Svarene dine på "
            "refleksjonsspørsmålene lagres under <strong>Mitt innovasjonsprosjekt</strong>. Bare du ser dem, med "
            "mindre du velger å dele dem med kursholderen, og du kan laste dem ned som et Word-dokument.</p>",
            variant="success",
        ),
        reflection(
            "Beskriv utfordringen du vil løse, kort",
            help_text=(
                "To–tre setninger: Hvem har utfordringen, hva skjer i dag, og hvorfor er det et problem? "
                "Beskriv problemet, ikke løsningen du tror på."
            ),
            use_in_case="summary",
        ),
        cases_in_practice(title="Kommuner som møter eldrebølgen", challenge="aldring", limit=3),
    ],
)

FORMULER_PROBLEMET = LessonSpec(
    "Formuler problemet før løsningen",
    slug="formuler-problemet",
    estimated_minutes=20,
    introduction=(
        "Den vanligste grunnen til at innovasjonsarbeid mislykkes, er at det løser feil problem. Bruk tid på å "
        "formulere det riktige."
    ),
    body=[
        heading("Fallgruven: løsningen kommer først"),
        paragraph(
            "<p>«Vi trenger en app for timebestilling.» «Vi må kjøpe medisindispensere.» «Vi bør ha en chatbot.» "
            "Mye innovasjonsarbeid starter med en løsning noen har sett på en messe eller hørt om fra "
            "nabokommunen. Løsningen kan godt være riktig, men hvis dere ikke vet hvilket problem den skal løse, "
            "vet dere heller ikke om den virker.</p>"
            "<p>Spør derfor: <em>Hva er det som ikke fungerer i dag, for hvem, og hvordan vet vi det?</em></p>"
        ),
        heading("Fra løsning til behov"),
        paragraph(
            "<ul>"
            "<li><strong>Løsning:</strong> «Vi trenger digitale medisindispensere.» <strong>Behov:</strong> "
            "«Hjemmeboende som bruker mange medisiner, får fire besøk om dagen bare for å få medisinene sine. Det "
            "tar tid fra andre oppgaver, og mange opplever besøkene som en forstyrrelse.»</li>"
            "<li><strong>Løsning:</strong> «Vi må ha en ny nettside for barnehageopptaket.» <strong>Behov:</strong> "
            "«Foreldre vet ikke hvor de står i køen, og ringer barnehagekontoret for å spørre. I opptaksperioden "
            "går halve arbeidsdagen med til telefoner.»</li>"
            "<li><strong>Løsning:</strong> «Vi skal ha sensorer på vannledningene.» <strong>Behov:</strong> "
            "«Vi mister en stor del av vannet vi produserer på lekkasjer, og vi finner dem først når det er blitt "
            "et brudd.»</li>"
            "</ul>"
        ),
        heading("Skriv et «Hvordan kan vi …?»-spørsmål"),
        paragraph(
            "<p>Et godt utgangspunkt er et spørsmål som begynner med <em>Hvordan kan vi …</em>. Det åpner for "
            "flere løsninger og inviterer andre inn. Det skal være konkret nok til at dere vet hvem det gjelder, "
            "og åpent nok til at svaret ikke er gitt.</p>"
            "<ul>"
            "<li>For åpent: «Hvordan kan vi bli en bedre kommune for eldre?»</li>"
            "<li>For lukket: «Hvordan kan vi innføre digitalt tilsyn om natta?»</li>"
            "<li>Passe: «Hvordan kan vi gi hjemmeboende eldre trygge netter uten å vekke dem med tilsynsbesøk?»</li>"
            "</ul>"
        ),
        info_box(
            "Sjekk om problemet er løst før",
            "<p>Søk i eksempelbanken og spør nabokommunene før dere starter. Det er ingen skam å gjenbruke det "
            "andre har fått til. Dere sparer tid, og dere kan ringe dem som har gjort det.</p>",
            variant="warning",
        ),
        reflection(
            "Skriv utfordringen din som et «Hvordan kan vi …?»-spørsmål",
            help_text=(
                "Hvem gjelder det, og hva ønsker dere å oppnå for dem? Prøv to–tre varianter, og behold den som "
                "åpner for flest løsninger."
            ),
        ),
    ],
)

FORANKRING_OG_MANDAT = LessonSpec(
    "Forankring i ledelsen og blant dem det gjelder",
    slug="forankring-og-mandat",
    estimated_minutes=30,
    introduction=(
        "Innovasjon krever tid, penger og at noen tør å endre praksis. Da må de riktige folkene vite om arbeidet, "
        "mene at det er viktig og ha sagt ja."
    ),
    body=[
        heading("Hvem må være med?"),
        paragraph(
            "<p>Forankring betyr at arbeidet har støtte fra dem som kan stoppe det, og fra dem som skal leve med "
            "resultatet. I en kommune er det ofte disse:</p>"
            "<ul>"
            "<li><strong>Kommunedirektøren (rådmannen)</strong> og kommunalsjefen gir mandatet, setter av ressurser "
            "og løfter arbeidet når det krever beslutninger på tvers av sektorene.</li>"
            "<li><strong>Enhetslederen</strong> der tjenesten leveres, eier problemet og skal eie løsningen i drift. "
            "Uten enhetslederen blir det et prosjekt på siden av driften.</li>"
            "<li><strong>Politikerne</strong> vedtar mål og budsjett. Arbeid som henger sammen med kommuneplanen "
            "eller en vedtatt strategi, står sterkere. Orienter hovedutvalget tidlig, særlig hvis arbeidet kan "
            "endre tjenestetilbudet.</li>"
            "<li><strong>Tillitsvalgte og verneombud</strong> skal involveres når endringer berører de ansattes "
            "arbeidssituasjon; det følger av hovedavtalen og arbeidsmiljøloven. Tatt med fra starten blir de ofte "
            "blant de viktigste pådriverne.</li>"
            "<li><strong>De ansatte</strong> som skal jobbe annerledes, kjenner problemet best og ser fallgruvene "
            "først.</li>"
            "<li><strong>Innbyggere, brukere og pårørende</strong> er dem det hele handler om. Eldrerådet, "
            "ungdomsrådet, rådet for personer med funksjonsnedsettelse og brukerrådene er gode innganger.</li>"
            "<li><strong>Frivillige, forskning og næringsliv</strong> kan bidra med kunnskap, folk og løsninger "
            "dere ikke har selv.</li>"
            "</ul>"
        ),
        heading("Et tydelig mandat"),
        paragraph(
            "<p>Et mandat trenger ikke være langt, men det bør svare på dette:</p>"
            "<ol>"
            "<li>Hvilket problem skal løses, og hvorfor nå?</li>"
            "<li>Hva skal arbeidet levere, og når skal det tas en beslutning?</li>"
            "<li>Hvem er prosjekteier, og hvem leder arbeidet?</li>"
            "<li>Hvor mye tid og penger er satt av, også til de ansatte som skal delta?</li>"
            "<li>Hva er utenfor, og hva må avklares med hvem underveis?</li>"
            "</ol>"
            "<p>Skriv mandatet sammen med prosjekteieren. Da blir det et felles dokument og ikke en bestilling fra "
            "én side.</p>"
        ),
        tool(
            "interessentkart",
            "Kartlegg hvem som berøres av og kan påvirke arbeidet, og bestem hvordan dere involverer hver av dem. "
            "Fyll det ut sammen med noen som kjenner tjenesten godt.",
        ),
        quote(
            "Vi inviterte de tillitsvalgte før vi hadde bestemt noe som helst. Det var den beste investeringen i "
            "hele prosjektet.",
            "Enhetsleder i hjemmetjenesten",
        ),
        reflection(
            "Hvem må være med for at arbeidet skal lykkes, og hva trenger de fra deg?",
            help_text=(
                "Bruk interessentkartet. Hvem eier problemet, hvem gir mandatet, og hvem må du snakke med denne uka?"
            ),
        ),
        quiz(
            [
                question(
                    "Hva skiller en innovasjon fra en god idé?",
                    [
                        option(
                            "Den er tatt i bruk og gjør nytte",
                            correct=True,
                            feedback="En innovasjon er ny, nyttig og nyttiggjort: Den er tatt i bruk og "
                            "gjør en forskjell for noen.",
                        ),
                        option(
                            "Den bygger på ny teknologi",
                            feedback="Mange av de beste innovasjonene i kommunene er nye måter å organisere "
                            "arbeidet på, uten ny teknologi.",
                        ),
                        option(
                            "Ingen andre har gjort det før",
                            feedback="Det holder at det er nytt for din kommune. Å ta i bruk det andre har "
                            "fått til, er også innovasjon.",
                        ),
                    ],
                ),
                question(
                    "Hjemmetjenesten vil endre turnusen for å prøve en ny arbeidsform. Når bør de tillitsvalgte "
                    "involveres?",
                    [
                        option(
                            "Så tidlig som mulig, før løsningen er bestemt",
                            correct=True,
                            feedback="Endringer som berører arbeidssituasjonen, skal drøftes med de "
                            "tillitsvalgte, og tidlig involvering gir bedre løsninger og mindre motstand.",
                        ),
                        option(
                            "Når piloten er klar til å starte",
                            feedback="For sent. Da er viktige valg tatt uten dem, og du risikerer at piloten "
                            "stopper opp.",
                        ),
                        option(
                            "Bare hvis de ansatte klager",
                            feedback="Medvirkning er en plikt etter hovedavtalen og arbeidsmiljøloven, ikke "
                            "noe som utløses av klager.",
                        ),
                    ],
                ),
                question(
                    "Hva bør et mandat for et innovasjonsarbeid si noe om?",
                    [
                        option(
                            "Hvilket problem som skal løses",
                            correct=True,
                            feedback="Ja. Uten et felles problem trekker dere i hver deres retning.",
                        ),
                        option(
                            "Hvem som er prosjekteier",
                            correct=True,
                            feedback="Ja. Noen med myndighet må eie arbeidet og ta beslutningene.",
                        ),
                        option(
                            "Hvor mye tid og penger som er satt av",
                            correct=True,
                            feedback="Ja. Også tiden de ansatte trenger for å delta, ikke bare prosjektlederens.",
                        ),
                        option(
                            "Hvilken leverandør som skal levere løsningen",
                            feedback="Nei. Å velge løsning og leverandør i mandatet låser arbeidet før dere har "
                            "forstått behovet.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvilken av disse er den beste formuleringen av en utfordring?",
                    [
                        option(
                            "Hvordan kan vi innføre en chatbot på kommunens nettsider?",
                            feedback="Dette er en løsning forkledd som et spørsmål. Hva skal chatboten løse, og "
                            "for hvem?",
                        ),
                        option(
                            "Hvordan kan vi gjøre det lettere for innbyggerne å få svar på enkle spørsmål utenom "
                            "kontortiden?",
                            correct=True,
                            feedback="Spørsmålet sier hvem det gjelder og hva som skal bli bedre, og det "
                            "åpner for flere løsninger.",
                        ),
                        option(
                            "Hvordan kan vi bli mer digitale?",
                            feedback="For åpent. Det er vanskelig å vite hvor dere skal begynne, og hvem det gjelder.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor er det lurt å orientere politikerne tidlig?",
                    [
                        option(
                            "Fordi de skal godkjenne hver aktivitet i prosjektet",
                            feedback="Politikerne styrer gjennom mål og budsjett, ikke gjennom detaljene i driften.",
                        ),
                        option(
                            "Fordi arbeidet kan kreve penger og endre tjenestetilbudet, og da står det sterkere når "
                            "politikerne kjenner det",
                            correct=True,
                            feedback="Arbeid som politikerne kjenner, og som henger sammen med vedtatte "
                            "mål, er lettere å videreføre.",
                        ),
                        option(
                            "Det trengs ikke før prosjektet er ferdig",
                            feedback="Risikabelt. Trenger løsningen penger i neste års budsjett, må politikerne "
                            "kjenne den før budsjettet legges fram.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: forankring",
            pass_mark=80,
        ),
        cases_in_practice(phase="forankring"),
    ],
)

MODULE = ModuleSpec(
    "Forankring: riktig problem, riktige folk",
    "forankring",
    slug="forankring",
    introduction=(
        "Før dere begynner: Hvilket problem skal løses, hvem eier det, og hvem må være med for at løsningen blir "
        "tatt i bruk?"
    ),
    lessons=[HVA_ER_TJENESTEINNOVASJON, FORMULER_PROBLEMET, FORANKRING_OG_MANDAT],
)

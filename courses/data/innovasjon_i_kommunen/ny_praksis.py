"""Modul 6, ny praksis: hold det nye i live, fortsett å forbedre, og del det med andre kommuner."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, quote

NAR_DET_NYE_BLIR_VANLIG = LessonSpec(
    "Når det nye blir det vanlige",
    slug="nar-det-nye-blir-vanlig",
    estimated_minutes=20,
    introduction=("Ny praksis er målet for alt innovasjonsarbeid. Men noen må passe på at praksis ikke glir tilbake."),
    body=[
        heading("Kjennetegn på ny praksis"),
        paragraph(
            "<ul>"
            "<li>Ingen kaller det et prosjekt lenger.</li>"
            "<li>Løsningen har en eier og et budsjett, og den står i rutinene.</li>"
            "<li>Nye ansatte lærer den som den vanlige måten å arbeide på.</li>"
            "<li>Dere følger fortsatt med på om den gir gevinstene dere planla.</li>"
            "</ul>"
        ),
        heading("Fortsett å forbedre"),
        paragraph(
            "<p>Ny praksis er ikke ferdig praksis. Brukerne endrer seg, teknologien endrer seg, og dere lærer mer. "
            "Sett av et fast tidspunkt, for eksempel én gang i året, der dere ser på tallene, hører med brukerne "
            "og bestemmer hva som skal justeres. Si også fra når noe bør avsluttes: Å fjerne en gammel rutine som "
            "ikke lenger trengs, er også innovasjon.</p>"
        ),
        heading("Skriv ned det dere har lært"),
        paragraph(
            "<p>Skriv ned hva dere gjorde, hva som virket og hva dere ville gjort annerledes, mens dere ennå husker "
            "det. Det er gull verdt for neste prosjekt i egen kommune, og for kommuner som står der dere stod.</p>"
        ),
        reflection(
            "Hva skal til for at løsningen din fortsatt er i bruk om tre år?",
            help_text="Hva kan få praksis til å gli tilbake, og hvem passer på at det ikke skjer?",
        ),
    ],
)

SPREDNING = LessonSpec(
    "Spredning: i egen kommune og til andre",
    slug="spredning",
    estimated_minutes=25,
    introduction=(
        "En løsning som virker i én sone eller én kommune, kan gjøre nytte mange flere steder. Å spre den er en "
        "egen oppgave som må planlegges."
    ),
    body=[
        heading("Spredning i egen kommune"),
        paragraph(
            "<p>Det som virker i én avdeling, virker ikke av seg selv i den neste. Ta med erfarne ansatte fra "
            "piloten som ambassadører, tilpass løsningen til forholdene der, og innfør den trinnvis. Følg de samme "
            "målepunktene, så dere ser om gevinstene kommer der også.</p>"
        ),
        heading("Spredning til andre kommuner"),
        paragraph(
            "<ul>"
            "<li><strong>Del eksempelet:</strong> Publiser erfaringen i eksempelbanken, med kontaktperson, "
            "resultater og det dere lærte.</li>"
            "<li><strong>Bruk nettverkene:</strong> KS' nettverk, regionale innovasjonsnettverk, interkommunale "
            "samarbeid og fagnettverk er der andre kommuner leter etter løsninger.</li>"
            "<li><strong>Gjør det lett å låne:</strong> Del maler, rutiner, kravspesifikasjoner og "
            "opplæringsmateriell.</li>"
            "<li><strong>Vær tilgjengelig:</strong> En telefon til dem som har gjort det før, sparer ofte "
            "måneder.</li>"
            "</ul>"
        ),
        quote(
            "Vi kopierte ikke løsningen fra nabokommunen. Vi kopierte måten de arbeidet på, og spurte dem om alt.",
            "Prosjektleder i en distriktskommune",
        ),
        reflection(
            "Hvem kan ha nytte av det du har lært, og hvordan når du dem?",
            help_text="Tenk på andre enheter i kommunen, nabokommunene og nettverkene du er med i.",
        ),
    ],
)

OPPSUMMERING = LessonSpec(
    "Oppsummering: ditt innovasjonsprosjekt",
    slug="oppsummering",
    estimated_minutes=30,
    introduction=(
        "Se tilbake på prosjektet ditt gjennom alle de seks fasene, test kunnskapen din, og del prosjektet med andre."
    ),
    body=[
        heading("Seks faser, ett prosjekt"),
        paragraph(
            "<p>Du har nå vært gjennom hele veikartet. Du har formulert en utfordring og forankret arbeidet, hentet "
            "innsikt fra dem det gjelder, utviklet og testet ideer, planlagt en pilot med målepunkter, tenkt "
            "gjennom overgangen til drift og gevinstene, og sett på hvordan det nye kan bli vanlig praksis og spres "
            "til andre. I virkeligheten går prosessen sjelden i en rett linje, men nå vet du hva hver fase skal "
            "gi, og hvilke verktøy du kan bruke.</p>"
        ),
        heading("Prosjektnotatene dine"),
        paragraph(
            "<p>Svarene dine på refleksjonsspørsmålene ligger under <strong>Mitt innovasjonsprosjekt</strong>. Last "
            "dem ned som et Word-dokument, og bruk dem som utgangspunkt for et mandat, en søknad om skjønnsmidler "
            "eller en presentasjon for ledelsen. Du kan også dele prosjektet som et eksempel i eksempelbanken. "
            "Redaksjonen leser alle forslag før de publiseres.</p>"
        ),
        reflection(
            "Hva har prosjektet ditt oppnådd så langt, og hva er neste steg?",
            help_text=(
                "Beskriv resultatene, også de små: en avklart problemstilling, innsikt dere ikke hadde, en pilot "
                "som er i gang. Hva skal skje de neste tre månedene, og hvem gjør det?"
            ),
            use_in_case="results",
        ),
        quiz(
            [
                question(
                    "I hvilken fase bør dere snakke med brukerne for å forstå behovene deres?",
                    [
                        option(
                            "Innsikt, før dere bestemmer dere for en løsning",
                            correct=True,
                            feedback="Brukerne bør være med senere også, men det er i innsiktsfasen dere "
                            "skal forstå behovet.",
                        ),
                        option(
                            "Pilotering, når løsningen er klar",
                            feedback="Det er sent. Da risikerer dere å ha utviklet en løsning på feil problem.",
                        ),
                        option(
                            "Ny praksis, når dere måler resultatene",
                            feedback="Det er viktig å høre med brukerne da også, men forståelsen av behovet må "
                            "komme tidlig.",
                        ),
                    ],
                ),
                question(
                    "Hva er tegn på at en løsning er blitt ny praksis?",
                    [
                        option(
                            "Den har en eier og et budsjett i driften",
                            correct=True,
                            feedback="Ja. Da er den ikke lenger avhengig av prosjektmidler.",
                        ),
                        option(
                            "Den står i rutinene og i opplæringen av nye ansatte",
                            correct=True,
                            feedback="Ja. Da er den blitt den vanlige måten å arbeide på.",
                        ),
                        option(
                            "Den omtales fortsatt som et pilotprosjekt",
                            feedback="Nei. Så lenge den kalles en pilot, er den ikke blitt ny praksis.",
                        ),
                        option(
                            "Dere følger med på gevinstene",
                            correct=True,
                            feedback="Ja. Oppfølgingen viser om løsningen fortsatt gir det den skulle.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "En nabokommune har løst et problem dere også har. Hva er lurest?",
                    [
                        option(
                            "Å kontakte dem, lære av erfaringene og tilpasse løsningen til deres kommune",
                            correct=True,
                            feedback="Å gjenbruke og tilpasse sparer tid og penger, og det er innovasjon "
                            "også hos dere.",
                        ),
                        option(
                            "Å starte fra bunnen av, siden kommunene er forskjellige",
                            feedback="Kommunene er forskjellige, men mye av erfaringen kan overføres. Ikke gjør "
                            "de samme feilene på nytt.",
                        ),
                        option(
                            "Å kopiere løsningen nøyaktig, uten å snakke med brukerne",
                            feedback="Løsningen må tilpasses deres brukere og forhold. Innsikten kan dere ikke "
                            "hoppe over.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor er frivillighet ikke gratis arbeidskraft?",
                    [
                        option(
                            "Fordi frivillige trenger en fast kontaktperson, tydelige rammer og anerkjennelse",
                            correct=True,
                            feedback="Samarbeid med frivillige krever koordinering og omtanke, og "
                            "kommunen har fortsatt ansvaret for de lovpålagte tjenestene.",
                        ),
                        option(
                            "Fordi frivillige alltid skal ha lønn",
                            feedback="Nei, frivillige får ikke lønn. Men samarbeidet koster tid og oppfølging.",
                        ),
                        option(
                            "Fordi kommunen ikke har lov til å samarbeide med frivillige",
                            feedback="Jo, det har kommunen, og mange av de beste løsningene er skapt sammen med "
                            "frivillige.",
                        ),
                    ],
                ),
                question(
                    "Hva er det viktigste med beslutningspunktet etter en pilot?",
                    [
                        option(
                            "At det tas en tydelig beslutning om å innføre, justere eller avslutte løsningen",
                            correct=True,
                            feedback="Da blir piloten ikke stående, og dere kan planlegge drift eller avslutning.",
                        ),
                        option(
                            "At piloten forlenges mens dere venter på flere tall",
                            feedback="Noen ganger trengs mer tid, men det skal være en beslutning, ikke en vane.",
                        ),
                        option(
                            "At leverandøren skriver evalueringen",
                            feedback="Kommunen skal eie evalueringen, gjerne med innspill fra leverandøren "
                            "og følgeforskning.",
                        ),
                    ],
                ),
            ],
            title="Avsluttende test",
            pass_mark=80,
        ),
        cases_in_practice(phase="ny-praksis"),
    ],
)

MODULE = ModuleSpec(
    "Ny praksis: når det nye blir det vanlige",
    "ny-praksis",
    slug="ny-praksis",
    introduction=(
        "Når det nye er blitt det vanlige: Hold det i live, fortsett å forbedre, og del det med andre kommuner."
    ),
    lessons=[NAR_DET_NYE_BLIR_VANLIG, SPREDNING, OPPSUMMERING],
)

"""Modul 5, overgang til drift: beslutningen, gevinstene, og rutinene som gjør det nye til drift."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, info_box, tool

BESLUTNINGEN = LessonSpec(
    "Beslutningen: innføre, justere eller avslutte",
    slug="beslutningen",
    estimated_minutes=20,
    introduction="Overgangen til drift er der mange gode piloter stopper. Planlegg den før piloten er ferdig.",
    body=[
        heading("Et godt beslutningsgrunnlag"),
        paragraph(
            "<p>Den som skal beslutte, ofte kommunalsjefen eller kommunedirektøren og noen ganger politikerne, "
            "trenger et kort og ærlig grunnlag: hva piloten viste, hva det vil koste å innføre løsningen i hele "
            "tjenesten, hvilke gevinster dere venter, og hva som skjer hvis dere lar være. Legg ved gevinstkartet "
            "og en plan for innføringen.</p>"
        ),
        heading("Tenk budsjett i tide"),
        paragraph(
            "<p>Trenger løsningen penger i drift, for eksempel til lisenser, utstyr eller en koordinator, må "
            "pengene inn i kommunens budsjett og økonomiplan. I mange kommuner starter arbeidet med neste års "
            "budsjett tidlig på våren. Sjekk budsjettkalenderen i din kommune, og sørg for at forslaget kommer "
            "med i tide.</p>"
        ),
        heading("Fra prosjektleder til linjeleder"),
        paragraph(
            "<p>I et prosjekt eier prosjektlederen løsningen. I drift skal den eies av en linjeleder, som har "
            "ansvaret for at den brukes, følges opp og forbedres. Gjør overleveringen tydelig: Hvem eier "
            "løsningen fra hvilken dato, og hvem kan de ansatte spørre?</p>"
        ),
        reflection(
            "Hvem eier løsningen når prosjektet er slutt, og hva trenger denne lederen for å lykkes?",
            help_text="Tenk på budsjett, rutiner, opplæring, avtaler og støtte fra ledelsen.",
        ),
    ],
)

GEVINSTKART = LessonSpec(
    "Gevinstkart og gevinstrealisering",
    slug="gevinstkart",
    estimated_minutes=35,
    introduction="Gevinster kommer ikke av seg selv. De må planlegges, ha en eier og følges opp.",
    body=[
        heading("Fra tiltak til gevinst"),
        paragraph(
            "<p>Et gevinstkart viser sammenhengen fra det dere gjør, til verdien det gir:</p>"
            "<ol>"
            "<li><strong>Tiltak:</strong> det dere innfører, for eksempel medisindispensere til hjemmeboende.</li>"
            "<li><strong>Endring:</strong> det som blir annerledes i arbeidet, for eksempel færre besøk som bare "
            "gjelder medisiner.</li>"
            "<li><strong>Effekt:</strong> virkningen av endringen, for eksempel frigjort tid i hjemmetjenesten og "
            "brukere som klarer mer selv.</li>"
            "<li><strong>Gevinst:</strong> verdien for brukeren, de ansatte, kommunen eller samfunnet, for "
            "eksempel at hjemmetjenesten kan ta imot flere brukere uten flere årsverk.</li>"
            "</ol>"
            "<p>Lag kartet sammen med dem som skal realisere gevinstene. Det gjør sammenhengene tydelige og "
            "avslører om noe mangler.</p>"
        ),
        heading("Kvalitative og økonomiske gevinster"),
        paragraph(
            "<p>Noen gevinster kan måles i kroner: sparte kjøreutgifter, færre innleggelser, mindre overtid. "
            "Andre er kvalitative: tryggere brukere, mer selvstendighet, et bedre arbeidsmiljø. Begge teller. "
            "Tidsgevinster er et eget tema: Når løsningen frigjør tid, må noen bestemme hva tiden skal brukes "
            "til. Ellers forsvinner den.</p>"
        ),
        heading("Gevinstrealiseringsplanen"),
        paragraph(
            "<p>For hver gevinst bør planen si hvilken indikator dere følger, hva nullpunktet er, hva målet er og "
            "når det skal nås, og hvem som er <strong>gevinsteier</strong>: den lederen som har ansvaret for at "
            "gevinsten tas ut. Følg opp etter seks og tolv måneder, og rapporter i den vanlige styringen, for "
            "eksempel i tertialrapporten.</p>"
        ),
        info_box(
            "Husk ulempene",
            "<p>Et ærlig gevinstkart viser også ulemper og kostnader: opplæring, nye oppgaver, lisenser, en "
            "periode med dobbeltarbeid. Det gjør kartet mer troverdig, og det hjelper dere å planlegge.</p>",
        ),
        tool(
            "gevinstkart",
            "En mal for gevinstkartet: fra tiltak via endringer og effekter til gevinster, med et utfylt eksempel "
            "fra hjemmetjenesten.",
        ),
        quiz(
            [
                question(
                    "Hva er rekkefølgen i et gevinstkart?",
                    [
                        option(
                            "Tiltak → endring → effekt → gevinst",
                            correct=True,
                            feedback="Kartet viser hvordan det dere gjør, fører fram til verdien dere ønsker.",
                        ),
                        option(
                            "Gevinst → budsjett → tiltak → rapport",
                            feedback="Et gevinstkart viser veien fra tiltaket til gevinsten, ikke budsjettprosessen.",
                        ),
                        option(
                            "Problem → løsning → leverandør",
                            feedback="Det er en del av historien, men ikke det et gevinstkart viser.",
                        ),
                    ],
                ),
                question(
                    "Hvem bør være gevinsteier?",
                    [
                        option(
                            "Prosjektlederen",
                            feedback="Prosjektlederen går videre når prosjektet er slutt, men gevinstene skal tas "
                            "ut i driften.",
                        ),
                        option(
                            "Lederen som har ansvaret for tjenesten der gevinsten skal tas ut",
                            correct=True,
                            feedback="Gevinsteieren må ha myndighet over driften, budsjettet og "
                            "bemanningen der gevinsten oppstår.",
                        ),
                        option(
                            "Leverandøren av løsningen",
                            feedback="Leverandøren kan hjelpe, men kommunen må selv eie gevinstene.",
                        ),
                    ],
                ),
                question(
                    "Hva bør være på plass før en løsning går over i drift?",
                    [
                        option(
                            "En linjeleder som eier løsningen",
                            correct=True,
                            feedback="Ja. Uten en eier i driften blir løsningen foreldreløs.",
                        ),
                        option(
                            "Penger i budsjettet til driftskostnadene",
                            correct=True,
                            feedback="Ja. Løsninger som lever på prosjektmidler, forsvinner når midlene tar slutt.",
                        ),
                        option(
                            "Oppdaterte rutiner og opplæring for nye ansatte",
                            correct=True,
                            feedback="Ja. Nye ansatte må lære den nye måten å arbeide på, ellers glir praksis tilbake.",
                        ),
                        option(
                            "En ny pilot i en annen avdeling",
                            feedback="Det kan komme senere, når løsningen spres, men det er ikke en forutsetning "
                            "for drift.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Løsningen frigjør to timer i uka per ansatt. Hva må skje for at det blir en gevinst?",
                    [
                        option(
                            "Ingenting, tiden blir av seg selv brukt godt",
                            feedback="Erfaringen er at tid som ingen har planlagt bruken av, forsvinner i andre "
                            "oppgaver uten at noen ser det.",
                        ),
                        option(
                            "Ledelsen må bestemme hva tiden skal brukes til, og følge opp at det skjer",
                            correct=True,
                            feedback="En tidsgevinst blir reell når den brukes bevisst, for eksempel til "
                            "flere brukere eller mer tid hos hver bruker.",
                        ),
                        option(
                            "De ansatte må registrere hva de gjør hvert kvarter",
                            feedback="Det gir mye registrering, men ingen beslutning om hvordan tiden skal brukes.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor skal også ulemper og kostnader stå i gevinstkartet?",
                    [
                        option(
                            "Fordi det gjør kartet troverdig og hjelper dere å planlegge innføringen",
                            correct=True,
                            feedback="Et kart med bare fordeler blir ikke trodd, og det skjuler det dere "
                            "må planlegge for.",
                        ),
                        option(
                            "Fordi revisjonen krever det",
                            feedback="Det er ikke grunnen. Kartet er et styringsverktøy for dere selv.",
                        ),
                        option(
                            "Det skal de ikke; gevinstkartet skal selge inn løsningen",
                            feedback="Et gevinstkart som bare selger, gir dårligere beslutninger.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: overgang til drift",
            pass_mark=80,
            max_attempts=3,
        ),
    ],
)

RUTINER_OG_AVTALER = LessonSpec(
    "Rutiner, opplæring og avtaler",
    slug="rutiner-og-avtaler",
    estimated_minutes=25,
    introduction=("Det nye blir først drift når det står i rutinene, er med i opplæringen og er sikret i avtalene."),
    body=[
        heading("Skriv det inn i systemene dere allerede har"),
        paragraph(
            "<ul>"
            "<li>Oppdater prosedyrene i kvalitetssystemet, og fjern de gamle.</li>"
            "<li>Ta løsningen inn i opplæringen av nye ansatte og vikarer.</li>"
            "<li>Endre tjenestebeskrivelser, vedtaksmaler og informasjonen til innbyggerne på nettsidene.</li>"
            "<li>Sørg for at løsningen er med i turnus, bemanningsplaner og internkontroll.</li>"
            "</ul>"
        ),
        heading("Avtaler med leverandører og partnere"),
        paragraph(
            "<p>Pilotavtaler er ofte korte og rimelige. En driftsavtale må ta høyde for hele levetiden: prisen "
            "etter pilotperioden, brukerstøtte, oppdateringer, databehandleravtale, og hva som skjer med dataene "
            "hvis dere bytter leverandør. Er frivillige eller andre kommuner med, skriv ned hvem som gjør hva, og "
            "hvem som betaler.</p>"
        ),
        heading("Fortell at det er besluttet"),
        paragraph(
            "<p>Fortell de ansatte, brukerne og politikerne at løsningen nå er en del av tjenesten. Takk dem som "
            "var med i piloten. Det gjør det lettere å få folk med neste gang.</p>"
        ),
        tool(
            "sjekkliste-drift",
            "En sjekkliste for overgangen fra pilot til drift: eierskap, budsjett, rutiner, opplæring, avtaler, "
            "personvern og kommunikasjon.",
        ),
        cases_in_practice(phase="overgang-til-drift"),
    ],
)

MODULE = ModuleSpec(
    "Overgang til drift: fra prosjekt til hverdag",
    "overgang-til-drift",
    slug="overgang-til-drift",
    introduction=(
        "Piloten er over. Nå skal det besluttes om løsningen innføres, og i så fall sørges for at den blir en del "
        "av driften, med budsjett, rutiner og gevinster som faktisk tas ut."
    ),
    lessons=[BESLUTNINGEN, GEVINSTKART, RUTINER_OG_AVTALER],
)

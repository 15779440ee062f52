"""«Gevinstrealisering i praksis»: a shorter course, four modules in the phases where benefits are planned and taken."""

from courses.factories import (
    LessonSpec,
    ModuleSpec,
    cases_in_practice,
    option,
    paragraph,
    question,
    quiz,
    reflection,
)

from . import CourseSpec, heading, info_box, tool

HVA_ER_EN_GEVINST = LessonSpec(
    "Hva er en gevinst?",
    slug="hva-er-en-gevinst",
    estimated_minutes=20,
    introduction="En gevinst er en forbedring som noen verdsetter. Den kan måles i kroner, i tid eller i kvalitet.",
    body=[
        heading("Resultat, effekt og gevinst"),
        paragraph(
            "<p>Ordene brukes om hverandre, men det er nyttig å skille dem. <strong>Resultatet</strong> er det "
            "prosjektet leverer: 40 brukere har fått digitalt tilsyn om natta. <strong>Effekten</strong> er det som "
            "endrer seg: Nattpatruljen kjører færre faste besøk. <strong>Gevinsten</strong> er verdien av "
            "endringen: Brukerne sover bedre, og kommunen kan gi tjenester til flere uten å øke bemanningen om "
            "natta.</p>"
        ),
        heading("Fire slags gevinster"),
        paragraph(
            "<ul>"
            "<li><strong>For innbyggerne:</strong> bedre kvalitet, mer trygghet og mestring, kortere ventetid, "
            "mindre reising.</li>"
            "<li><strong>For de ansatte:</strong> mindre stress, mer tid til det faglige, færre "
            "belastningsskader.</li>"
            "<li><strong>For kommunen:</strong> lavere kostnader, større kapasitet, færre avvik, lettere "
            "rekruttering.</li>"
            "<li><strong>For samfunnet:</strong> lavere klimautslipp, færre sykehusinnleggelser, flere i "
            "arbeid.</li>"
            "</ul>"
            "<p>Økonomiske gevinster kan tas ut som kutt i budsjettet, eller som større kapasitet: Kommunen gjør "
            "mer med de samme ressursene. Med flere eldre og færre i arbeidsfør alder er kapasitet ofte den "
            "viktigste gevinsten.</p>"
        ),
        info_box(
            "Gevinster er ikke det samme som kutt",
            "<p>Når gevinstarbeid oppfattes som et skjult sparetiltak, mister det støtten fra de ansatte. Vær åpen "
            "om hvordan gevinstene skal brukes, og ta med de tillitsvalgte i den samtalen.</p>",
            variant="warning",
        ),
        reflection(
            "Beskriv tiltaket du vil hente ut gevinster av, kort",
            help_text="Hva innfører dere, for hvem, og hvilken forbedring håper dere på?",
            use_in_case="summary",
        ),
    ],
)

GEVINSTKART_OG_FORANKRING = LessonSpec(
    "Gevinstkartet som verktøy for forankring",
    slug="gevinstkart-og-forankring",
    estimated_minutes=30,
    introduction=(
        "Et gevinstkart laget sammen med de riktige folkene gir en felles forståelse av hvorfor dere gjør det dere "
        "gjør."
    ),
    body=[
        heading("Lag kartet i et verksted"),
        paragraph(
            "<p>Inviter prosjekteieren, lederne i tjenestene som berøres, et par ansatte, en tillitsvalgt og gjerne "
            "en økonomirådgiver. Start fra høyre: Hvilke gevinster ønsker vi? Arbeid så mot venstre: Hvilke "
            "effekter gir de gevinstene, hvilke endringer i arbeidet gir de effektene, og hvilke tiltak må til? "
            "Bruk lapper på en vegg, og flytt dem til sammenhengene stemmer.</p>"
        ),
        heading("Hva kartet avslører"),
        paragraph(
            "<p>Ofte viser kartet at tiltaket alene ikke er nok. Skal medisindispensere gi færre besøk, må også "
            "vedtakene endres og påfyllet organiseres. Kartet viser også hvem som må gjøre noe, og dermed hvem som "
            "må være med i forankringen.</p>"
        ),
        tool("gevinstkart", "Malen for gevinstkartet, med et utfylt eksempel fra hjemmetjenesten."),
        quiz(
            [
                question(
                    "«40 brukere har fått digitalt tilsyn om natta.» Hva er dette?",
                    [
                        option(
                            "Et resultat",
                            correct=True,
                            feedback="Det er det prosjektet har levert. Effekten og gevinsten er hva det fører til.",
                        ),
                        option(
                            "En gevinst",
                            feedback="Ikke ennå. Gevinsten er verdien det gir, for eksempel bedre søvn og frigjort "
                            "kapasitet.",
                        ),
                        option(
                            "En indikator",
                            feedback="En indikator er noe dere måler for å følge en gevinst, for eksempel antall "
                            "nattbesøk.",
                        ),
                    ],
                ),
                question(
                    "Hvilke av disse er gevinster?",
                    [
                        option(
                            "Brukerne føler seg tryggere hjemme",
                            correct=True,
                            feedback="Ja. Kvalitative gevinster teller like mye som økonomiske.",
                        ),
                        option(
                            "Kommunen kan gi tjenester til flere uten å øke bemanningen",
                            correct=True,
                            feedback="Ja. Større kapasitet er en økonomisk gevinst, selv om ingen budsjetter kuttes.",
                        ),
                        option(
                            "Det er kjøpt inn 40 sensorer",
                            feedback="Nei. Det er et tiltak, ikke en gevinst.",
                        ),
                        option(
                            "Færre belastningsskader blant de ansatte",
                            correct=True,
                            feedback="Ja. Gevinster for de ansatte er også gevinster for kommunen.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvorfor bør en tillitsvalgt være med når gevinstkartet lages?",
                    [
                        option(
                            "Fordi gevinstene ofte handler om de ansattes arbeid og tid, og de ansatte må ha tillit "
                            "til hvordan gevinstene brukes",
                            correct=True,
                            feedback="Åpenhet om gevinstene fra starten gir støtte i stedet for mistillit.",
                        ),
                        option(
                            "Fordi de tillitsvalgte skal godkjenne budsjettet",
                            feedback="Budsjettet vedtas av kommunestyret.",
                        ),
                        option(
                            "Det er ikke nødvendig",
                            feedback="Gevinstarbeid uten de ansatte oppleves lett som et skjult kutt, og mister "
                            "støtten.",
                        ),
                    ],
                ),
                question(
                    "Hvor bør dere begynne når dere lager et gevinstkart?",
                    [
                        option(
                            "Med gevinstene dere ønsker, og så arbeide bakover mot tiltakene",
                            correct=True,
                            feedback="Slik sikrer dere at tiltakene faktisk fører til det dere vil oppnå.",
                        ),
                        option(
                            "Med løsningen dere allerede har valgt",
                            feedback="Da er det lett å lete etter gevinster som passer løsningen, i stedet for "
                            "omvendt.",
                        ),
                        option(
                            "Med budsjettet",
                            feedback="Kostnadene hører med i kartet, men de er ikke stedet å begynne.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: gevinster",
            pass_mark=75,
        ),
    ],
)

MAL_FOR_DERE_STARTER = LessonSpec(
    "Mål før dere starter",
    slug="mal-for-dere-starter",
    estimated_minutes=25,
    introduction="Nullpunktet er utgangssituasjonen. Uten det blir gevinstene bare påstander.",
    body=[
        heading("Hvor finner dere tallene?"),
        paragraph(
            "<ul>"
            "<li><strong>Fagsystemene:</strong> antall vedtak, besøk, timer, ventetid og avvik.</li>"
            "<li><strong>KOSTRA:</strong> sammenlikn med kommuner av samme type, for å se om dere ligger høyt "
            "eller lavt.</li>"
            "<li><strong>Økonomisystemet:</strong> kostnader per tjeneste, overtid, innleie og kjøring.</li>"
            "<li><strong>Personalsystemet:</strong> sykefravær og turnover.</li>"
            "<li><strong>Brukerundersøkelser:</strong> for eksempel undersøkelsene på bedrekommune.no, eller noen "
            "enkle spørsmål dere stiller selv.</li>"
            "</ul>"
        ),
        heading("Når tallene ikke finnes"),
        paragraph(
            "<p>Ofte finnes ikke tallet dere trenger. Da kan dere registrere selv i en kort periode: Hvor mye tid "
            "går med til å ringe rundt etter vikarer? Hvor mange ringer barnehagekontoret om opptaket? To til fire "
            "uker med enkel registrering gir et godt nok nullpunkt, så lenge dere registrerer på samme måte "
            "etterpå.</p>"
        ),
        info_box(
            "Velg en vanlig periode",
            "<p>Unngå å måle nullpunktet i fellesferien, i en influensabølge eller rett etter en omorganisering, "
            "med mindre det er det normale. Skriv ned når og hvordan dere målte.</p>",
        ),
    ],
)

GODE_INDIKATORER = LessonSpec(
    "Gode indikatorer",
    slug="gode-indikatorer",
    estimated_minutes=25,
    introduction=(
        "En indikator er et tall dere følger over tid for å se om en gevinst kommer. Velg få, og velg med omhu."
    ),
    body=[
        heading("Kjennetegn på en god indikator"),
        paragraph(
            "<ul>"
            "<li>Den henger tydelig sammen med en gevinst i gevinstkartet.</li>"
            "<li>Den kan måles på samme måte før, under og etter.</li>"
            "<li>Den er lett å forstå for ledere, ansatte og politikere.</li>"
            "<li>Den koster lite å samle inn.</li>"
            "</ul>"
        ),
        heading("Tidlige og sene indikatorer"),
        paragraph(
            "<p>Noen gevinster tar tid. Færre sykehusinnleggelser ser dere kanskje først etter et år. Følg derfor "
            "også tidlige indikatorer som viser at endringen skjer: Brukes løsningen? Hvor mange besøk er "
            "erstattet? Hva sier brukerne etter to uker?</p>"
        ),
        heading("Pass på hva indikatoren belønner"),
        paragraph(
            "<p>Det som måles, blir gjort. Måler dere bare antall besøk, kan det lønne seg å korte dem ned, uten at "
            "brukerne får det bedre. Kombiner derfor indikatorer for kvalitet og ressursbruk, og spør jevnlig om "
            "tallene gir et riktig bilde.</p>"
        ),
        reflection(
            "Hvilke indikatorer vil du følge, og hva er nullpunktet?",
            help_text="Velg to til fire indikatorer. For hver: hva dere måler, hvor tallet kommer fra, og hva det er i dag.",
        ),
        quiz(
            [
                question(
                    "Dere vil redusere tiden hjemmetjenesten bruker på kjøring. Hva er et godt nullpunkt?",
                    [
                        option(
                            "Kjøretiden målt i en vanlig periode før tiltaket, på samme måte som den skal måles "
                            "etterpå",
                            correct=True,
                            feedback="Samme målemetode før og etter gjør sammenlikningen mulig.",
                        ),
                        option(
                            "Kjøretiden i juli, da det er minst trafikk",
                            feedback="Fellesferien er ikke representativ, og gir et misvisende utgangspunkt.",
                        ),
                        option(
                            "Et anslag fra leverandøren av ruteplanleggingssystemet",
                            feedback="Et anslag kan være nyttig, men det er ikke en måling av deres situasjon.",
                        ),
                    ],
                ),
                question(
                    "Hvilken indikator viser tidligst om et tiltak virker som planlagt?",
                    [
                        option(
                            "Andelen brukere som faktisk bruker løsningen etter en måned",
                            correct=True,
                            feedback="Bruk er en tidlig indikator: Uten bruk kommer det ingen gevinst.",
                        ),
                        option(
                            "Endringen i sykehusinnleggelser etter to år",
                            feedback="Det er en viktig, men sen indikator.",
                        ),
                        option(
                            "Kommunens plass i en nasjonal rangering",
                            feedback="Den påvirkes av så mye annet at den sier lite om tiltaket.",
                        ),
                    ],
                ),
                question(
                    "Hva kjennetegner en god indikator?",
                    [
                        option(
                            "Den henger sammen med en gevinst i gevinstkartet",
                            correct=True,
                            feedback="Ja. Ellers måler dere noe som ikke sier om dere når målet.",
                        ),
                        option(
                            "Den kan måles på samme måte før og etter",
                            correct=True,
                            feedback="Ja. Ellers kan dere ikke sammenlikne.",
                        ),
                        option(
                            "Den er dyr å samle inn, så den blir tatt på alvor",
                            feedback="Nei. Indikatorer som koster mye å samle inn, slutter man å samle inn.",
                        ),
                        option(
                            "Den er lett å forstå for dem som skal bruke den",
                            correct=True,
                            feedback="Ja. En indikator ingen forstår, blir ikke brukt i styringen.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvorfor bør dere kombinere indikatorer for kvalitet og ressursbruk?",
                    [
                        option(
                            "Fordi én indikator alene kan belønne feil ting, for eksempel kortere besøk uten bedre "
                            "kvalitet",
                            correct=True,
                            feedback="Det som måles, blir gjort; derfor må målingene gi et helt bilde.",
                        ),
                        option(
                            "Fordi flere indikatorer alltid er bedre",
                            feedback="Ikke alltid. Få og gode indikatorer er bedre enn mange.",
                        ),
                        option(
                            "Fordi KOSTRA krever det",
                            feedback="Dette handler om deres egen styring, ikke om rapportering til staten.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: nullpunkt og indikatorer",
            pass_mark=75,
        ),
    ],
)

FOLG_GEVINSTENE = LessonSpec(
    "Følg gevinstene underveis",
    slug="folg-gevinstene",
    estimated_minutes=25,
    introduction=(
        "Under piloten skal dere både se om endringen skjer, og lære hva som skal til for at gevinstene kommer i "
        "full drift."
    ),
    body=[
        heading("Mål jevnlig, men ikke for ofte"),
        paragraph(
            "<p>Hent tallene for indikatorene hver måned, og gå gjennom dem i de faste evalueringsmøtene. Snakk med "
            "brukere og ansatte underveis. Skriv ned hva som kan ha påvirket tallene, som en ny turnus, en "
            "sykdomsbølge eller en endret rutine, så dere kan forklare dem senere.</p>"
        ),
        heading("Regn på hva det betyr i full skala"),
        paragraph(
            "<p>En pilot med tjue brukere gir små tall. Regn likevel på hva det vil bety om løsningen innføres for "
            "alle som kan ha nytte av den: Hvor mange timer frigjøres? Hva koster det? Vær tydelig på "
            "usikkerheten, og regn gjerne med både et forsiktig og et optimistisk anslag.</p>"
        ),
        reflection(
            "Hvilke gevinster ser du tegn til, og hva er usikkert?",
            help_text="Skriv hva tallene og erfaringene viser så langt, og hva som kan ha påvirket dem.",
        ),
    ],
)

NAR_TALLENE_SKUFFER = LessonSpec(
    "Når tallene ikke sier det dere håpet",
    slug="nar-tallene-skuffer",
    estimated_minutes=20,
    introduction="Mange piloter gir andre resultater enn ventet. Det er ikke et nederlag, men kunnskap.",
    body=[
        heading("Finn ut hvorfor"),
        paragraph(
            "<p>Før dere konkluderer, spør: Ble løsningen brukt slik det var tenkt? Var perioden lang nok? Skjedde "
            "det noe annet samtidig? Ofte er forklaringen at løsningen ble brukt for lite, eller at rutinene rundt "
            "ikke ble endret. Da kan piloten justeres. Andre ganger virker løsningen rett og slett ikke hos "
            "dere.</p>"
        ),
        heading("Vær ærlig i rapporten"),
        paragraph(
            "<p>Det er fristende å pynte på tallene når mye tid og prestisje er lagt ned. Men en ærlig rapport gir "
            "bedre beslutninger, og den er verdifull for andre kommuner som vurderer det samme. Beskriv også "
            "negative virkninger dere ikke hadde ventet.</p>"
        ),
        quiz(
            [
                question(
                    "Piloten med tjue brukere frigjør 15 timer i måneden. Hva bør dere gjøre med tallet?",
                    [
                        option(
                            "Regne på hva det kan bety i full skala, med et forsiktig og et optimistisk anslag",
                            correct=True,
                            feedback="De som skal beslutte, trenger et anslag for hele tjenesten, og å "
                            "vite hvor usikkert det er.",
                        ),
                        option(
                            "Gange det med antall brukere i kommunen og rapportere det som en sikker gevinst",
                            feedback="Det gir et falskt inntrykk av presisjon. Ikke alle brukere vil ha samme nytte.",
                        ),
                        option(
                            "Se bort fra det, fordi tallene er for små",
                            feedback="Små tall er usikre, men de sier noe. Bruk dem med forsiktighet.",
                        ),
                    ],
                ),
                question(
                    "Indikatorene viser ingen forbedring etter tre måneder. Hva bør dere undersøke først?",
                    [
                        option(
                            "Om løsningen faktisk ble brukt slik det var tenkt",
                            correct=True,
                            feedback="Lite bruk er den vanligste grunnen til at gevinstene uteblir.",
                        ),
                        option(
                            "Om det finnes en annen leverandør",
                            feedback="Kanskje senere, men først må dere forstå hvorfor gevinstene uteblir.",
                        ),
                        option(
                            "Om det går an å endre nullpunktet",
                            feedback="Å endre nullpunktet i ettertid for å få bedre tall er ikke ærlig.",
                        ),
                    ],
                ),
                question(
                    "Hva bør stå i evalueringen av piloten?",
                    [
                        option(
                            "Resultatene sammenliknet med nullpunktet",
                            correct=True,
                            feedback="Ja. Det er kjernen i evalueringen.",
                        ),
                        option(
                            "Hva som kan ha påvirket tallene",
                            correct=True,
                            feedback="Ja. Det gjør det mulig å tolke resultatene riktig.",
                        ),
                        option(
                            "Negative virkninger dere ikke hadde ventet",
                            correct=True,
                            feedback="Ja. De er like viktige for beslutningen som gevinstene.",
                        ),
                        option(
                            "Bare indikatorene som viste forbedring",
                            feedback="Nei. En evaluering som plukker ut de gode tallene, gir dårlige beslutninger.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvorfor er en pilot som ikke ga gevinster, likevel verdifull?",
                    [
                        option(
                            "Fordi kommunen slipper å innføre en løsning som ikke virker, og andre kan lære av "
                            "erfaringen",
                            correct=True,
                            feedback="Del erfaringen: Også det som ikke virket, er kunnskap andre trenger.",
                        ),
                        option(
                            "Fordi pilotmidlene da kan brukes på noe annet",
                            feedback="Det kan stemme, men det er ikke hovedverdien.",
                        ),
                        option(
                            "Den er ikke verdifull",
                            feedback="Jo. Den har svart på spørsmålet den skulle svare på.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: gevinster i piloten",
            pass_mark=75,
            max_attempts=2,
        ),
        cases_in_practice(phase="pilotering"),
    ],
)

GEVINSTREALISERINGSPLANEN = LessonSpec(
    "Gevinstrealiseringsplanen",
    slug="gevinstrealiseringsplanen",
    estimated_minutes=30,
    introduction="Planen sier hvem som skal ta ut hvilke gevinster, når, og hvordan dere vet at det har skjedd.",
    body=[
        heading("Hva planen skal inneholde"),
        paragraph(
            "<p>For hver gevinst i gevinstkartet:</p>"
            "<ul>"
            "<li>indikatoren dere følger, med nullpunkt og mål</li>"
            "<li>når gevinsten ventes, og når dere måler</li>"
            "<li>hvem som er gevinsteier, altså den lederen som har myndighet der gevinsten oppstår</li>"
            "<li>hva som må gjøres for at gevinsten tas ut, for eksempel endrede vedtak, ny turnus eller et "
            "justert budsjett</li>"
            "</ul>"
        ),
        heading("Bestem hvordan tidsgevinstene brukes"),
        paragraph(
            "<p>Frigjort tid er den vanligste gevinsten, og den som lettest forsvinner. Bestem sammen med de "
            "ansatte og de tillitsvalgte hva tiden skal brukes til: flere brukere, lengre besøk hos dem som "
            "trenger det mest, mindre overtid eller færre vikarer. Skriv beslutningen inn i planen, og følg den "
            "opp.</p>"
        ),
        tool(
            "gevinstrealiseringsplan",
            "En mal for gevinstrealiseringsplanen, med gevinster, indikatorer, nullpunkt, mål, gevinsteiere og "
            "oppfølging.",
        ),
        quiz(
            [
                question(
                    "Hva gjør en gevinsteier?",
                    [
                        option(
                            "Har ansvaret for at gevinsten faktisk tas ut, og følger den opp",
                            correct=True,
                            feedback="Gevinsteieren er en leder med myndighet der gevinsten oppstår.",
                        ),
                        option(
                            "Regner ut gevinstene i prosjektets sluttrapport",
                            feedback="Det kan prosjektet gjøre, men å ta ut gevinsten er noe annet.",
                        ),
                        option(
                            "Får gevinsten utbetalt som bonus",
                            feedback="Gevinstene tilfaller tjenestene og innbyggerne.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor forsvinner tidsgevinster ofte?",
                    [
                        option(
                            "Fordi ingen har bestemt hva den frigjorte tiden skal brukes til",
                            correct=True,
                            feedback="Tid som ingen har planlagt bruken av, fylles av andre oppgaver uten "
                            "at noen ser det.",
                        ),
                        option(
                            "Fordi de ansatte arbeider mindre",
                            feedback="Det er sjelden forklaringen. Tiden går til andre oppgaver, ofte viktige, men "
                            "ikke planlagte.",
                        ),
                        option(
                            "Fordi tid ikke kan måles",
                            feedback="Tid kan måles, for eksempel med en kort registrering eller tall fra fagsystemet.",
                        ),
                    ],
                ),
                question(
                    "Hva bør stå i gevinstrealiseringsplanen for hver gevinst?",
                    [
                        option(
                            "Indikator, nullpunkt og mål",
                            correct=True,
                            feedback="Ja. Slik vet dere når gevinsten er tatt ut.",
                        ),
                        option(
                            "Gevinsteier",
                            correct=True,
                            feedback="Ja. Hver gevinst trenger en leder som har ansvaret.",
                        ),
                        option(
                            "Når dere måler og følger opp",
                            correct=True,
                            feedback="Ja. Gevinster kommer over tid og må følges opp.",
                        ),
                        option(
                            "Navnet på leverandørens kontaktperson",
                            feedback="Det hører hjemme i avtalen med leverandøren, ikke i gevinstplanen.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvor bør gevinstene rapporteres?",
                    [
                        option(
                            "I kommunens vanlige styring, for eksempel i tertialrapporten og årsmeldingen",
                            correct=True,
                            feedback="Da blir gevinstene en del av styringen, og ikke en egen rapport ingen leser.",
                        ),
                        option(
                            "Bare i prosjektets sluttrapport",
                            feedback="Gevinstene kommer ofte etter at prosjektet er slutt. Da må de følges opp i "
                            "driften.",
                        ),
                        option(
                            "Ingen steder; gevinstene taler for seg selv",
                            feedback="Gevinster som ikke rapporteres, blir ikke sett, og de blir lett borte.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: gevinstrealisering",
            pass_mark=75,
        ),
    ],
)

FOLGE_OPP_OG_RAPPORTERE = LessonSpec(
    "Følge opp og rapportere",
    slug="folge-opp-og-rapportere",
    estimated_minutes=20,
    introduction="Gevinstene må følges opp også etter at prosjektet er avsluttet, i den vanlige styringen.",
    body=[
        heading("Seks og tolv måneder etter"),
        paragraph(
            "<p>Sett av tid i gevinsteierens kalender seks og tolv måneder etter innføringen. Hent indikatorene, "
            "snakk med ansatte og brukere, og vurder: Er gevinsten tatt ut? Hvis ikke, hva skal til? Noen "
            "gevinster kommer senere enn planlagt; andre kommer aldri, og da er det bedre å si det.</p>"
        ),
        heading("Rapporter der styringen skjer"),
        paragraph(
            "<p>Ta gevinstene inn i kommunens ordinære rapportering: tertialrapporter, årsmelding og "
            "virksomhetsplaner. For politikerne er det nyttig å se både kronene og det innbyggerne har fått: "
            "kortere ventetid, mer trygghet, flere som kan bo hjemme lenger.</p>"
        ),
        reflection(
            "Hvilke gevinster er tatt ut, og hvordan vet du det?",
            help_text=(
                "Beskriv gevinstene med tall og erfaringer, sammenliknet med nullpunktet. Hva gjenstår, og hvem "
                "følger det opp?"
            ),
            use_in_case="results",
        ),
        cases_in_practice(phase="overgang-til-drift"),
    ],
)

COURSE = CourseSpec(
    title="Gevinstrealisering i praksis",
    slug="gevinstrealisering-i-praksis",
    introduction=(
        "Hvordan kommunen planlegger, måler og faktisk tar ut gevinstene av et innovasjonsarbeid: fra det første "
        "gevinstkartet til rapporten til politikerne."
    ),
    audience=(
        "Ledere, prosjektledere, økonomirådgivere og tillitsvalgte i kommuner som skal innføre nye løsninger og "
        "vil vite om de virker. Det er en fordel, men ikke et krav, å ha tatt kurset «Innovasjon i kommunen»."
    ),
    outcomes=(
        "skille mellom resultater, effekter og gevinster, og beskrive både økonomiske og kvalitative gevinster",
        "lage et gevinstkart sammen med ledere, ansatte og tillitsvalgte",
        "velge indikatorer og måle et nullpunkt før arbeidet starter",
        "følge gevinstene i en pilot og tolke tallene ærlig",
        "lage en gevinstrealiseringsplan med gevinsteiere, og rapportere i kommunens ordinære styring",
    ),
    estimated_hours=4,
    sequential=False,
    modules=[
        ModuleSpec(
            "Gevinster fra starten",
            "forankring",
            slug="gevinster-fra-starten",
            introduction=(
                "Gevinstarbeidet begynner før prosjektet starter: Hva skal bli bedre, for hvem, og hvem skal sørge "
                "for at det skjer?"
            ),
            lessons=[HVA_ER_EN_GEVINST, GEVINSTKART_OG_FORANKRING],
        ),
        ModuleSpec(
            "Nullpunkt og indikatorer",
            "innsikt",
            slug="nullpunkt-og-indikatorer",
            introduction=(
                "Skal dere vise at noe ble bedre, må dere vite hvordan det var før, og velge noen få indikatorer "
                "som faktisk sier noe."
            ),
            lessons=[MAL_FOR_DERE_STARTER, GODE_INDIKATORER],
        ),
        ModuleSpec(
            "Gevinster i piloten",
            "pilotering",
            slug="gevinster-i-piloten",
            introduction="Piloten er den første muligheten til å se om gevinstene kommer. Mål ærlig, og tål svaret.",
            lessons=[FOLG_GEVINSTENE, NAR_TALLENE_SKUFFER],
        ),
        ModuleSpec(
            "Ta ut gevinstene",
            "overgang-til-drift",
            slug="ta-ut-gevinstene",
            introduction=(
                "En gevinst er først realisert når den er tatt ut: i budsjettet, i kapasiteten eller i kvaliteten "
                "brukerne merker."
            ),
            lessons=[GEVINSTREALISERINGSPLANEN, FOLGE_OPP_OG_RAPPORTERE],
        ),
    ],
)

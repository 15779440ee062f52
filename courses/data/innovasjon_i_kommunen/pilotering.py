"""Modul 4, pilotering: prøv løsningen i virkeligheten, i liten skala og med målepunkter."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, info_box, tool

EN_GOD_PILOT = LessonSpec(
    "Hva er en god pilot?",
    slug="en-god-pilot",
    estimated_minutes=25,
    introduction=(
        "En pilot er et forsøk i virkelige omgivelser, avgrenset i tid og omfang, som skal svare på et spørsmål."
    ),
    body=[
        heading("Piloten skal svare på et spørsmål"),
        paragraph(
            "<p>En prototype tester om en idé kan fungere. En pilot tester om løsningen fungerer i den daglige "
            "driften: med ekte brukere, vanlige ansatte og de rutinene, systemene og den travelheten som hører "
            "til. Derfor må dere vite på forhånd hva dere vil finne ut.</p>"
            "<p>Skriv en hypotese: <em>Hvis vi gjør X for Y, vil Z skje, og det ser vi ved å måle W.</em> For "
            "eksempel: «Hvis hjemmeboende som skrives ut fra sykehus, får en fast kontaktperson de første fjorten "
            "dagene, vil færre bli lagt inn igjen innen 30 dager, og de vil føle seg tryggere. Vi måler "
            "reinnleggelser og spør brukerne etter to uker.»</p>"
        ),
        heading("Avgrens piloten"),
        paragraph(
            "<ul>"
            "<li><strong>Hvem:</strong> Hvilke brukere og hvilke enheter er med? Start med én sone, én skole eller "
            "én avdeling.</li>"
            "<li><strong>Hvor lenge:</strong> Lenge nok til at det nye har gått seg til og dere ser en virkning, "
            "ofte tre til seks måneder.</li>"
            "<li><strong>Hva det koster:</strong> Både penger og tid, også tiden de ansatte bruker på opplæring og "
            "registrering.</li>"
            "<li><strong>Når det skal besluttes:</strong> Sett en dato for beslutningspunktet, og avtal hvem som "
            "tar beslutningen.</li>"
            "</ul>"
        ),
        info_box(
            "Unngå den evige piloten",
            "<p>Mange kommuner har piloter som aldri blir avsluttet og aldri blir drift. Bestem før piloten "
            "starter hva som skal til for at løsningen innføres, justeres eller avsluttes. Å avslutte en pilot "
            "som ikke virker, er et godt resultat: Det sparer kommunen for en dårlig løsning.</p>",
            variant="warning",
        ),
        reflection(
            "Hva er hypotesen for piloten din?",
            help_text=(
                "Hvis vi gjør … for …, vil …, og det ser vi ved å måle … Skriv også hvem som er med, hvor lenge "
                "piloten varer og når beslutningen tas."
            ),
        ),
    ],
)

MALEPUNKTER = LessonSpec(
    "Målepunkter og nullpunkt",
    slug="malepunkter",
    estimated_minutes=30,
    introduction=(
        "Uten et nullpunkt vet dere ikke om noe ble bedre. Uten noen få, gode målepunkter drukner dere i tall "
        "ingen bruker."
    ),
    body=[
        heading("Mål før dere starter"),
        paragraph(
            "<p>Nullpunktet er situasjonen før piloten: Hvor lang er ventetiden i dag? Hvor mange besøk kjøres? "
            "Hvor trygge føler brukerne seg? Mål det på samme måte som dere skal måle underveis og etterpå, ellers "
            "kan dere ikke sammenlikne. Har dere ikke tallene, registrer i to til fire uker før oppstart.</p>"
        ),
        heading("Velg få målepunkter, for alle som berøres"),
        paragraph(
            "<p>Fire til seks målepunkter holder. Sørg for at de dekker</p>"
            "<ul>"
            "<li><strong>brukerne:</strong> kvalitet, trygghet, mestring, ventetid</li>"
            "<li><strong>de ansatte:</strong> tidsbruk, arbeidsmiljø, opplevelsen av å gjøre en god jobb</li>"
            "<li><strong>kommunen:</strong> kostnader, kapasitet, avvik og uønskede hendelser</li>"
            "</ul>"
            "<p>Kombiner tall og fortellinger. Tallene viser hvor mye; samtalene med brukere og ansatte viser "
            "hvorfor, og fanger opp virkninger ingen hadde tenkt på.</p>"
        ),
        heading("Gjør det enkelt å registrere"),
        paragraph(
            "<p>Bruk tall som allerede finnes i fagsystemene der det går. Må de ansatte registrere noe ekstra, "
            "hold det til et minimum og forklar hvorfor. En registrering som oppleves som meningsløs, blir ikke "
            "gjort, eller gjort dårlig.</p>"
        ),
        tool(
            "plan-for-pilot",
            "En mal for å planlegge piloten: hypotese, avgrensning, målepunkter med nullpunkt, risiko, personvern "
            "og beslutningspunkt.",
        ),
        quiz(
            [
                question(
                    "Hva er et nullpunkt?",
                    [
                        option(
                            "Situasjonen før piloten, målt på samme måte som dere skal måle underveis",
                            correct=True,
                            feedback="Uten nullpunkt kan dere ikke vise at noe er blitt bedre, eller verre.",
                        ),
                        option(
                            "Dagen piloten starter",
                            feedback="Nullpunktet er ikke en dato, men en måling av utgangssituasjonen.",
                        ),
                        option(
                            "Målet dere vil nå",
                            feedback="Målet sier hvor dere vil; nullpunktet sier hvor dere står.",
                        ),
                    ],
                ),
                question(
                    "Hva kjennetegner gode målepunkter i en pilot?",
                    [
                        option(
                            "De er få, og dekker brukere, ansatte og kommunen",
                            correct=True,
                            feedback="Ja. Fire til seks målepunkter som favner alle som berøres, holder.",
                        ),
                        option(
                            "De bygger på tall som allerede finnes, der det går",
                            correct=True,
                            feedback="Ja. Det sparer de ansatte for ekstraarbeid og gjør tallene mer pålitelige.",
                        ),
                        option(
                            "De kombineres med intervjuer og fortellinger",
                            correct=True,
                            feedback="Ja. Tallene viser hvor mye, fortellingene forklarer hvorfor.",
                        ),
                        option(
                            "Jo flere, jo bedre",
                            feedback="Nei. Mange målepunkter gir mye registrering og lite innsikt.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hvilken hypotese egner seg best for en pilot?",
                    [
                        option(
                            "«Velferdsteknologi vil gjøre hjemmetjenesten bedre.»",
                            feedback="For vag. Hva skal gjøres, for hvem, og hvordan skal dere se om det virket?",
                        ),
                        option(
                            "«Hvis brukere med faste medisintider får en medisindispenser, vil besøkene som bare "
                            "gjelder medisiner gå ned med minst en tredel, uten flere avvik.»",
                            correct=True,
                            feedback="Den sier hva som gjøres, for hvem, hva dere venter skal skje og "
                            "hvordan det måles.",
                        ),
                        option(
                            "«Vi skal teste medisindispensere i seks måneder.»",
                            feedback="Dette er en plan, ikke en hypotese. Hva venter dere at skal skje?",
                        ),
                    ],
                ),
                question(
                    "Piloten viser at løsningen ikke gir de gevinstene dere håpet på. Hva er riktig å gjøre?",
                    [
                        option(
                            "Forlenge piloten til tallene blir bedre",
                            feedback="Det er slik evige piloter oppstår. Finn heller ut hvorfor, og ta en beslutning.",
                        ),
                        option(
                            "Vurdere om løsningen kan justeres, eller avslutte den og dele det dere lærte",
                            correct=True,
                            feedback="Å avslutte en pilot som ikke virker, er et godt resultat, og "
                            "erfaringen er verdifull for andre.",
                        ),
                        option(
                            "Innføre løsningen likevel, siden det er brukt penger på den",
                            feedback="Pengene som er brukt, får dere ikke tilbake. Å innføre noe som ikke virker, "
                            "koster mer.",
                        ),
                    ],
                ),
                question(
                    "Hvorfor bør datoen for beslutningspunktet settes før piloten starter?",
                    [
                        option(
                            "Så alle vet når, og på hvilket grunnlag, det skal besluttes om løsningen innføres, "
                            "justeres eller avsluttes",
                            correct=True,
                            feedback="Et avtalt beslutningspunkt hindrer at piloten blir stående, og gjør "
                            "det lettere å planlegge budsjettet.",
                        ),
                        option(
                            "Fordi piloter alltid skal vare i nøyaktig seks måneder",
                            feedback="Lengden avhenger av hva dere skal finne ut.",
                        ),
                        option(
                            "Så leverandøren vet når de får betalt",
                            feedback="Avtalen med leverandøren er viktig, men den er ikke grunnen til "
                            "beslutningspunktet.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: pilotering",
            pass_mark=80,
        ),
    ],
)

GJENNOMFORE_PILOTEN = LessonSpec(
    "Gjennomføre piloten",
    slug="gjennomfore-piloten",
    estimated_minutes=30,
    introduction=(
        "Opplæring, personvern og korte evalueringer underveis avgjør om piloten gir svar dere kan stole på."
    ),
    body=[
        heading("Forbered de ansatte"),
        paragraph(
            "<p>De ansatte som skal bruke løsningen, må forstå hvorfor, få opplæring og vite hvem de kan spørre. "
            "Pek ut superbrukere på hver vakt eller avdeling. Avklar med de tillitsvalgte hvordan "
            "arbeidsoppgaver og turnus eventuelt endres i pilotperioden.</p>"
        ),
        heading("Personvern og sikkerhet"),
        paragraph(
            "<p>Behandler piloten personopplysninger, særlig helseopplysninger, må dere vurdere personvernet før "
            "oppstart. Ofte kreves en vurdering av personvernkonsekvenser (DPIA). Ta kontakt med "
            "personvernombudet tidlig. Gjør en risiko- og sårbarhetsanalyse: Hva kan gå galt, for hvem, og hva "
            "gjør dere da? Informer brukerne skriftlig, og gjør det frivillig å være med der det er mulig.</p>"
        ),
        heading("Lær underveis"),
        paragraph(
            "<p>Ha korte evalueringsmøter hver eller annenhver uke: Hva virker, hva virker ikke, hva justerer vi? "
            "Skriv ned endringene dere gjør, så dere vet hva det er dere til slutt har testet. Snakk med brukerne "
            "underveis, ikke bare til slutt.</p>"
        ),
        heading("Evaluer og legg fram"),
        paragraph(
            "<p>Sammenlikn målingene med nullpunktet, og oppsummer hva brukerne og de ansatte har sagt. Skriv en "
            "kort evaluering til den som skal ta beslutningen: hva dere testet, hva som skjedde, hva det kostet, "
            "og hva dere anbefaler. Vær ærlig, også om det som ikke gikk som planlagt.</p>"
        ),
        reflection(
            "Hva viste piloten?",
            help_text=(
                "Beskriv resultatene med tall og erfaringer: Hva endret seg for brukerne, for de ansatte og for "
                "kommunen, sammenliknet med nullpunktet? Hva gikk ikke som planlagt?"
            ),
            use_in_case="results",
        ),
        cases_in_practice(phase="pilotering"),
    ],
)

MODULE = ModuleSpec(
    "Pilotering: prøv det i virkeligheten",
    "pilotering",
    slug="pilotering",
    introduction=(
        "Prøv løsningen i virkeligheten, i liten skala og med målepunkter, så dere kan ta en god beslutning om "
        "hva som skal skje etterpå."
    ),
    lessons=[EN_GOD_PILOT, MALEPUNKTER, GJENNOMFORE_PILOTEN],
)

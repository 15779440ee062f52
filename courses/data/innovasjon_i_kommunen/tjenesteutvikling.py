"""Modul 3, tjenesteutvikling: fra innsikt til ideer, og fra ideer til løsninger testet på ekte brukere."""

from courses.factories import LessonSpec, ModuleSpec, cases_in_practice, option, paragraph, question, quiz, reflection

from .. import heading, info_box

FRA_INNSIKT_TIL_IDEER = LessonSpec(
    "Fra innsikt til ideer",
    slug="fra-innsikt-til-ideer",
    estimated_minutes=25,
    introduction=(
        "Gode ideer kommer sjelden fra én person ved skrivebordet. De kommer når folk med ulik erfaring arbeider "
        "med det samme problemet."
    ),
    body=[
        heading("Et idéverksted"),
        paragraph(
            "<p>Samle åtte til femten personer i to–tre timer: ansatte fra ulike enheter, et par brukere eller "
            "pårørende, en tillitsvalgt og gjerne noen utenfra, for eksempel fra en frivillig organisasjon, en "
            "bedrift eller en høgskole. Start med innsikten: Fortell brukerhistoriene og vis brukerreisen. Så "
            "arbeider dere med ett «Hvordan kan vi …?»-spørsmål av gangen.</p>"
            "<ul>"
            "<li>Først mange ideer, så de gode. Ingen kritikk mens ideene kommer.</li>"
            "<li>Bygg videre på hverandres ideer: «Ja, og …» i stedet for «Ja, men …».</li>"
            "<li>Se på hva andre har gjort. Eksempelbanken viser løsninger fra andre kommuner som dere kan låne og "
            "tilpasse.</li>"
            "</ul>"
        ),
        heading("Velg ut ideene"),
        paragraph(
            "<p>Sorter ideene etter to spørsmål: <em>Hvor mye vil dette løse problemet for brukeren?</em> og "
            "<em>Hvor enkelt er det å prøve ut?</em> Ideene som scorer høyt på begge, tester dere først. Store og "
            "krevende ideer er ikke forbudt, men de trenger mer forankring og ofte partnere.</p>"
        ),
        info_box(
            "Ta brukerne med",
            "<p>Brukere og pårørende i idéverkstedet stopper dårlige ideer tidlig og gjør gode ideer bedre. Det "
            "er ofte de som stiller de enkleste, og viktigste, spørsmålene.</p>",
            variant="success",
        ),
        reflection(
            "Hvilke ideer vil du gå videre med, og hvorfor?",
            help_text=(
                "Beskriv to–tre ideer kort. Hvilken vil løse mest for brukeren, og hvilken er enklest å prøve ut først?"
            ),
        ),
    ],
)

PROTOTYPING = LessonSpec(
    "Prototyping: test før dere bygger",
    slug="prototyping",
    estimated_minutes=30,
    introduction=(
        "En prototype er en enkel utgave av løsningen som lar dere lære mye, raskt og billig, før dere bruker penger."
    ),
    body=[
        heading("Hva kan en prototype være?"),
        paragraph(
            "<ul>"
            "<li><strong>En skisse eller papirutgave</strong> av et skjema, en nettside eller et "
            "informasjonsskriv.</li>"
            "<li><strong>Et rollespill</strong> av en ny samtale, for eksempel et hjemmebesøk eller den første "
            "samtalen med en nyankommen flyktning.</li>"
            "<li><strong>En «liksom-digital» tjeneste</strong>, der innbyggerne sender en SMS og en ansatt svarer "
            "manuelt, før dere vet om det er verdt å kjøpe et system.</li>"
            "<li><strong>En ny rutine prøvd ut i én uke</strong> på én avdeling.</li>"
            "</ul>"
            "<p>Poenget er ikke at prototypen skal være pen, men at den skal svare på et spørsmål: Forstår "
            "brukerne den? Bruker de den? Løser den problemet?</p>"
        ),
        heading("Test med fem brukere"),
        paragraph(
            "<p>La fem brukere prøve prototypen mens dere ser på. Be dem tenke høyt. Ikke forklar og ikke forsvar; "
            "noter hvor de stopper opp. Rett opp det viktigste, og test igjen. Etter tre–fire runder vet dere mer "
            "enn etter måneder med møter.</p>"
        ),
        heading("Et eksempel fra teknisk sektor"),
        paragraph(
            "<p>En kommune ville gjøre det enklere å melde fra om hull i veien og gatelys som ikke virker. I "
            "stedet for å kjøpe et system testet de først et enkelt nettskjema og en egen e-postadresse i to "
            "måneder. De lærte at innbyggerne ville sende bilde og posisjon, og at det viktigste for dem var å få "
            "beskjed når feilen var rettet. Det ble kravene da kommunen senere kjøpte en løsning.</p>"
        ),
        quiz(
            [
                question(
                    "Hva er hovedhensikten med en prototype?",
                    [
                        option(
                            "Å lære om løsningen virker før dere bruker mye tid og penger",
                            correct=True,
                            feedback="En prototype er et verktøy for å lære, ikke et produkt.",
                        ),
                        option(
                            "Å vise politikerne en ferdig løsning",
                            feedback="En prototype er nettopp ikke ferdig, og det er poenget.",
                        ),
                        option(
                            "Å velge leverandør",
                            feedback="Prototyper kan gi bedre krav i en anskaffelse, men de skal ikke velge "
                            "leverandør.",
                        ),
                    ],
                ),
                question(
                    "Dere tester et nytt informasjonsskriv med fem brukere, og tre av dem misforstår det samme "
                    "avsnittet. Hva gjør dere?",
                    [
                        option(
                            "Skriver om avsnittet og tester på nytt",
                            correct=True,
                            feedback="Rett opp det viktigste og test igjen, i små og raske runder.",
                        ),
                        option(
                            "Forklarer brukerne hva avsnittet betyr",
                            feedback="Da lærer dere ingenting. Den som får skrivet i posten, har ingen ved siden "
                            "av seg som kan forklare det.",
                        ),
                        option(
                            "Tester med flere brukere til dere finner noen som forstår det",
                            feedback="Da tester dere for å få rett, ikke for å lære.",
                        ),
                    ],
                ),
                question(
                    "Hvem bør være med i et idéverksted?",
                    [
                        option(
                            "Ansatte fra enhetene som berøres",
                            correct=True,
                            feedback="Ja. De kjenner arbeidet og skal leve med løsningen.",
                        ),
                        option(
                            "Brukere eller pårørende",
                            correct=True,
                            feedback="Ja. De vet best hva som vil gjøre en forskjell for dem.",
                        ),
                        option(
                            "Bare ledere, så det går raskt",
                            feedback="Nei. Et idéverksted med bare ledere går glipp av erfaringene fra førstelinjen.",
                        ),
                        option(
                            "Gjerne noen utenfra, for eksempel frivillige eller en forsker",
                            correct=True,
                            feedback="Ja. Folk utenfra stiller andre spørsmål og kjenner løsninger dere ikke kjenner.",
                        ),
                    ],
                    kind="multiple",
                ),
                question(
                    "Hva betyr det å teste en «liksom-digital» tjeneste?",
                    [
                        option(
                            "Å la en ansatt gjøre for hånd det et system senere skal gjøre, for å se om tjenesten "
                            "blir brukt",
                            correct=True,
                            feedback="Slik finner dere ut om innbyggerne vil ha tjenesten før dere kjøper et system.",
                        ),
                        option(
                            "Å kjøpe et system og bare bruke halvparten av funksjonene",
                            feedback="Poenget er å teste behovet før dere kjøper noe.",
                        ),
                        option(
                            "Å lage en film som viser hvordan tjenesten skal bli",
                            feedback="En film kan være en nyttig prototype, men det er ikke det som menes her.",
                        ),
                    ],
                ),
                question(
                    "Hvordan bør dere velge hvilken idé dere tester først?",
                    [
                        option(
                            "Den som løser mest for brukeren og er enklest å prøve ut",
                            correct=True,
                            feedback="Start der dere kan lære mye med lite innsats.",
                        ),
                        option(
                            "Den som er mest nyskapende",
                            feedback="Nyskapende er fint, men ikke et mål i seg selv. Det som teller, er om den "
                            "løser problemet.",
                        ),
                        option(
                            "Den som lederen liker best",
                            feedback="Lederens støtte er viktig, men valget bør bygge på innsikten og på hva dere "
                            "kan teste.",
                        ),
                    ],
                ),
            ],
            title="Test deg selv: tjenesteutvikling",
            pass_mark=80,
            max_attempts=3,
        ),
    ],
)

SAMARBEIDSPARTNERE = LessonSpec(
    "Samarbeid med frivillige, forskning og næringsliv",
    slug="samarbeidspartnere",
    estimated_minutes=25,
    introduction=(
        "Kommunen må ikke løse alt alene. Partnere gir kunnskap, folk og løsninger, men samarbeidet må også planlegges."
    ),
    body=[
        heading("Frivillige"),
        paragraph(
            "<p>Frivillige organisasjoner og enkeltpersoner kan gi noe kommunen ikke kan: tid, fellesskap og "
            "nærhet. Besøksvenner, frivillige sjåfører, leksehjelp og språkkafeer er eksempler. Men frivillighet "
            "er ikke gratis arbeidskraft. Den trenger en fast kontaktperson i kommunen, tydelige rammer for hva "
            "frivillige gjør og ikke gjør (de lovpålagte oppgavene skal fortsatt løses av kommunen), og "
            "anerkjennelse.</p>"
        ),
        heading("Forskning og utdanning"),
        paragraph(
            "<p>En høgskole eller et universitet kan følge arbeidet med følgeforskning, hjelpe dere å måle "
            "virkninger og gi studenter som skriver oppgave om problemet deres. Regionale forskningsfond og "
            "Forskningsrådet har ordninger kommunene kan søke på.</p>"
        ),
        heading("Næringslivet og innovative anskaffelser"),
        paragraph(
            "<p>Trenger dere en løsning som må kjøpes, beskriv <em>behovet</em> og ikke en ferdig løsning. "
            "Inviter markedet til dialog før konkurransen: Fortell om problemet, og spør hva som finnes og hva som "
            "kan utvikles. Da får dere ofte bedre og billigere løsninger. Leverandørutviklingsprogrammet og "
            "innkjøpsmiljøet i kommunen eller regionen kan hjelpe dere å gjøre det innenfor regelverket for "
            "offentlige anskaffelser.</p>"
        ),
        heading("Andre kommuner"),
        paragraph(
            "<p>Mange kommuner har de samme problemene. Et interkommunalt samarbeid om utvikling og pilotering "
            "deler kostnader og risiko, og gjør det lettere å ta løsningen i bruk i flere kommuner etterpå.</p>"
        ),
        reflection(
            "Hvem utenfor din egen enhet kan bidra, og med hva?",
            help_text=(
                "Tenk på andre enheter, frivillige, forskning, næringsliv og andre kommuner. Hva kan de gi, og hva "
                "kan dere gi tilbake?"
            ),
        ),
        cases_in_practice(phase="tjenesteutvikling"),
    ],
)

MODULE = ModuleSpec(
    "Tjenesteutvikling: fra idé til prototype",
    "tjenesteutvikling",
    slug="tjenesteutvikling",
    introduction=(
        "Fra innsikt til ideer, og fra ideer til løsninger dere har testet på ekte brukere: raskt, billig og "
        "sammen med andre."
    ),
    lessons=[FRA_INNSIKT_TIL_IDEER, PROTOTYPING, SAMARBEIDSPARTNERE],
)

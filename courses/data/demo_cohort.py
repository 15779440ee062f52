"""The demo cohort and its participants: who they are, and how far each has come.

The people are invented. Their answers to the reflection questions are what a
participant might write about a real kind of challenge in their own kommune;
lessons are named «module-slug/lesson-slug» as in the course data.
"""

from . import CohortSpec, Participation, Person

INNOVASJON = "innovasjon-i-kommunen"
GEVINST = "gevinstrealisering-i-praksis"

FACILITATOR = Person(
    "hilde.bakken@statsforvalteren.example",
    "Hilde",
    "Bakken",
    "Seniorrådgiver, fornying og innovasjon, Statsforvalteren i Vestfold og Telemark",
)

COHORT = CohortSpec(
    course=INNOVASJON,
    region="Vestfold og Telemark",
    invitation_code="VTKURS26",
    facilitator=FACILITATOR.email,
    groups=(("Skien kommune", "4003"), ("Grenlandssamarbeidet", ""), ("Vestfold-kommunene", "")),
    started_weeks_ago=5,
    weeks_per_module=2,
)

PEOPLE = (
    FACILITATOR,
    Person("kari.nordmann@skien.kommune.example", "Kari", "Nordmann", "Rådgiver, helse og omsorg", "4003"),
    Person("jonas.berg@skien.kommune.example", "Jonas", "Berg", "Rådgiver, oppvekst", "4003"),
    Person("amir.haddad@porsgrunn.kommune.example", "Amir", "Haddad", "Ingeniør, vann og avløp", "4001"),
    Person("line.solberg@bamble.kommune.example", "Line", "Solberg", "Helsesykepleier", "4012"),
    Person("eirik.haugen@tonsberg.kommune.example", "Eirik", "Haugen", "Prosjektleder, digitalisering", "3905"),
    Person("silje.andersen@larvik.kommune.example", "Silje", "Andersen", "Styrer, Torstrand barnehage", "3909"),
    Person("astrid.lunde@notodden.kommune.example", "Astrid", "Lunde", "Fagleder, hjemmetjenesten", "4005"),
    Person("per.kristiansen@horten.kommune.example", "Per", "Kristiansen", "Økonomirådgiver", "3901"),
)

KARI = Participation(
    "kari.nordmann@skien.kommune.example",
    INNOVASJON,
    group="Skien kommune",
    lessons_done=9,
    failed_first=("tjenesteutvikling/prototyping",),
    project_title="Turvenn: ut på tur hver uke",
    share_reflections=True,
    enrolled_days_ago=37,
    answers={
        "forankring/hva-er-tjenesteinnovasjon": (
            "Mange hjemmeboende eldre i Skien går nesten aldri ut om vinteren. De mister styrke og balanse, og "
            "flere faller. Hjemmetjenesten har ikke tid til å gå tur med dem, og mange har ikke familie i nærheten."
        ),
        "forankring/formuler-problemet": (
            "Hvordan kan vi hjelpe hjemmeboende eldre som sitter mye inne, til å komme seg ut og være i aktivitet "
            "hver uke?"
        ),
        "forankring/forankring-og-mandat": (
            "Kommunalsjefen for helse og omsorg har gitt oss mandat til å utrede en ordning innen sommeren. "
            "Frivilligsentralen og pensjonistforeningen må være med fra starten, og hjemmetjenesten må hjelpe oss "
            "å finne brukerne. De tillitsvalgte er orientert, fordi ordningen ikke skal erstatte oppgaver de "
            "ansatte har i dag. Jeg må snakke med lederen av eldrerådet denne uka."
        ),
        "innsikt/hvorfor-innsikt": (
            "Vi vet at 38 hjemmeboende over 75 år ble behandlet etter fall i fjor (tall fra legevakten). Vi tror "
            "at de eldre gjerne vil gå tur, men ikke tør alene. Vi tror også at mange vil være turvenner, men det "
            "vet vi ikke."
        ),
        "innsikt/brukerreisen": (
            "Det er ikke kulda, men redselen for å falle på glatta som holder folk inne. Flere sa at de gjerne går "
            "tur, men ikke med en fremmed første gang: De vil bli introdusert av noen de kjenner fra "
            "hjemmetjenesten. Og brøyting og strøing av fortauene betyr minst like mye som turvennen."
        ),
        "tjenesteutvikling/fra-innsikt-til-ideer": (
            "1. Turvenner fra frivilligsentralen, introdusert av hjemmetjenesten. 2. Brodder og strøsand levert "
            "hjem. 3. Faste turgrupper fra dagsenteret. Vi starter med turvenner i to bydeler, fordi det bygger på "
            "et tilbud frivilligsentralen allerede har."
        ),
        "tjenesteutvikling/samarbeidspartnere": (
            "Frivilligsentralen rekrutterer og følger opp turvennene. Fysioterapeutene kan lære turvennene enkle "
            "balanseøvelser. Bydrift kan prioritere strøing langs turrutene. Pensjonistforeningen har medlemmer "
            "som vil være med."
        ),
    },
)

JONAS = Participation(
    "jonas.berg@skien.kommune.example",
    INNOVASJON,
    group="Skien kommune",
    lessons_done=5,
    failed_first=("innsikt/intervjuer-og-observasjon",),
    project_title="Tidlig innsats ved skolefravær",
    enrolled_days_ago=36,
    answers={
        "forankring/hva-er-tjenesteinnovasjon": (
            "Stadig flere elever på ungdomstrinnet har høyt fravær, og noen slutter nesten å komme på skolen. "
            "Skolen, helsesykepleieren og PPT arbeider hver for seg, og foreldrene vet ikke hvem de skal kontakte."
        ),
        "forankring/formuler-problemet": (
            "Hvordan kan vi oppdage økende fravær tidlig og gi eleven og familien én vei inn til hjelp?"
        ),
        "forankring/forankring-og-mandat": (
            "Kommunalsjefen for oppvekst er prosjekteier. Rektorene på de tre ungdomsskolene må være med, og vi "
            "trenger helsesykepleier, PPT og barnevernet rundt bordet. Utdanningsforbundet er invitert inn i "
            "arbeidsgruppen. Ungdomsrådet vil vi spørre om hvordan vi best snakker med elevene."
        ),
        "innsikt/hvorfor-innsikt": (
            "Vi vet fra fraværsføringen at 42 elever hadde over 10 prosent fravær i fjor. Vi tror at det ofte "
            "starter med korte fravær på mandager, og at foreldrene merker det før skolen. Det må vi sjekke i "
            "samtaler med foreldre og elever."
        ),
    },
)

AMIR = Participation(
    "amir.haddad@porsgrunn.kommune.example",
    INNOVASJON,
    group="Grenlandssamarbeidet",
    lessons_done=2,
    failed_attempt_on="forankring/forankring-og-mandat",
    enrolled_days_ago=35,
    answers={
        "forankring/hva-er-tjenesteinnovasjon": (
            "Vi vet for lite om hvor vannet lekker i ledningsnettet. Vi finner lekkasjene først når det blir et "
            "brudd, og da er skadene og kostnadene store."
        ),
        "forankring/formuler-problemet": "Hvordan kan vi finne lekkasjer i vannledningsnettet før de blir brudd?",
        "forankring/forankring-og-mandat": (
            "Virksomhetslederen for vann og avløp må eie arbeidet. Driftsoperatørene kjenner nettet best. Vi bør "
            "snakke med Skien og Bamble, som har samme utfordring, og orientere utvalget for teknikk og miljø."
        ),
    },
)

LINE = Participation(
    "line.solberg@bamble.kommune.example", INNOVASJON, group="Grenlandssamarbeidet", enrolled_days_ago=3
)

EIRIK = Participation(
    "eirik.haugen@tonsberg.kommune.example",
    INNOVASJON,
    group="Vestfold-kommunene",
    lessons_done=7,
    project_title="Én søknad for boligtjenestene",
    enrolled_days_ago=36,
    answers={
        "forankring/hva-er-tjenesteinnovasjon": (
            "Innbyggere som søker om startlån, bostøtte eller kommunal bolig, må fylle ut flere skjemaer med de "
            "samme opplysningene, og mange søknader kommer inn uten vedlegg. Saksbehandlerne bruker mye tid på å "
            "etterlyse dokumenter."
        ),
        "forankring/formuler-problemet": (
            "Hvordan kan vi gjøre det enkelt å søke om boligtjenester, slik at søknaden er komplett første gang?"
        ),
        "forankring/forankring-og-mandat": (
            "Digitaliseringsstrategien gir oss mandatet, og kommunalsjefen for velferd er prosjekteier. "
            "Saksbehandlerne i boligkontoret og veilederne i NAV må være med. Vi trenger personvernombudet tidlig, "
            "og vi vil samarbeide med digitaliseringsnettverket i Vestfold."
        ),
        "innsikt/hvorfor-innsikt": (
            "Vi vet at 6 av 10 søknader om startlån i fjor manglet minst ett vedlegg. Vi tror at søkerne ikke "
            "forstår hvilke vedlegg som kreves, men det kan også være at de ikke har dem. Det må vi spørre om."
        ),
        "innsikt/brukerreisen": (
            "De fleste søkerne har ringt boligkontoret før de søker, og mange har fått ulike svar om hva som "
            "trengs. Vedleggene mangler ikke fordi folk er slurvete, men fordi de må hente dem fra banken, "
            "arbeidsgiveren og NAV. Søkerne er mest usikre i ventetiden, når de ikke vet om søknaden er komplett."
        ),
        "tjenesteutvikling/fra-innsikt-til-ideer": (
            "1. Én felles søknad for boligtjenestene, der opplysninger hentes automatisk der vi kan. 2. En "
            "sjekkliste som viser hvilke vedlegg akkurat du trenger. 3. En bekreftelse samme dag på at søknaden "
            "er komplett. Vi tester sjekklisten først, som en papirprototype i skranken på boligkontoret."
        ),
    },
)

SILJE = Participation(
    "silje.andersen@larvik.kommune.example", INNOVASJON, group="Vestfold-kommunene", enrolled_days_ago=10
)

ASTRID = Participation(
    "astrid.lunde@notodden.kommune.example",
    INNOVASJON,
    lessons_done=18,
    failed_first=("pilotering/malepunkter",),
    project_title="Trygg hjem etter sykehusopphold",
    enrolled_days_ago=120,
    answers={
        "forankring/hva-er-tjenesteinnovasjon": (
            "Eldre som skrives ut fra sykehuset til hjemmet, opplever de første dagene som utrygge. De møter mange "
            "ulike ansatte, informasjonen fra sykehuset kommer ikke alltid fram i tide, og mange blir lagt inn "
            "igjen innen en måned. Vi vil gi dem en tryggere overgang hjem."
        ),
        "forankring/formuler-problemet": (
            "Hvordan kan vi gi eldre som skrives ut fra sykehuset, en trygg og forutsigbar første tid hjemme, slik "
            "at færre blir lagt inn igjen?"
        ),
        "forankring/forankring-og-mandat": (
            "Kommunalsjefen for helse og omsorg er prosjekteier og har satt av 20 prosent av en sykepleierstilling "
            "i ett år. Enhetslederne i hjemmetjenesten og på korttidsavdelingen må eie løsningen sammen. De "
            "tillitsvalgte fra Fagforbundet og NSF var med fra første møte, fordi oppgavene og turnusen kan "
            "endres. Eldrerådet ble orientert i mars, og to pårørende er med i referansegruppen. Jeg må også "
            "snakke med utskrivningskoordinatoren på sykehuset."
        ),
        "innsikt/hvorfor-innsikt": (
            "Vi vet at 14 av 60 pasienter som ble skrevet ut til hjemmetjenesten i fjor høst, ble lagt inn igjen "
            "innen 30 dager (tall fra fagsystemet). Vi tror det skyldes at medisinene ikke ble fulgt opp, men det "
            "vet vi ikke. Vi tror også at de pårørende vil ha mer informasjon; det må vi sjekke."
        ),
        "innsikt/brukerreisen": (
            "1. Det er ikke medisinene, men uroen de første nettene som får mange til å ringe legevakten. "
            "2. Brukerne møtte i snitt ni ulike ansatte de første fjorten dagene, og måtte forklare situasjonen "
            "sin på nytt hver gang. 3. Pårørende ringer ikke fordi de er misfornøyde, men fordi de ikke vet hvem "
            "de skal spørre."
        ),
        "tjenesteutvikling/fra-innsikt-til-ideer": (
            "1. En fast kontaktperson i hjemmetjenesten som møter brukeren allerede på sykehuset eller samme dag "
            "hjemme, og følger opp de første fjorten dagene. 2. Et ark på kjøleskapet med navn og telefonnummer "
            "til kontaktpersonen og planen for uka. 3. Et besøk eller en telefon de tre første kveldene. Vi "
            "starter med kontaktpersonen og arket, fordi det kan prøves uten nye systemer."
        ),
        "tjenesteutvikling/samarbeidspartnere": (
            "Utskrivningskoordinatoren på sykehuset kan varsle oss tidligere. Fysioterapeutene i kommunen kan "
            "komme innen tre dager i stedet for etter en måned. Frivilligsentralen har besøksvenner som kan ringe "
            "på kveldstid. Høgskolen har tilbudt at to masterstudenter intervjuer brukerne etter piloten."
        ),
        "pilotering/en-god-pilot": (
            "Hvis eldre som skrives ut fra sykehuset til hjemmetjenesten i sone sør, får en fast kontaktperson de "
            "første fjorten dagene, vil færre bli lagt inn igjen innen 30 dager, og de vil føle seg tryggere. Vi "
            "måler reinnleggelser og antall ulike ansatte per bruker, og spør brukerne etter to uker. Piloten "
            "varer fra september til februar, og beslutningen tas i kommunalsjefens ledermøte i mars."
        ),
        "pilotering/gjennomfore-piloten": (
            "31 brukere var med i piloten. Av dem ble 4 lagt inn igjen innen 30 dager, mot 14 av 60 i samme "
            "periode året før (13 mot 23 prosent). Brukerne møtte i snitt fem ulike ansatte de første fjorten "
            "dagene, mot ni før. 26 av 31 sa at de følte seg trygge hjemme etter to uker. Kontaktpersonen brukte "
            "mer tid de første dagene enn vi trodde, men telefonene fra pårørende ble halvert."
        ),
        "overgang-til-drift/beslutningen": (
            "Enhetslederen i hjemmetjenesten eier ordningen fra 1. april. Hun trenger at kontaktpersonrollen står "
            "i turnusen, at de nye rutinene ligger i kvalitetssystemet, og at ordningen er med i budsjettet for "
            "neste år; den koster omtrent et halvt årsverk. Kommunalsjefen har lovet å løfte det i "
            "budsjettarbeidet."
        ),
        "ny-praksis/nar-det-nye-blir-vanlig": (
            "At kontaktpersonen blir en fast oppgave i turnusen, ikke noe de mest engasjerte gjør i tillegg. At "
            "nye ansatte lærer ordningen i introduksjonsprogrammet. Og at vi ser på tallene for reinnleggelser "
            "hvert halvår. Enhetslederen passer på, og fagutviklingssykepleieren følger opp tallene."
        ),
        "ny-praksis/spredning": (
            "Sone nord i hjemmetjenesten starter i høst, med to av kontaktpersonene fra piloten som ambassadører. "
            "Nabokommunene i Øst-Telemark bruker samme sykehus og har spurt om erfaringene. Jeg tar det opp i "
            "helse- og omsorgsnettverket, og deler prosjektet i eksempelbanken."
        ),
        "ny-praksis/oppsummering": (
            "Reinnleggelsene innen 30 dager gikk ned fra 23 til 13 prosent i piloten, og brukerne møtte færre "
            "ulike ansatte. Ordningen er besluttet videreført, og den innføres i hele hjemmetjenesten fra nyttår. "
            "Neste steg er at fysioterapeutene kommer inn tidligere, og at vi sammen med sykehuset prøver ut et "
            "felles utskrivningsmøte på video."
        ),
    },
)

ASTRID_GEVINST = Participation(
    "astrid.lunde@notodden.kommune.example",
    GEVINST,
    lessons_done=2,
    enrolled_days_ago=20,
    answers={
        "gevinster-fra-starten/hva-er-en-gevinst": (
            "Vi vil følge gevinstene av ordningen med fast kontaktperson etter sykehusopphold, som nå innføres i "
            "hele hjemmetjenesten: færre reinnleggelser, tryggere brukere og færre telefoner fra pårørende."
        ),
    },
)

PER = Participation(
    "per.kristiansen@horten.kommune.example",
    GEVINST,
    lessons_done=8,
    failed_first=("gevinster-i-piloten/nar-tallene-skuffer",),
    project_title="Medisindispensere i hjemmetjenesten: gevinstene",
    enrolled_days_ago=90,
    answers={
        "gevinster-fra-starten/hva-er-en-gevinst": (
            "Horten innfører elektroniske medisindispensere for hjemmeboende som får hjelp med medisiner flere "
            "ganger om dagen. Vi vil vise hva det gir brukerne og hjemmetjenesten, og hvordan den frigjorte tiden "
            "brukes."
        ),
        "nullpunkt-og-indikatorer/gode-indikatorer": (
            "1. Besøk per uke som bare gjelder medisiner (fagsystemet): 412 i snitt i ukene 10–13. 2. Avvik knyttet "
            "til legemidler per måned (avvikssystemet): 9. 3. Andelen brukere som sier at de klarer hverdagen "
            "bedre (tre spørsmål etter tre måneder). 4. Overtidstimer i hjemmetjenesten per måned: 160."
        ),
        "gevinster-i-piloten/folg-gevinstene": (
            "Etter fire måneder med 35 brukere er besøkene som bare gjelder medisiner, 40 prosent færre. Avvikene "
            "har ikke økt. Overtiden har gått ned, men det kan skyldes at to nye sykepleiere begynte samtidig. Det "
            "er usikkert hvor mange flere brukere som vil ha nytte av en dispenser."
        ),
        "ta-ut-gevinstene/folge-opp-og-rapportere": (
            "Etter tolv måneder er 1,8 årsverk frigjort i hjemmetjenesten. Enhetslederen har brukt tiden til å ta "
            "imot nye brukere uten å øke bemanningen, og til lengre besøk hos brukere med demens. "
            "Legemiddelavvikene gikk ned fra 9 til 5 i måneden. Gevinstene er rapportert i tertialrapporten og i "
            "årsmeldingen."
        ),
    },
)

KARI_GEVINST = Participation("kari.nordmann@skien.kommune.example", GEVINST, enrolled_days_ago=4)

PARTICIPATIONS = (KARI, JONAS, AMIR, LINE, EIRIK, SILJE, ASTRID, ASTRID_GEVINST, PER, KARI_GEVINST)

"""Demo content for partners: organisations and posts from demo_data/partners.jsonl, members, and two threads.

The organisations and posts go through the importer, as an editor's file would;
the file was written on DEMO_WRITTEN, and every post's date moves forward by the
days since then, so the demo's posts stay open. Members and threads are made
directly (no e-mail is sent). Idempotent: people are found by e-mail, memberships
by organisation and person, threads by post and organisation, and a line of the
file that would change nothing is not written again.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from innoplatform.accounts.demo import DEMO_PASSWORD
from innoplatform.accounts.models import User
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Membership, Organisation

from .importer import ImportResult, import_partners
from .models import CollaborationPost, Interest, InterestMessage

DEMO_FILE = Path(__file__).resolve().parent / "demo_data" / "partners.jsonl"
DEMO_WRITTEN = date(2026, 12, 1)

SKIEN = "935000548"
PORSGRUNN = "935001064"
BERGEN = "935003180"
FRIVILLIGSENTRALEN_SKIEN = "935008484"
USN = "935010608"
TRYGGHEIM = "935012724"
ENERGIRAD_VEST = "935013798"


@dataclass(frozen=True)
class Member:
    email: str
    first_name: str
    last_name: str
    job_title: str
    organisation: str
    """The organisation's number in the demo file."""
    role: str = Membership.Role.MEMBER
    kommune: str = ""


MEMBERS = (
    # The demo kommune adviser of the course demo, here as the one who acts for Skien kommune.
    Member(
        "kari.nordmann@skien.kommune.example",
        "Kari",
        "Nordmann",
        "Rådgiver, helse og omsorg",
        SKIEN,
        Membership.Role.ADMIN,
        "4003",
    ),
    Member(
        "amir.haddad@porsgrunn.kommune.example", "Amir", "Haddad", "Ingeniør, vann og avløp", PORSGRUNN, kommune="4001"
    ),
    Member(
        "sara.johansen@bergen.kommune.example",
        "Sara",
        "Johansen",
        "Energirådgiver, bygg og eiendom",
        BERGEN,
        Membership.Role.ADMIN,
        "4601",
    ),
    Member(
        "tone.moen@frivilligsentralen-skien.example",
        "Tone",
        "Moen",
        "Daglig leder",
        FRIVILLIGSENTRALEN_SKIEN,
        Membership.Role.ADMIN,
    ),
    Member("mats.eriksen@usn.example", "Mats", "Eriksen", "Førsteamanuensis, helse og velferdsteknologi", USN),
    Member("ingrid.dahl@tryggheim.example", "Ingrid", "Dahl", "Daglig leder", TRYGGHEIM, Membership.Role.ADMIN),
    Member("ole.pedersen@energiradvest.example", "Ole", "Pedersen", "Seniorrådgiver, energi", ENERGIRAD_VEST),
)


@dataclass(frozen=True)
class Thread:
    post: str
    organisation: str
    sender: str
    offer: str
    wish: str
    contact: str
    messages: tuple[tuple[str, str], ...]
    """(author's e-mail, text), oldest first; whether a message is the owner's follows from the author."""
    started_days_ago: int


THREADS = (
    Thread(
        post="digitalt-nattilsyn-i-hjemmetjenesten",
        organisation=TRYGGHEIM,
        sender="ingrid.dahl@tryggheim.example",
        offer=(
            "Vi har levert nattilsyn med sensorer til seks kommuner i Vestfold og Telemark, og kan tilby en "
            "prøveperiode på tre måneder i en av sonene deres, med opplæring av nattevaktene."
        ),
        wish="Et dialogmøte med hjemmetjenesten og innkjøp før dere lyser ut konkurransen.",
        contact="Ingrid Dahl, daglig leder",
        messages=(
            (
                "kari.nordmann@skien.kommune.example",
                "Takk for at dere tok kontakt! Vi holder dialogmøte med leverandører i midten av januar. "
                "Kan dere vise løsningen der?",
            ),
            (
                "ingrid.dahl@tryggheim.example",
                "Det gjør vi gjerne. Vi tar med sensorer og viser varslingen på telefon. Er det greit at vi har med "
                "en nattevakt fra en kommune som har brukt løsningen i et år?",
            ),
            (
                "kari.nordmann@skien.kommune.example",
                "Ja, det er fint – nattevaktene våre vil helst høre fra noen som gjør den samme jobben. "
                "Jeg sender invitasjon med tid og sted.",
            ),
        ),
        started_days_ago=9,
    ),
    Thread(
        post="besoksvenner-og-turvenner",
        organisation=SKIEN,
        sender="kari.nordmann@skien.kommune.example",
        offer=(
            "Hjemmetjenesten kan finne eldre som ønsker en turvenn, og være med og introdusere dem for den "
            "frivillige på første tur."
        ),
        wish="At dere rekrutterer og følger opp turvenner på Gulset og Hoppestad fra mars.",
        contact="Kari Nordmann, helse og omsorg",
        messages=(
            (
                "tone.moen@frivilligsentralen-skien.example",
                "Så fint! Vi har allerede seks frivillige som har sagt at de vil gå tur med noen. Kan vi møtes og "
                "avtale hvordan introduksjonen skal skje?",
            ),
            (
                "kari.nordmann@skien.kommune.example",
                "Passer tirsdag neste uke, klokka 10, hos dere på frivilligsentralen? Jeg tar med en sykepleier fra "
                "hjemmetjenesten på Gulset.",
            ),
        ),
        started_days_ago=5,
    ),
)


def demo_lines(today: date) -> list[str]:
    """The demo file with every post's date moved forward by the days since it was written."""
    shift = timedelta(days=max((today - DEMO_WRITTEN).days, 0))
    lines = []
    for line in DEMO_FILE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "post":
            record["expires"] = (date.fromisoformat(record["expires"]) + shift).isoformat()
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def ensure_members(members: tuple[Member, ...]) -> dict[str, User]:
    """Every demo member by e-mail, with a verified address, the demo password and an approved membership."""
    kommuner = Kommune.objects.in_bulk([member.kommune for member in members if member.kommune], field_name="number")
    organisations = Organisation.objects.in_bulk([member.organisation for member in members], field_name="orgnr")
    users = User.objects.in_bulk([member.email for member in members], field_name="email")
    password = None
    for member in members:
        if member.email not in users:
            password = password or make_password(DEMO_PASSWORD)
            users[member.email] = User.objects.create(
                email=member.email,
                first_name=member.first_name,
                last_name=member.last_name,
                job_title=member.job_title,
                kommune=kommuner.get(member.kommune),
                password=password,
            )
        user = users[member.email]
        EmailAddress.objects.get_or_create(user=user, email=member.email, defaults={"verified": True, "primary": True})
        Membership.objects.get_or_create(
            organisation=organisations[member.organisation],
            user=user,
            defaults={"role": member.role, "status": Membership.Status.APPROVED, "decided_at": timezone.now()},
        )
    return users


def ensure_thread(thread: Thread, users: dict[str, User]) -> bool:
    """The expression of interest and its replies; True if it was made now, False if it was there."""
    post = CollaborationPost.objects.select_related("organisation").get(slug=thread.post)
    organisation = Organisation.objects.get(orgnr=thread.organisation)
    if Interest.objects.filter(post=post, organisation=organisation).exists():
        return False
    started = timezone.now() - timedelta(days=thread.started_days_ago)
    interest = Interest.objects.create(
        post=post,
        organisation=organisation,
        sender=users[thread.sender],
        offer=thread.offer,
        wish=thread.wish,
        contact=thread.contact,
    )
    Interest.objects.filter(pk=interest.pk).update(created_at=started)
    owners = set(Membership.objects.filter(organisation=post.organisation).values_list("user__email", flat=True))
    for number, (email, text) in enumerate(thread.messages, start=1):
        message = InterestMessage.objects.create(
            interest=interest, author=users[email], from_owner=email in owners, text=text
        )
        InterestMessage.objects.filter(pk=message.pk).update(created_at=started + timedelta(days=number, hours=number))
    return True


def load_demo_partners(stdout=None) -> None:
    with transaction.atomic():
        result: ImportResult = import_partners(demo_lines(timezone.localdate()))
        users = ensure_members(MEMBERS)
        new_threads = sum(ensure_thread(thread, users) for thread in THREADS)
    if stdout is not None:
        stdout.write(
            f"Partnere: {len(result.organisations_created)} nye og {len(result.organisations_updated)} oppdaterte "
            f"organisasjoner, {len(result.posts_created)} nye og {len(result.posts_updated)} oppdaterte innlegg, "
            f"{len(MEMBERS)} medlemmer, {new_threads} nye tråder."
        )

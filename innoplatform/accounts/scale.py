"""Scale data: many participants with confirmed e-mail addresses, one password hash shared by all."""

from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password

from innoplatform.core.scale import ScalePlan

from .models import User

FIRST_NAMES = ("Kari", "Ola", "Ingrid", "Lars", "Nora", "Emil", "Sofie", "Jonas", "Maja", "Henrik", "Sara", "Aksel")
LAST_NAMES = (
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Berg",
    "Haugen",
)
SCALE_PASSWORD = "skala-passord-2026"  # noqa: S105 (benchmark users on a database of their own)


def load_scale_users(plan: ScalePlan) -> str:
    password = make_password(SCALE_PASSWORD)
    kommuner = plan.draw_kommuner(plan.users)
    users = User.objects.bulk_create(
        User(
            email=f"bruker{n}@skala.example.no",
            first_name=plan.random.choice(FIRST_NAMES),
            last_name=plan.random.choice(LAST_NAMES),
            job_title="Rådgiver",
            kommune=kommuner[n],
            password=password,
        )
        for n in range(plan.users)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    return f"{len(users)} brukere"

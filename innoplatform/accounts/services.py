"""What can be known of and done to an account: a verified address, the personal data export, deletion."""

from datetime import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from .extensions import contributed_personal_data
from .models import User


def has_verified_email(user) -> bool:
    """Whether the user has confirmed an e-mail address: what acting on the platform's behalf of others needs."""
    return user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def export_personal_data(user: User) -> dict:
    """Everything the platform holds about `user`, as JSON-ready data (GDPR art. 15 and 20)."""
    data = {
        "eksportert": timezone.now().isoformat(),
        "konto": {
            "e-post": user.email,
            "fornavn": user.first_name,
            "etternavn": user.last_name,
            "stilling": user.job_title,
            "kommune": str(user.kommune) if user.kommune_id else None,
            "registrert": _iso(user.date_joined),
            "sist_innlogget": _iso(user.last_login),
        },
        "e-postadresser": [
            {"e-post": address.email, "bekreftet": address.verified, "primær": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "innlogging_via_tjenester": [
            {"tjeneste": account.provider, "id": account.uid, "koblet": _iso(account.date_joined)}
            for account in SocialAccount.objects.filter(user=user).order_by("provider")
        ],
        "tofaktor": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
    }
    data.update(contributed_personal_data(user))
    return data


@transaction.atomic
def delete_account(request: HttpRequest, user: User) -> None:
    """Delete the account with everything that cascades from it, then end the session."""
    user.delete()
    logout(request)

"""How django-allauth sends mail and saves sign-ups on this platform.

Links in account e-mails start with SITE_URL, the platform's public address,
whatever host the request came in on.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from django.conf import settings


def with_site_url(value: object, origin: str) -> object:
    """`value` with `origin` (the request's scheme and host) replaced by SITE_URL, if it is such a link."""
    if isinstance(value, str) and value.startswith(origin + "/"):
        return settings.SITE_URL + value[len(origin) :]
    return value


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        if request is not None:
            origin = request.build_absolute_uri("/").rstrip("/")
            context = {key: with_site_url(value, origin) for key, value in context.items()}
        super().send_mail(template_prefix, email, context)

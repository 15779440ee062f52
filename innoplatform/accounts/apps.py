from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "innoplatform.accounts"
    label = "accounts"
    verbose_name = _("Kontoer")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .mfa_required import offer_the_way_back

        authenticator_added.connect(offer_the_way_back, dispatch_uid="accounts.mfa_required.offer_the_way_back")

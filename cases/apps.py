from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    label = "cases"
    verbose_name = _("Eksempler")

    def ready(self) -> None:
        from . import signals

        signals.connect()

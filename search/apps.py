from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Søk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.utils.module_loading import autodiscover_modules

        from . import sync

        autodiscover_modules("search_documents")
        sync.connect()
        post_migrate.connect(sync.index_if_empty, sender=self, dispatch_uid="search_index_if_empty")

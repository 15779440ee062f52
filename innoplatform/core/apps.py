from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "innoplatform.core"
    label = "core"
    verbose_name = _("Kjerne")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from .converters import IdConverter

        register_converter(IdConverter, "id")

        from . import checks  # noqa: F401 - registers the deployment checks
        from .generations import connect_signals

        connect_signals()
        from .site_setup import create_cache_tables, sync_site_identity

        # The cache table first: the site identity's writes renew the content generations kept in it.
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="core_create_cache_tables")
        post_migrate.connect(sync_site_identity, sender=self, dispatch_uid="core_sync_site_identity")

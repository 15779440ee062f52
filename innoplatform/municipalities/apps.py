"""The municipalities app: registry, SSB import and demographic profiles; wires its signals at start-up."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "innoplatform.municipalities"
    label = "municipalities"
    verbose_name = _("Kommuner")

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_delete, post_save

        from .demography.datasets import begin_request, end_request, forget_datasets
        from .demography.summaries import refresh_demographic_summaries
        from .models import PopulationDataset
        from .signals import population_imported

        population_imported.connect(refresh_demographic_summaries, dispatch_uid="refresh_demographic_summaries")
        for signal in (post_save, post_delete):
            signal.connect(forget_datasets, sender=PopulationDataset, dispatch_uid=f"forget_datasets_{signal}")
        request_started.connect(begin_request, dispatch_uid="municipalities_begin_request")
        request_finished.connect(end_request, dispatch_uid="municipalities_end_request")

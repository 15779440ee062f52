"""Registers the kommune registry and service rates in the menu and admin, and the demo population."""

from django.db.models import DecimalField
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from innoplatform.core.sections import PlatformSection

from .demo import load_demo_population
from .forms import DecimalCommaField
from .models import Fylke, Kommune, Service, ServiceRate


@hooks.register("register_platform_section")
def kommuner_section() -> PlatformSection:
    return PlatformSection(
        label=_("Kommuner"),
        description=_("Finn din kommune og se hvordan befolkningen endrer seg, og hva det betyr for tjenestene."),
        url_name="municipalities:list",
        order=40,
    )


class KommuneViewSet(ModelViewSet):
    model = Kommune
    icon = "site"
    menu_label = _("Kommuner")
    list_display = ["number", "name", "fylke"]
    list_filter = ["fylke"]
    search_fields = ["name", "number"]
    search_backend_name = None
    form_fields = ["number", "name", "slug", "fylke"]
    inspect_view_enabled = True


class FylkeViewSet(ModelViewSet):
    model = Fylke
    icon = "globe"
    menu_label = _("Fylker")
    list_display = ["number", "name"]
    search_fields = ["name", "number"]
    search_backend_name = None
    form_fields = ["number", "name", "slug"]


class ServiceViewSet(ModelViewSet):
    model = Service
    icon = "list-ul"
    menu_label = _("Tjenester")
    list_display = ["name", "code", "user_label", "order"]
    search_fields = ["name", "code"]
    search_backend_name = None
    form_fields = ["code", "name", "user_label", "order"]


class ServiceRateViewSet(ModelViewSet):
    """National default rates (kommune empty) and each kommune's own, which replace them on its profile."""

    model = ServiceRate
    icon = "table"
    menu_label = _("Dekningsgrader")
    list_display = ["service", "kommune", "age_group", "coverage_rate", "fte_per_user", "source", "imported_from"]
    list_filter = ["service", "kommune", "age_group"]
    search_fields = ["source"]
    search_backend_name = None
    form_fields = ["service", "kommune", "age_group", "coverage_rate", "fte_per_user", "source"]

    def get_queryset(self, request):
        return ServiceRate.objects.select_related("service", "kommune")

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, DecimalField):
            kwargs["form_class"] = DecimalCommaField
        return super().formfield_for_dbfield(db_field, **kwargs)


class RegistryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Kommuneregister")
    menu_icon = "site"
    menu_order = 300
    items = (KommuneViewSet, FylkeViewSet, ServiceViewSet, ServiceRateViewSet)


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()


@hooks.register("register_demo_loader")
def load_demo_population_hook(stdout=None) -> None:
    load_demo_population(stdout=stdout)


@hooks.register("register_scale_loader", order=10)
def load_scale_population(plan) -> str:
    """Every kommune's population from 2015 with projections to 2050 in SSB's three main alternatives."""
    datasets = load_demo_population()
    return f"Befolkning for {len(plan.kommuner)} kommuner i {len(datasets)} datasett"

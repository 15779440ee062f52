"""Registers the kommune registry in the main menu and in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from innoplatform.core.sections import PlatformSection

from .models import Fylke, Kommune


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


class RegistryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Kommuneregister")
    menu_icon = "site"
    menu_order = 300
    items = (KommuneViewSet, FylkeViewSet)


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()

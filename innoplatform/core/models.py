"""Page types and settings that every part of the platform shares."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .sections import platform_sections


class BasePage(Page):
    """Common fields of the site's own page types: a plain introduction."""

    introduction = models.TextField(
        _("ingress"),
        blank=True,
        max_length=600,
        help_text=_("Et kort sammendrag som vises øverst på siden og i lister."),
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        """The admin shows previews in a frame of its own: allow that one ancestor, for previews only.

        Every other response forbids framing (`frame-ancestors 'none'`, X-Frame-Options DENY).
        """
        response = super().serve_preview(request, mode_name)
        response._csp_replace = {"frame-ancestors": ["'self'"]}
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class HomePage(BasePage):
    """The front page: explains the platform and leads to its parts."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("innhold"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = platform_sections()
        return context

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")


class StandardPage(BasePage):
    """An editorial content page: about, privacy, accessibility statement and the like."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("innhold"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["core.HomePage", "core.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
        verbose_name_plural = _("standardsider")


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Contact details and links shown in the footer of every page."""

    owner_name = models.CharField(_("eier"), max_length=200, default="Innovasjonsplattformen")
    contact_email = models.EmailField(_("e-post for kontakt"), blank=True)
    footer_text = models.TextField(_("tekst i bunnteksten"), blank=True, max_length=500)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personvernerklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tilgjengelighetserklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("owner_name"), FieldPanel("contact_email"), FieldPanel("footer_text")],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Lenker i bunnteksten"),
        ),
    ]

    class Meta:
        verbose_name = _("nettstedsinnstillinger")


class FormSubmission(models.Model):
    """A form that has been processed, by the token rendered into it (innoplatform.core.once).

    The unique token makes a second post of the same rendered form, a double click or
    two tabs, find the first one's result instead of doing the work again.
    """

    token = models.UUIDField(_("skjemanøkkel"), unique=True)
    action = models.CharField(_("handling"), max_length=50)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruker"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    result = models.CharField(_("resultat"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("innsendt skjema")
        verbose_name_plural = _("innsendte skjemaer")

    def __str__(self) -> str:
        return f"{self.action} {self.token}"

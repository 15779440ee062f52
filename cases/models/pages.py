"""The case library's page types: one index with facets, and the case pages below it."""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from innoplatform.core.models import BasePage
from innoplatform.core.vocabularies import Phase

from ..blocks import CaseStreamBlock
from .details import VOCABULARIES, CaseCode, CaseStatus, CaseTag, Dimension

FIRST_YEAR = 1990
LAST_YEAR = 2100


class CasePageForm(WagtailAdminPageForm):
    """Edits the case's sectors, service areas and challenges as checkboxes over its code rows."""

    sectors = forms.MultipleChoiceField(
        label=_("Sektorer som deltar"),
        choices=VOCABULARIES[Dimension.SECTOR].choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kryss av for alle sektorer som var med, også kommunen selv."),
    )
    service_areas = forms.MultipleChoiceField(
        label=_("Tjenesteområder"),
        choices=VOCABULARIES[Dimension.SERVICE_AREA].choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hvilke tjenester eksemplet gjelder."),
    )
    challenges = forms.MultipleChoiceField(
        label=_("Utfordringer"),
        choices=VOCABULARIES[Dimension.CHALLENGE].choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Utfordringene eksemplet svarer på. De demografiske kobles til kommuneprofilene."),
    )

    FIELD_DIMENSIONS = {
        "sectors": Dimension.SECTOR,
        "service_areas": Dimension.SERVICE_AREA,
        "challenges": Dimension.CHALLENGE,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance is not None:
            for name, dimension in self.FIELD_DIMENSIONS.items():
                self.initial.setdefault(name, self.instance.codes_of(dimension))

    def clean_kommuner(self):
        kommuner = self.cleaned_data.get("kommuner")
        if not kommuner:
            raise forms.ValidationError(_("Velg minst én kommune som var med."))
        return kommuner

    def save(self, commit=True):
        self.instance.set_codes({dim: self.cleaned_data.get(name, []) for name, dim in self.FIELD_DIMENSIONS.items()})
        return super().save(commit=commit)


class CaseIndexPage(BasePage):
    """The case library: free text and facets over every published case below it."""

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["cases.CasePage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("eksempelbibliotek")
        verbose_name_plural = _("eksempelbibliotek")

    def get_context(self, request, *args, **kwargs):
        from ..context import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request))
        return context


class CasePageQuerySet(PageQuerySet):
    def published(self) -> "CasePageQuerySet":
        """Cases the public may see: live, and under no view restriction.

        Wagtail's `.public()` runs a query to build its filter; this keeps the check inside the same query.
        """
        restricted = PageViewRestriction.objects.annotate(
            case_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
        ).filter(case_path__startswith=F("page__path"))
        return self.live().exclude(Exists(restricted))

    def for_listing(self) -> "CasePageQuerySet":
        """What a listing shows of each case (codes and kommuner), fetched in a fixed number of queries."""
        return self.defer_streamfields().prefetch_related("codes", "kommuner")


class CasePage(BasePage):
    """One innovation case: who tried what, in which phase, with whom, and how it went."""

    body = StreamField(CaseStreamBlock(), blank=True, verbose_name=_("innhold"))
    kommuner = ParentalManyToManyField(
        "municipalities.Kommune",
        verbose_name=_("kommuner som var med"),
        related_name="cases",
        help_text=_("Alle kommuner som deltok. Eksemplet vises på kommuneprofilene deres."),
    )
    phase = models.CharField(
        _("fase i innovasjonsprosessen"),
        max_length=30,
        choices=Phase.choices,
        db_index=True,
        help_text=_("Fasen i KS' veikart for tjenesteinnovasjon som eksemplet best illustrerer."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("startår"),
        db_index=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("Året arbeidet startet."),
    )
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.PILOTERING)
    results_text = models.TextField(
        _("resultater"),
        blank=True,
        help_text=_("Hva kom ut av arbeidet? Skriv det dere har målt eller erfart, også det som ikke virket."),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_role = models.CharField(_("stilling og arbeidssted"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktperson"), blank=True)
    tags = ClusterTaggableManager(through=CaseTag, blank=True, verbose_name=_("stikkord"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("foreslått av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_cases",
    )
    submitter_notified_at = models.DateTimeField(_("forslagsstiller varslet"), null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(CasePageQuerySet)()

    base_form_class = CasePageForm
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", heading=_("Sammendrag")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("kommuner"),
                FieldRowPanel([FieldPanel("phase"), FieldPanel("status"), FieldPanel("start_year")]),
                FieldPanel("sectors"),
                FieldPanel("service_areas"),
                FieldPanel("challenges"),
                FieldPanel("tags"),
            ],
            heading=_("Klassifisering"),
        ),
        InlinePanel("partners", heading=_("Partnere"), label=_("Partner")),
        MultiFieldPanel(
            [FieldPanel("results_text"), InlinePanel("result_figures", label=_("Målt resultat"))],
            heading=_("Resultater"),
        ),
        InlinePanel("funding", heading=_("Finansiering"), label=_("Finansieringskilde")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Kontakt"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("results_text"),
        index.FilterField("phase"),
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("eksempel")
        verbose_name_plural = _("eksempler")

    @property
    def summary(self) -> str:
        return self.introduction

    def codes_of(self, dimension: str) -> list[str]:
        """Codes of one vocabulary, in vocabulary order (works on prefetched and unsaved cases)."""
        present = {row.code for row in self.codes.all() if row.dimension == dimension}
        return [code for code in VOCABULARIES[dimension].values if code in present]

    def set_codes(self, codes: dict[str, list[str]]) -> None:
        """Replace the code rows of the given dimensions; saved with the page or its revision."""
        keep = [row for row in self.codes.all() if row.dimension not in codes]
        new = [CaseCode(dimension=dim, code=code) for dim, values in codes.items() for code in dict.fromkeys(values)]
        self.codes = keep + new

    @property
    def sectors(self) -> list[str]:
        return self.codes_of(Dimension.SECTOR)

    @property
    def service_areas(self) -> list[str]:
        return self.codes_of(Dimension.SERVICE_AREA)

    @property
    def challenges(self) -> list[str]:
        return self.codes_of(Dimension.CHALLENGE)

    def labelled(self, dimension: str) -> list[tuple[str, str]]:
        vocabulary = VOCABULARIES[dimension]
        return [(code, vocabulary(code).label) for code in self.codes_of(dimension)]

    @property
    def service_area_labels(self) -> list[tuple[str, str]]:
        return self.labelled(Dimension.SERVICE_AREA)

    @property
    def sector_labels(self) -> list[tuple[str, str]]:
        return self.labelled(Dimension.SECTOR)

    @property
    def challenge_labels(self) -> list[tuple[str, str]]:
        return self.labelled(Dimension.CHALLENGE)

    def get_context(self, request, *args, **kwargs):
        from ..context import case_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_context(request, self))
        return context

"""An application for funding: who applies with whom, what for, what it costs, and where it stands.

Imported historical grants are applications too, without a call, public and closed
from the start; `year` and `office` are kept on every application so the public
insight filters grants of both kinds alike.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Phase

from ..offices import Office


class Status(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Sendt inn")
    UNDER_ASSESSMENT = "under_assessment", _("Under vurdering")
    GRANTED = "granted", _("Innvilget")
    PARTLY_GRANTED = "partly_granted", _("Delvis innvilget")
    REJECTED = "rejected", _("Avslått")
    REPORTING_DUE = "reporting_due", _("Rapport skal leveres")
    REPORTED = "reported", _("Rapportert")
    CLOSED = "closed", _("Avsluttet")
    WITHDRAWN = "withdrawn", _("Trukket")


#: The statuses of a granted project: the only applications the public sees.
PUBLIC_STATUSES = (Status.GRANTED, Status.PARTLY_GRANTED, Status.REPORTING_DUE, Status.REPORTED, Status.CLOSED)


class ApplicationQuerySet(models.QuerySet):
    def public(self) -> "ApplicationQuerySet":
        return self.filter(status__in=PUBLIC_STATUSES)


class Application(models.Model):
    Status = Status

    call = models.ForeignKey(
        "funding.FundingCall",
        verbose_name=_("utlysning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    office = models.CharField(_("statsforvalterembete"), max_length=40, choices=Office.choices, db_index=True)
    year = models.PositiveSmallIntegerField(
        _("år"), db_index=True, help_text=_("Året tilskuddet ble tildelt; før vedtaket året utlysningen stenger.")
    )
    lead_kommune = models.ForeignKey(
        "municipalities.Kommune", verbose_name=_("søkerkommune"), on_delete=models.PROTECT, related_name="+"
    )
    co_kommuner = models.ManyToManyField(
        "municipalities.Kommune", verbose_name=_("medsøkerkommuner"), blank=True, related_name="+"
    )
    title = models.CharField(_("prosjektnavn"), max_length=200)
    summary = models.TextField(_("kort beskrivelse"), max_length=1500, blank=True)
    problem = models.TextField(_("utfordringen prosjektet skal løse"), max_length=10_000, blank=True)
    goal = models.TextField(_("mål"), max_length=5000, blank=True)
    phase = models.CharField(_("fase i veikartet"), max_length=30, choices=Phase.choices, blank=True)
    amount_sought_nok = models.PositiveBigIntegerField(_("omsøkt beløp i kroner"), null=True, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktperson"), blank=True)
    contact_phone = models.CharField(_("telefon til kontaktperson"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    imported = models.BooleanField(_("importert historisk tildeling"), default=False)
    case = models.ForeignKey(
        "cases.CasePage",
        verbose_name=_("eksempel i biblioteket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opprettet av"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist lagret"), auto_now=True)
    submitted_at = models.DateTimeField(_("sendt inn"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("søknad")
        verbose_name_plural = _("søknader")
        ordering = ["-year", "title", "pk"]
        indexes = [models.Index(fields=["status", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "office", "lead_kommune", "title"],
                condition=models.Q(imported=True),
                name="imported_grant_unique",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:application", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("funding:grant", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class ApplicationCode(models.Model):
    """One service area or challenge of an application (a row each, so facets count in SQL)."""

    class Dimension(models.TextChoices):
        SERVICE_AREA = "service_area", _("tjenesteområde")
        CHALLENGE = "challenge", _("utfordring")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="codes")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    code = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "dimension", "code"], name="application_code")]
        indexes = [models.Index(fields=["dimension", "code"])]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.code}"


class ApplicationPartner(models.Model):
    """A partner in the project: an organisation from the registry, or only a name (imported grants)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasjon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("navn"), max_length=200)
    role = models.CharField(_("rolle i prosjektet"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partnere")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("år"))
    item = models.CharField(_("post"), max_length=200)
    amount_nok = models.PositiveBigIntegerField(_("beløp i kroner"))
    own_share_nok = models.PositiveBigIntegerField(_("egenandel i kroner"), default=0)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("budsjettpost")
        verbose_name_plural = _("budsjettposter")
        ordering = ["year", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(own_share_nok__lte=models.F("amount_nok")), name="own_share_within_amount"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.item}"

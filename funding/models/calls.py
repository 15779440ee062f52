"""A statsforvalter office's call for innovation projects, its criteria, and the organisation that is the office."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..offices import Office


class OfficeDesk(models.Model):
    """The verified organisation in the registry that is an office: its approved members are the office's assessors."""

    office = models.CharField(_("statsforvalterembete"), max_length=40, choices=Office.choices, unique=True)
    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisasjon"),
        on_delete=models.CASCADE,
        related_name="funding_desk",
    )

    class Meta:
        verbose_name = _("statsforvalterembete")
        verbose_name_plural = _("statsforvalterembeter")
        ordering = ["office"]

    def __str__(self) -> str:
        return self.get_office_display()


class CallQuerySet(models.QuerySet):
    def open(self) -> "CallQuerySet":
        today = timezone.localdate()
        return self.filter(opens_on__lte=today, closes_on__gte=today)


class FundingCall(models.Model):
    office = models.CharField(_("statsforvalterembete"), max_length=40, choices=Office.choices, db_index=True)
    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=220, unique=True)
    text = models.TextField(_("utlysningstekst"), max_length=20_000)
    frame_nok = models.PositiveBigIntegerField(_("ramme i kroner"))
    granted_nok = models.PositiveBigIntegerField(_("tildelt i kroner"), default=0, editable=False)
    opens_on = models.DateField(_("åpner"))
    closes_on = models.DateField(_("søknadsfrist"), help_text=_("Søknader kan sendes inn til og med denne dagen."))
    interim_report_due = models.DateField(_("frist for delrapport"), null=True, blank=True)
    report_due = models.DateField(_("frist for sluttrapport"))
    minimum_amount_nok = models.PositiveBigIntegerField(_("laveste beløp det kan søkes om"), default=0)
    allows_co_applicants = models.BooleanField(_("kommuner kan søke sammen"), default=True)
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("utlysning")
        verbose_name_plural = _("utlysninger")
        ordering = ["-closes_on", "title"]
        permissions = [("manage_funding", _("Kan forvalte alle utlysninger, søknader og tildelinger"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(granted_nok__lte=models.F("frame_nok")), name="call_within_frame"
            ),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="call_closes_after_open"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:call", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.opens_on <= timezone.localdate() <= self.closes_on

    @property
    def has_closed(self) -> bool:
        return timezone.localdate() > self.closes_on

    @property
    def remaining_nok(self) -> int:
        return self.frame_nok - self.granted_nok


class AssessmentCriterion(models.Model):
    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("kriterium"), max_length=100)
    description = models.CharField(_("hva vurderes"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(_("vekt i prosent"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("vurderingskriterium")
        verbose_name_plural = _("vurderingskriterier")
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "name"], name="criterion_unique_per_call")]

    def __str__(self) -> str:
        return self.name

"""Collaboration posts (offers and needs), reports on them, expressions of interest and their threads.

A post belongs to an organisation; only its approved members may change it. A post
is published straight away for a verified organisation, and after a moderator's
approval for one that is not. Published posts expire on their date by themselves.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from innoplatform.core.sanitizer import html_to_text
from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea


class PostQuerySet(models.QuerySet):
    def published(self) -> "PostQuerySet":
        """Posts the public sees: published, not hidden by a moderator, and not past their date."""
        return self.filter(status=CollaborationPost.Status.PUBLISHED, expires_on__gte=timezone.localdate())


class CollaborationPost(models.Model):
    class Kind(models.TextChoices):
        OFFER = "offer", _("Tilbud")
        NEED = "need", _("Behov")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        AWAITING = "awaiting", _("Venter på godkjenning")
        PUBLISHED = "published", _("Publisert")
        REJECTED = "rejected", _("Avvist")
        HIDDEN = "hidden", _("Skjult av moderator")
        CLOSED = "closed", _("Avsluttet")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisasjon"), on_delete=models.CASCADE, related_name="posts"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=220, unique=True)
    description = models.TextField(
        _("beskrivelse"), max_length=20_000, help_text=_("Renset gjennom sanitizer-modulen.")
    )
    whole_country = models.BooleanField(_("hele landet"), default=False)
    kommuner = models.ManyToManyField(
        "municipalities.Kommune", verbose_name=_("kommuner"), blank=True, related_name="+"
    )
    fylker = models.ManyToManyField("municipalities.Fylke", verbose_name=_("fylker"), blank=True, related_name="+")
    expires_on = models.DateField(_("gjelder til"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    rejection_reason = models.TextField(_("begrunnelse for avvisning"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opprettet av"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    search_text = models.TextField(
        _("søketekst"),
        blank=True,
        editable=False,
        help_text=_("Tittel og beskrivelse som stammede ord, for matchingen."),
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("samarbeidsinnlegg")
        verbose_name_plural = pgettext_lazy("flertall", "samarbeidsinnlegg")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_on"]), models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"slug": self.slug})

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.expires_on >= timezone.localdate()

    def codes_of(self, dimension: str) -> list[str]:
        """Codes of one vocabulary in vocabulary order (works on prefetched posts)."""
        present = {row.code for row in self.codes.all() if row.dimension == dimension}
        return [code for code in PostCode.VOCABULARIES[dimension].values if code in present]

    @property
    def plain_description(self) -> str:
        """The description as one line of text, for cards and e-mails."""
        return html_to_text(self.description)

    @property
    def service_area_labels(self) -> list[str]:
        return self.labels_of(PostCode.Dimension.SERVICE_AREA)

    def labels_of(self, dimension: str) -> list[str]:
        """The labels of `codes_of(dimension)`, for the pages."""
        vocabulary = PostCode.VOCABULARIES[dimension]
        return [str(vocabulary(code).label) for code in self.codes_of(dimension)]


class PostCode(models.Model):
    """One code of a post: a service area, a challenge, or a sector sought; facets count these rows."""

    class Dimension(models.TextChoices):
        SERVICE_AREA = "service_area", _("Tjenesteområde")
        CHALLENGE = "challenge", _("Utfordring")
        SEEKING = "seeking", _("Søker sektor")

    VOCABULARIES = {Dimension.SERVICE_AREA: ServiceArea, Dimension.CHALLENGE: Challenge, Dimension.SEEKING: Sector}

    post = models.ForeignKey(CollaborationPost, on_delete=models.CASCADE, related_name="codes")
    dimension = models.CharField(_("dimensjon"), max_length=20, choices=Dimension.choices)
    code = models.CharField(_("kode"), max_length=40)

    class Meta:
        verbose_name = _("kode")
        verbose_name_plural = pgettext_lazy("flertall", "koder")
        constraints = [models.UniqueConstraint(fields=["post", "dimension", "code"], name="unique_post_code")]
        indexes = [models.Index(fields=["dimension", "code"])]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.code}"


class PostReport(models.Model):
    """Someone thinks a post breaks the rules; moderators work these in the admin."""

    post = models.ForeignKey(CollaborationPost, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("meldt av"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("hva er galt"), max_length=2000)
    created_at = models.DateTimeField(_("meldt"), auto_now_add=True)
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandlet av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("melding om innlegg")
        verbose_name_plural = pgettext_lazy("flertall", "meldinger om innlegg")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.post_id}: {self.reason[:40]}"


class Interest(models.Model):
    """An organisation's expression of interest in a post: the start of a thread between the two sides."""

    post = models.ForeignKey(CollaborationPost, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("fra organisasjon"),
        on_delete=models.CASCADE,
        related_name="interests_sent",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sendt av"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    offer = models.TextField(_("hva vi kan bidra med"), max_length=5000)
    wish = models.TextField(_("hva vi ønsker"), max_length=5000, blank=True)
    contact = models.CharField(_("slik når dere oss"), max_length=300, blank=True)
    share_email = models.BooleanField(_("vis e-postadressen min til mottakeren"), default=False)
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("interessemelding")
        verbose_name_plural = pgettext_lazy("flertall", "interessemeldinger")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "organisation"], name="unique_interest_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.post_id}"


class InterestMessage(models.Model):
    """A reply in the thread of an expression of interest, from either side."""

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skrevet av"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_owner = models.BooleanField(_("fra innleggets organisasjon"))
    text = models.TextField(_("melding"), max_length=5000)
    share_email = models.BooleanField(_("vis e-postadressen min"), default=False)
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = pgettext_lazy("flertall", "meldinger")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.interest_id}: {self.text[:40]}"


class DigestPreference(models.Model):
    """Whether a user gets the weekly e-mail of new matches for their organisations' posts (on by default)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_digest")
    weekly_digest = models.BooleanField(_("ukentlig e-post med nye treff"), default=True)
    digest_sent_at = models.DateTimeField(
        _("ukentlig e-post sist sendt"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Hindrer at samme uke sendes to ganger, og at et treff kommer i to e-poster."),
    )

    class Meta:
        verbose_name = _("e-postvarsel om treff")
        verbose_name_plural = pgettext_lazy("flertall", "e-postvarsler om treff")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.weekly_digest}"


class InterestRead(models.Model):
    """When a user last opened a thread: the dashboard marks threads with newer messages from the other side."""

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("lest"))

    class Meta:
        verbose_name = _("lest tråd")
        verbose_name_plural = pgettext_lazy("flertall", "leste tråder")
        constraints = [models.UniqueConstraint(fields=["interest", "user"], name="unique_interest_read")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.interest_id}"


class Block(models.Model):
    """An organisation takes no more expressions of interest, nor replies, from another organisation.

    Set by an admin of the blocking organisation; the reason is shown to the blocked
    organisation's members when they try to write.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasjon som blokkerer"),
        on_delete=models.CASCADE,
        related_name="blocks",
    )
    blocked_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("blokkert organisasjon"),
        on_delete=models.CASCADE,
        related_name="blocked_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blokkert av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("begrunnelse"), max_length=1000)
    created_at = models.DateTimeField(_("blokkert"), auto_now_add=True)

    class Meta:
        verbose_name = _("blokkering")
        verbose_name_plural = pgettext_lazy("flertall", "blokkeringer")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "blocked_organisation"], name="unique_block"),
            models.CheckConstraint(
                condition=~models.Q(organisation=models.F("blocked_organisation")), name="block_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} blocks {self.blocked_organisation_id}"

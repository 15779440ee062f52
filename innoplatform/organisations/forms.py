"""Forms for registering and editing an organisation; joining and deciding on members are plain buttons."""

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from innoplatform.core.once import SubmissionTokenMixin
from innoplatform.core.validators import single_line
from innoplatform.municipalities.picker import KommuneField

from .models import Organisation, OrganisationDomain
from .validators import normalised_orgnr

MAX_DOMAINS = 10
MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG": ("png",), "JPEG": ("jpg", "jpeg"), "WEBP": ("webp",), "GIF": ("gif",)}
"""Pillow's name of each image format a logo may have, with the file extensions that go with it; no SVG."""
NOT_A_LOGO = _("Logoen må være et bilde i PNG-, JPEG-, WebP- eller GIF-format.")
DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class OrganisationForm(forms.ModelForm):
    """The organisation as its admins describe it; the seat is chosen with the kommune picker."""

    orgnr = forms.CharField(
        label=_("Organisasjonsnummer"),
        max_length=30,
        help_text=_("Ni sifre, som i Enhetsregisteret. Mellomrom går fint."),
        error_messages={"unique": _("En organisasjon med dette organisasjonsnummeret er allerede registrert.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    website = forms.URLField(
        label=_("Nettsted"),
        required=False,
        assume_scheme="https",
        help_text=_("For eksempel «https://www.skien.kommune.no»."),
    )
    kommune = KommuneField(
        label=_("Kommunen organisasjonen holder til i"),
        required=False,
        help_text=_(
            "Skriv navnet eller kommunenummeret og velg fra forslagene. For en kommune eller en av dens etater: kommunen selv."
        ),
    )
    logo_file = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG, WebP eller GIF, høyst 2 MB."),
        error_messages={"invalid_image": NOT_A_LOGO, "invalid_extension": NOT_A_LOGO},
    )
    remove_logo = forms.BooleanField(label=_("Fjern logoen"), required=False)
    domains = forms.CharField(
        label=_("E-postdomener"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Ett domene per linje, for eksempel «skien.kommune.no». Den som har en bekreftet e-postadresse på et av "
            "domenene, blir medlem uten å vente på godkjenning."
        ),
    )

    class Meta:
        model = Organisation
        fields = ["name", "orgnr", "sector", "kommune", "website", "description"]
        labels = {"name": _("Navn"), "sector": _("Sektor")}
        help_texts = {"description": _("Hva organisasjonen gjør, med noen få setninger. Høyst 1000 tegn.")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    field_order = ["name", "orgnr", "sector", "kommune", "website", "description", "logo_file", "remove_logo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(single_line)
        if self.instance.pk:
            self.initial.setdefault(
                "domains", "\n".join(self.instance.domains.order_by("domain").values_list("domain", flat=True))
            )
            self.initial["kommune"] = self.instance.kommune  # the picker shows "4003 Skien", not the key
        if not self.instance.logo_id:
            del self.fields["remove_logo"]

    def clean_orgnr(self) -> str:
        """People write "974 760 673" or "NO 974 760 673 MVA"; the number is the nine digits.

        The model then checks the digits (mod-11) and that no other organisation has them.
        """
        return normalised_orgnr(self.cleaned_data["orgnr"])

    def clean_logo_file(self):
        """Django's ImageField has let Pillow open the file; a logo is also small, and named for the format it is in.

        The logo becomes a Wagtail image without passing Wagtail's form, so its pixel limit is checked here too.
        """
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return upload
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("Logoen kan være høyst 2 MB."), code="too_large")
        extension = Path(upload.name).suffix.lower().removeprefix(".")
        if extension not in LOGO_FORMATS.get(upload.image.format, ()):
            raise forms.ValidationError(NOT_A_LOGO, code="invalid_format")
        width, height = upload.image.size
        if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise forms.ValidationError(
                _(
                    "Logoen er for stor: %(width)d × %(height)d piksler. Gjør den mindre, for eksempel 1000 piksler bred."
                ),
                code="too_many_pixels",
                params={"width": width, "height": height},
            )
        return upload

    def clean_domains(self) -> list[str]:
        domains: list[str] = []
        for line in self.cleaned_data["domains"].replace(",", "\n").splitlines():
            domain = line.strip().lower().removeprefix("@")
            if not domain:
                continue
            if not DOMAIN.match(domain):
                raise forms.ValidationError(
                    _("«%(domain)s» er ikke et e-postdomene. Skriv for eksempel «skien.kommune.no»."),
                    code="invalid_domain",
                    params={"domain": domain[:60]},
                )
            if domain not in domains:
                domains.append(domain)
        if len(domains) > MAX_DOMAINS:
            raise forms.ValidationError(
                _("Du kan registrere høyst %(count)d domener."), code="too_many", params={"count": MAX_DOMAINS}
            )
        taken = OrganisationDomain.objects.filter(domain__in=domains)
        if self.instance.pk:
            taken = taken.exclude(organisation=self.instance)
        if taken_domain := taken.values_list("domain", flat=True).first():
            raise forms.ValidationError(
                _("Domenet «%(domain)s» hører allerede til en annen organisasjon."),
                code="domain_taken",
                params={"domain": taken_domain},
            )
        return domains


class RegisterOrganisationForm(SubmissionTokenMixin, OrganisationForm):
    """A new organisation: sent twice (a double click), it is still registered once."""

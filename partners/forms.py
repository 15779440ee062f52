"""The forms a member uses to write, renew and report a collaboration post.

The post form hands the services a `PostData`; which organisation it is for is
chosen among the user's own, so the server never trusts an organisation id from
the browser that is not one of them.
"""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innoplatform.core.once import SubmissionTokenMixin
from innoplatform.core.sanitizer import text_to_html
from innoplatform.core.validators import single_line
from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.municipalities.models import Fylke
from innoplatform.municipalities.picker import KommuneListField

from .models import CollaborationPost
from .posts import MAX_VALIDITY, PostData

DEFAULT_VALIDITY = timedelta(days=90)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _check_date(value):
    today = timezone.localdate()
    if value < today:
        raise forms.ValidationError(_("Datoen kan ikke være tilbake i tid."))
    if value > today + MAX_VALIDITY:
        raise forms.ValidationError(_("Et innlegg kan gjelde i høyst ett år om gangen."))
    return value


class PostForm(SubmissionTokenMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisasjon"), queryset=None, empty_label=None, help_text=_("Innlegget vises med dette navnet.")
    )
    kind = forms.ChoiceField(
        label=_("Hva slags innlegg"),
        choices=[
            (CollaborationPost.Kind.NEED, _("Behov – vi søker noen å samarbeide med")),
            (CollaborationPost.Kind.OFFER, _("Tilbud – vi har noe å bidra med")),
        ],
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Tittel"),
        max_length=200,
        validators=[single_line],
        help_text=_("Kort og konkret, for eksempel «Forskningspartner til utprøving av digitalt tilsyn»."),
    )
    description = forms.CharField(
        label=_("Beskrivelse"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Hva trenger eller tilbyr dere, hvem passer som partner, og når? "
            "Skriv vanlig tekst med tomme linjer mellom avsnittene."
        ),
    )
    service_areas = forms.MultipleChoiceField(
        label=_("Tjenesteområder"), choices=ServiceArea.choices, widget=forms.CheckboxSelectMultiple
    )
    challenges = forms.MultipleChoiceField(
        label=_("Utfordringer innlegget gjelder"),
        choices=Challenge.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    seeking = forms.MultipleChoiceField(
        label=_("Sektorer dere søker samarbeid med"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    whole_country = forms.BooleanField(label=_("Gjelder hele landet"), required=False)
    fylker = forms.ModelMultipleChoiceField(
        label=_("Fylker"),
        queryset=Fylke.objects.order_by("number"),
        to_field_name="number",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    kommuner = KommuneListField(
        label=_("Kommuner"),
        required=False,
        help_text=_(
            "Skriv navnet eller kommunenummeret og velg fra forslagene. La stå tomt om fylke eller hele landet passer bedre."
        ),
    )
    expires_on = forms.DateField(
        label=_("Gjelder til"),
        widget=DateInput(),
        validators=[_check_date],
        help_text=_("Innlegget forsvinner fra lista etter denne datoen. Dere får en påminnelse en uke før."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + DEFAULT_VALIDITY)
            self.initial.setdefault("kind", CollaborationPost.Kind.NEED)
        self.fields["fylker"].label_from_instance = lambda fylke: fylke.name

    def post_data(self) -> PostData:
        data = self.cleaned_data
        return PostData(
            kind=data["kind"],
            title=data["title"],
            description=text_to_html(data["description"]),
            expires_on=data["expires_on"],
            service_areas=list(data["service_areas"]),
            challenges=list(data["challenges"]),
            seeking=list(data["seeking"]),
            kommuner=list(data["kommuner"] or []),
            fylker=list(data["fylker"]),
            whole_country=data["whole_country"],
        )

    @classmethod
    def initial_for(cls, post: CollaborationPost) -> dict:
        """The form's values for an existing post (its codes and places read once)."""
        codes = {dimension: [] for dimension in ("service_area", "challenge", "seeking")}
        for code in post.codes.all():
            codes.setdefault(code.dimension, []).append(code.code)
        return {
            "organisation": post.organisation,
            "kind": post.kind,
            "title": post.title,
            "description": post.description,
            "service_areas": codes["service_area"],
            "challenges": codes["challenge"],
            "seeking": codes["seeking"],
            "whole_country": post.whole_country,
            "fylker": list(post.fylker.all()),
            "kommuner": list(post.kommuner.all()),
            "expires_on": post.expires_on,
        }


class RenewForm(forms.Form):
    expires_on = forms.DateField(label=_("Ny dato"), widget=DateInput(), validators=[_check_date])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + DEFAULT_VALIDITY)


class ReportForm(SubmissionTokenMixin, forms.Form):
    reason = forms.CharField(
        label=_("Hva er galt med innlegget?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For eksempel reklame, feil opplysninger eller noe som ikke hører hjemme her."),
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Avgjørelse"),
        choices=[("approve", _("Godkjenn")), ("reject", _("Avvis")), ("hide", _("Skjul"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begrunnelse"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Må fylles ut ved avvisning eller skjuling. Organisasjonen ser begrunnelsen."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("reject", "hide") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Skriv en begrunnelse organisasjonen kan forstå."))
        return data

"""The form through which a logged-in user suggests a case for the library."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea
from innoplatform.municipalities.models import Kommune

from .models import CaseStatus
from .models.pages import FIRST_YEAR


class CaseSuggestionForm(forms.Form):
    title = forms.CharField(
        label=_("Tittel"),
        max_length=200,
        help_text=_("Kort og konkret, for eksempel «Digitalt tilsyn om natta i hjemmetjenesten»."),
    )
    summary = forms.CharField(
        label=_("Sammendrag"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("To–tre setninger om hva dere gjorde og hva det førte til."),
    )
    body = forms.CharField(
        label=_("Beskrivelse"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Hva var utfordringen, hvem var med, hvordan gikk dere fram, og hva lærte dere? "
            "Skriv vanlig tekst med tomme linjer mellom avsnittene."
        ),
    )
    kommuner = forms.ModelMultipleChoiceField(
        label=_("Kommuner som var med"),
        queryset=Kommune.objects.order_by("name"),
        help_text=_("Hold inne Ctrl (Cmd på Mac) for å velge flere."),
    )
    service_areas = forms.MultipleChoiceField(
        label=_("Tjenesteområder"), choices=ServiceArea.choices, widget=forms.CheckboxSelectMultiple
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sektorer som deltok"), choices=Sector.choices, widget=forms.CheckboxSelectMultiple
    )
    challenges = forms.MultipleChoiceField(
        label=_("Utfordringer eksemplet svarer på"),
        choices=Challenge.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    phase = forms.ChoiceField(
        label=_("Fase i innovasjonsprosessen"),
        choices=Phase.choices,
        help_text=_("Fasen i KS' veikart for tjenesteinnovasjon dere har mest å fortelle om."),
    )
    status = forms.ChoiceField(label=_("Status nå"), choices=CaseStatus.choices)
    start_year = forms.IntegerField(label=_("Startår"), min_value=FIRST_YEAR)
    results = forms.CharField(
        label=_("Resultater"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hva har dere målt eller erfart? Ta gjerne med tall, for eksempel timer eller kroner spart."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_year"].widget.attrs["max"] = date.today().year
        if user is not None and user.kommune_id and not self.is_bound:
            self.initial.setdefault("kommuner", [user.kommune_id])

    def clean_start_year(self) -> int:
        year = self.cleaned_data["start_year"]
        if year > date.today().year:
            raise forms.ValidationError(_("Startåret kan ikke være fram i tid."))
        return year

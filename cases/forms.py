"""The forms through which a logged-in user suggests a case: the case itself, its partners and its funding.

`CaseSuggestion` binds the three together. Partners and funding sources are
rows; "Legg til" buttons (plain submit buttons, so no JavaScript is needed) give
one more empty row, or one more kommune input, without saving anything.
"""

from datetime import date

from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from innoplatform.core.once import SubmissionTokenMixin
from innoplatform.core.validators import single_line
from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea
from innoplatform.municipalities.picker import KommuneListField

from .models import CaseStatus
from .models.pages import FIRST_YEAR

MAX_PARTNERS = 20
MAX_FUNDING_SOURCES = 10
MAX_AMOUNT_NOK = 10**12
GROWABLE = ("kommuner", "partnere", "finansiering")
"""Values of the form's "legg_til" buttons: which list gets one more row."""


class CaseSuggestionForm(SubmissionTokenMixin, forms.Form):
    title = forms.CharField(
        label=_("Tittel"),
        max_length=200,
        validators=[single_line],
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
    kommuner = KommuneListField(
        label=_("Kommuner som var med"),
        help_text=_("Skriv navnet eller kommunenummeret og velg fra forslagene. Én kommune i hvert felt."),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sektorer som deltok"), choices=Sector.choices, widget=forms.CheckboxSelectMultiple
    )
    service_areas = forms.MultipleChoiceField(
        label=_("Tjenesteområder"), choices=ServiceArea.choices, widget=forms.CheckboxSelectMultiple
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
    start_year = forms.IntegerField(label=_("Startår"), min_value=FIRST_YEAR, max_value=9999)
    results = forms.CharField(
        label=_("Resultater"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hva har dere målt eller erfart? Ta gjerne med tall, for eksempel timer eller kroner spart."),
    )
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=200, required=False, validators=[single_line])
    contact_role = forms.CharField(
        label=_("Stilling og arbeidssted"),
        max_length=200,
        required=False,
        validators=[single_line],
        help_text=_("For eksempel «prosjektleder, helse og omsorg, Skien kommune»."),
    )
    contact_email = forms.EmailField(
        label=_("E-post til kontaktpersonen"),
        required=False,
        help_text=_("Vises på eksempelet, så andre kommuner kan spørre. La feltet stå tomt hvis dere ikke ønsker det."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_year"].widget.attrs["max"] = date.today().year
        if user is not None and not self.is_bound:
            if user.kommune_id and not self.initial.get("kommuner"):
                self.initial["kommuner"] = [user.kommune]
            self.initial.setdefault("contact_name", user.get_full_name())
            self.initial.setdefault("contact_role", user.job_title)

    def clean_start_year(self) -> int:
        year = self.cleaned_data["start_year"]
        if year > date.today().year:
            raise forms.ValidationError(_("Startåret kan ikke være fram i tid."))
        return year


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Navn på partneren"), max_length=200, validators=[single_line])
    sector = forms.ChoiceField(label=_("Sektor"), choices=[("", _("Velg sektor")), *Sector.choices])


class FundingForm(forms.Form):
    source = forms.CharField(
        label=_("Kilde"),
        max_length=200,
        validators=[single_line],
        help_text=_("For eksempel «Skjønnsmidler fra Statsforvalteren i Vestfold og Telemark»."),
    )
    programme = forms.CharField(label=_("Program eller ordning"), max_length=200, required=False)
    amount_nok = forms.IntegerField(label=_("Beløp i kroner"), required=False, min_value=0, max_value=MAX_AMOUNT_NOK)


PartnerFormSet = formset_factory(PartnerForm, extra=2, max_num=MAX_PARTNERS, validate_max=True)
FundingFormSet = formset_factory(FundingForm, extra=1, max_num=MAX_FUNDING_SOURCES, validate_max=True)


class CaseSuggestion:
    """The suggestion form with its partner and funding rows, validated and cleaned as one."""

    def __init__(
        self, data: QueryDict | None = None, *, user=None, grow: str | None = None, initial: dict | None = None
    ):
        if data is not None and grow in ("partnere", "finansiering"):
            data = _with_one_more_row(data, grow)
        self.form = CaseSuggestionForm(data, user=user, initial=initial or None)
        self.partners = PartnerFormSet(data, prefix="partnere")
        self.funding = FundingFormSet(data, prefix="finansiering")
        if data is not None and grow == "kommuner":
            self.form.fields["kommuner"].grow(len([value for value in data.getlist("kommuner") if value.strip()]))

    @property
    def labelled_formsets(self) -> list[tuple[forms.BaseFormSet, str]]:
        return [(self.partners, str(_("Partner"))), (self.funding, str(_("Finansieringskilde")))]

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.partners.is_valid(), self.funding.is_valid()])

    @property
    def errors_count(self) -> int:
        formset_errors = sum(len(errors) for formset in (self.partners, self.funding) for errors in formset.errors)
        return (
            len(self.form.errors)
            + formset_errors
            + len(self.partners.non_form_errors())
            + len(self.funding.non_form_errors())
        )

    @property
    def cleaned_data(self) -> dict:
        """The case's fields, with `partners` and `funding` as lists of the rows that were filled in."""
        return {
            **self.form.cleaned_data,
            "partners": [row for row in self.partners.cleaned_data if row],
            "funding": [row for row in self.funding.cleaned_data if row],
        }


def _with_one_more_row(data: QueryDict, prefix: str) -> QueryDict:
    """The posted data with one more (empty) row in the formset `prefix`, up to its maximum."""
    limit = MAX_PARTNERS if prefix == "partnere" else MAX_FUNDING_SOURCES
    data = data.copy()
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", "0"))
    except ValueError:
        total = 0
    data[f"{prefix}-TOTAL_FORMS"] = str(min(limit, max(0, total) + 1))
    return data


class ReuseForm(forms.Form):
    """Mark or withdraw a case as taken into use, for one of the kommuner the user acts for.

    The choices are those kommuner only, so a posted kommune the user does not act
    for is a field error, not a mark.
    """

    MARK, WITHDRAW = "marker", "fjern"

    kommune = forms.TypedChoiceField(
        label=_("Kommune"),
        coerce=int,
        error_messages={"invalid_choice": _("Du kan bare markere for en kommune du er godkjent medlem for.")},
    )
    action = forms.ChoiceField(
        choices=[(MARK, _("Marker")), (WITHDRAW, _("Fjern"))], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, kommuner, **kwargs):
        super().__init__(*args, **kwargs)
        self.kommuner = {kommune.pk: kommune for kommune in kommuner}
        self.fields["kommune"].choices = [(kommune.pk, kommune.name) for kommune in kommuner]

    def clean_kommune(self):
        return self.kommuner[self.cleaned_data["kommune"]]

"""The forms of the funding work: the application with its partners and budget, scores, decisions, reports, calls.

The application form hands the service an `ApplicationData`; partner organisations
are chosen among the registry's verified ones, co-applicants by the kommune picker.
Drafts may be incomplete, so only what is wrong in itself is a form error here;
what submission needs is checked by the service and shown on the same fields.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.forms import formset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from innoplatform.core.validators import single_line
from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea
from innoplatform.municipalities.picker import KommuneListField
from innoplatform.organisations.models import Organisation

from .applications import ApplicationData, BudgetRow, PartnerRow
from .models import Application, FundingCall, Report

MAX_AMOUNT = 1_000_000_000
MAX_ROWS = 30


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.Form):
    title = forms.CharField(label=_("Prosjektnavn"), max_length=200, validators=[single_line], required=False)
    summary = forms.CharField(
        label=_("Kort beskrivelse"),
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("To–tre setninger som forteller hva prosjektet er. Vises offentlig hvis dere får midler."),
    )
    problem = forms.CharField(
        label=_("Utfordringen prosjektet skal løse"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Vi har fylt inn kommunens demografiske utfordringer og nøkkeltall fra kommuneprofilen. "
            "Skriv om og legg til det som gjelder prosjektet."
        ),
    )
    goal = forms.CharField(label=_("Mål"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5}))
    phase = forms.ChoiceField(
        label=_("Fase i veikartet for tjenesteinnovasjon"), choices=[("", "—"), *Phase.choices], required=False
    )
    service_areas = forms.MultipleChoiceField(
        label=_("Tjenesteområder"), choices=ServiceArea.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    challenges = forms.MultipleChoiceField(
        label=_("Utfordringer prosjektet gjelder"),
        choices=Challenge.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    co_kommuner = KommuneListField(
        label=_("Medsøkerkommuner"),
        required=False,
        max_kommuner=20,
        help_text=_("Kommuner som søker sammen med dere. Skriv navnet eller kommunenummeret og velg fra forslagene."),
    )
    amount_sought_nok = forms.IntegerField(
        label=_("Omsøkt beløp i kroner"), min_value=1, max_value=MAX_AMOUNT, required=False
    )
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=200, validators=[single_line], required=False)
    contact_email = forms.EmailField(label=_("E-post"), required=False)
    contact_phone = forms.CharField(label=_("Telefon"), max_length=30, validators=[single_line], required=False)

    def __init__(self, *args, call: FundingCall | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if call is not None and not call.allows_co_applicants:
            del self.fields["co_kommuner"]


def partner_organisations():
    """The registry's verified organisations except the offices: an office as partner disqualifies its assessors."""
    return Organisation.objects.filter(verified=True, funding_desk__isnull=True).order_by("name")


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisasjon"),
        queryset=partner_organisations(),
        required=False,
        empty_label=_("Velg organisasjon"),
    )
    role = forms.CharField(label=_("Rolle i prosjektet"), max_length=200, validators=[single_line], required=False)

    def __init__(self, *args, organisation_choices: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation_choices is not None:
            self.fields["organisation"].choices = organisation_choices


class BasePartnerFormSet(forms.BaseFormSet):
    """Every row offers the same organisations, so they are read once for the whole formset, not once per row."""

    @cached_property
    def organisation_choices(self) -> list:
        return list(self.form.base_fields["organisation"].choices)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "organisation_choices": self.organisation_choices}


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, required=False)
    item = forms.CharField(label=_("Post"), max_length=200, validators=[single_line], required=False)
    amount_nok = forms.IntegerField(label=_("Kostnad i kroner"), min_value=0, max_value=MAX_AMOUNT, required=False)
    own_share_nok = forms.IntegerField(label=_("Egenandel i kroner"), min_value=0, max_value=MAX_AMOUNT, required=False)

    def clean(self):
        data = super().clean()
        filled = [data.get(name) not in (None, "") for name in ("year", "item", "amount_nok")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(_("Fyll ut år, post og kostnad, eller la hele raden stå tom."))
        if (
            data.get("own_share_nok")
            and data.get("amount_nok") is not None
            and data["own_share_nok"] > data["amount_nok"]
        ):
            self.add_error("own_share_nok", _("Egenandelen kan ikke være større enn kostnaden."))
        return data


PartnerFormSet = formset_factory(PartnerForm, formset=BasePartnerFormSet, extra=2, max_num=MAX_ROWS, validate_max=True)
BudgetFormSet = formset_factory(BudgetForm, extra=2, max_num=MAX_ROWS, validate_max=True)


def application_data(form: ApplicationForm, partners, budget) -> ApplicationData:
    """The three valid forms as what the service stores."""
    data = form.cleaned_data
    return ApplicationData(
        fields={
            name: data.get(name)
            for name in (
                "title",
                "summary",
                "problem",
                "goal",
                "phase",
                "amount_sought_nok",
                "contact_name",
                "contact_email",
                "contact_phone",
            )
        },
        co_kommuner=data.get("co_kommuner") or [],
        service_areas=data.get("service_areas") or [],
        challenges=data.get("challenges") or [],
        partners=[
            PartnerRow(row["organisation"], row.get("role", ""))
            for row in partners.cleaned_data
            if row.get("organisation")
        ],
        budget=[
            BudgetRow(row["year"], row["item"], row["amount_nok"], row.get("own_share_nok") or 0)
            for row in budget.cleaned_data
            if row.get("item")
        ],
    )


def initial_forms(application: Application) -> tuple[dict, list[dict], list[dict]]:
    """The saved application as the forms' initial values."""
    codes = list(application.codes.all())
    initial = {
        name: getattr(application, name)
        for name in (
            "title",
            "summary",
            "problem",
            "goal",
            "phase",
            "amount_sought_nok",
            "contact_name",
            "contact_email",
            "contact_phone",
        )
    }
    initial["service_areas"] = [c.code for c in codes if c.dimension == "service_area"]
    initial["challenges"] = [c.code for c in codes if c.dimension == "challenge"]
    initial["co_kommuner"] = [f"{k.number} {k.name}" for k in application.co_kommuner.all()]
    partners = [
        {"organisation": p.organisation, "role": p.role} for p in application.partners.all() if p.organisation_id
    ]
    budget = [
        {"year": b.year, "item": b.item, "amount_nok": b.amount_nok, "own_share_nok": b.own_share_nok}
        for b in application.budget_lines.all()
    ]
    return initial, partners, budget


class StartApplicationForm(forms.Form):
    kommune = forms.ModelChoiceField(label=_("Kommunen som søker"), queryset=None, empty_label=None)

    def __init__(self, *args, kommuner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].queryset = kommuner


class AssessmentForm(forms.Form):
    no_conflict = forms.BooleanField(
        label=_("Jeg erklærer at jeg ikke er inhabil i saken"),
        help_text=_(
            "Du er inhabil hvis du eller nære personer har en rolle i en av kommunene eller organisasjonene som søker."
        ),
        error_messages={"required": _("Du må erklære at du ikke er inhabil før du kan vurdere søknaden.")},
    )
    comment = forms.CharField(
        label=_("Samlet vurdering"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (vekt %(weight)s %%)")
                % {"criterion": criterion.name, "weight": criterion.weight},
                help_text=criterion.description,
                choices=[(n, str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Gi poeng fra 1 til 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Kommentar til %(criterion)s") % {"criterion": criterion.name.lower()},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def criterion_fields(self):
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Innvilg eller avslå"),
        choices=[("grant", _("Innvilg")), ("reject", _("Avslå"))],
        widget=forms.RadioSelect,
    )
    amount_nok = forms.IntegerField(
        label=_("Tildelt beløp i kroner"),
        min_value=1,
        max_value=MAX_AMOUNT,
        required=False,
        help_text=_("Høyst det omsøkte beløpet. Et lavere beløp gir delvis innvilgelse."),
    )
    reason = forms.CharField(
        label=_("Begrunnelse"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Begrunnelsen sendes til søkerne sammen med vedtaket."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "grant" and not data.get("amount_nok"):
            self.add_error("amount_nok", _("Skriv beløpet som innvilges."))
        return data

    def amount(self) -> int:
        return self.cleaned_data["amount_nok"] if self.cleaned_data["decision"] == "grant" else 0


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["activities", "results", "key_figures", "lessons", "spent_nok", "spending_comment", "in_operation"]
        widgets = {
            "activities": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 6}),
            "key_figures": forms.Textarea(attrs={"rows": 4}),
            "lessons": forms.Textarea(attrs={"rows": 6}),
            "spending_comment": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spent_nok"].max_value = MAX_AMOUNT
        self.fields["spent_nok"].validators.append(MaxValueValidator(MAX_AMOUNT))


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Tilbakemelding til søkerne"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Må fylles ut når rapporten sendes tilbake."),
    )


class CallForm(forms.ModelForm):
    class Meta:
        model = FundingCall
        fields = [
            "office",
            "title",
            "text",
            "frame_nok",
            "opens_on",
            "closes_on",
            "interim_report_due",
            "report_due",
            "minimum_amount_nok",
            "allows_co_applicants",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 12}),
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "interim_report_due": DateInput(),
            "report_due": DateInput(),
        }

    def __init__(self, *args, offices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = offices
        self.fields["title"].validators.append(single_line)
        for name in ("frame_nok", "minimum_amount_nok"):
            self.fields[name].validators.append(MaxValueValidator(MAX_AMOUNT * 10))

    def clean(self):
        data = super().clean()
        opens, closes, due = data.get("opens_on"), data.get("closes_on"), data.get("report_due")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Søknadsfristen må være etter at utlysningen åpner."))
        if closes and due and due <= closes:
            self.add_error("report_due", _("Fristen for sluttrapport må være etter søknadsfristen."))
        interim = data.get("interim_report_due")
        if interim and closes and due and not closes < interim < due:
            self.add_error("interim_report_due", _("Delrapporten må leveres mellom søknadsfristen og sluttrapporten."))
        frame, minimum = data.get("frame_nok"), data.get("minimum_amount_nok")
        if frame and minimum and minimum > frame:
            self.add_error("minimum_amount_nok", _("Laveste beløp kan ikke være større enn rammen."))
        if self.instance.pk and frame is not None and frame < self.instance.granted_nok:
            self.add_error("frame_nok", _("Rammen kan ikke bli mindre enn det som alt er tildelt."))
        return data


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Kriterium"), max_length=100, validators=[single_line], required=False)
    description = forms.CharField(label=_("Hva vurderes"), max_length=500, validators=[single_line], required=False)
    weight = forms.IntegerField(label=_("Vekt i prosent"), min_value=0, max_value=100, required=False)


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data.get("name")]
        if not rows:
            raise forms.ValidationError(_("En utlysning trenger minst ett vurderingskriterium."))
        if any(not row.get("weight") for row in rows):
            raise forms.ValidationError(_("Gi hvert kriterium en vekt."))
        if sum(row["weight"] for row in rows) != 100:
            raise forms.ValidationError(_("Vektene må til sammen bli 100 prosent."))
        names = [row["name"].casefold() for row in rows]
        if len(set(names)) != len(names):
            raise forms.ValidationError(_("To kriterier har samme navn."))

    def criteria(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("name")]


CriterionFormSet = formset_factory(CriterionForm, formset=BaseCriterionFormSet, extra=1, max_num=12, validate_max=True)

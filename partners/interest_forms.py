"""Forms of the interest threads: expressing interest, replying, blocking, and the weekly e-mail setting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from innoplatform.core.once import SubmissionTokenMixin
from innoplatform.core.validators import single_line
from innoplatform.organisations.models import Organisation

from .interest import InterestData


class InterestForm(SubmissionTokenMixin, forms.Form):
    """The organisation is a choice only for someone who acts for more than one."""

    organisation = forms.ModelChoiceField(
        label=_("Vi skriver på vegne av"),
        queryset=Organisation.objects.none(),
        empty_label=_("Velg organisasjon"),
    )
    offer = forms.CharField(
        label=_("Hva vi kan bidra med"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Fortell kort hvem dere er, og hva dere kan tilby i et samarbeid."),
    )
    wish = forms.CharField(
        label=_("Hva vi ønsker oss"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For eksempel et første møte, erfaringer fra en pilot eller en felles søknad."),
    )
    contact = forms.CharField(
        label=_("Slik når dere oss"),
        max_length=300,
        required=False,
        validators=[single_line],
        help_text=_("Telefon, en felles e-postadresse eller når det passer å ta kontakt."),
    )
    share_email = forms.BooleanField(
        label=_("Vis e-postadressen min til mottakerne (ellers ser de bare navnet mitt og organisasjonen)"),
        required=False,
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(pk__in=[organisation.pk for organisation in organisations])
        if len(organisations) == 1:
            field.initial = organisations[0].pk
            field.widget = forms.HiddenInput()

    def interest_data(self) -> InterestData:
        data = self.cleaned_data
        return InterestData(
            offer=data["offer"], wish=data["wish"], contact=data["contact"], share_email=data["share_email"]
        )


class ReplyForm(SubmissionTokenMixin, forms.Form):
    text = forms.CharField(label=_("Svar"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    share_email = forms.BooleanField(
        label=_("Vis e-postadressen min i tråden (ellers ser de bare navnet mitt og organisasjonen)"),
        required=False,
    )


class BlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Begrunnelsen vises til medlemmene i organisasjonen dere blokkerer når de prøver å skrive."),
    )


class DigestPreferenceForm(forms.Form):
    weekly_digest = forms.BooleanField(label=_("Send meg en ukentlig e-post med nye treff"), required=False)

"""Forms for sign-up, the profile and for deleting one's account."""

from allauth.account.forms import SignupForm
from allauth.account.internal import flows

from django import forms
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from innoplatform.municipalities.picker import KommuneField

from .models import User


class ProfileForm(forms.ModelForm):
    kommune = KommuneField(
        label=_("Kommunen du jobber i"),
        required=False,
        help_text=_(
            "Skriv navnet eller kommunenummeret og velg fra forslagene. La feltet stå tomt om du ikke jobber i en kommune."
        ),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "kommune"]
        labels = {"first_name": _("Fornavn"), "last_name": _("Etternavn"), "job_title": _("Stilling")}
        help_texts = {"job_title": _("For eksempel «rådgiver innovasjon, Nordre Follo kommune».")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }


class DeleteAccountForm(forms.Form):
    """Asks for the password (when the account has one) and an explicit confirmation."""

    password = forms.CharField(
        label=_("Passord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Jeg forstår at kontoen og alle opplysningene knyttet til den slettes for godt."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Passordet er feil."), code="wrong_password")
        return password


class PlatformSignupForm(SignupForm):
    """allauth's sign-up form, safe when two requests register the same address at the same moment.

    The address is checked when the form is validated; a second request that passed the same
    check meets the unique constraint when it saves. It then gets the answer allauth gives
    for an address that already has an account, not an error.
    """

    def try_save(self, request: HttpRequest):
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            return None, flows.signup.prevent_enumeration(request, email=self.cleaned_data.get("email"))

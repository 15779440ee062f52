"""Forms of the cohorts: joining with a code and choosing a group, the facilitator's message, and the admin's cohort.

The admin form offers the courses and their modules as plain lists (only the
modules of the cohort's course once it is chosen), only active accounts with a
confirmed address as facilitator, and stores the invitation code the way
participants' input is compared with it.
"""

from allauth.account.models import EmailAddress

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from innoplatform.core.once import SubmissionTokenMixin
from innoplatform.core.validators import single_line

from .cohorts import find_cohort, normalised_code, participant_name
from .models import Cohort, CohortGroup, CoursePage, ModulePage

PAGE_ID = "id"
"""A page's own id, not the `page_ptr` key its subclass has: a number too large for the database is then an invalid
choice (Django checks the range of an integer field, not of a one-to-one key) rather than a server error."""

UNKNOWN_CODE = _("Vi finner ikke noe kull med denne koden. Sjekk at du har skrevet den slik du fikk den.")


class CohortCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitasjonskode"),
        max_length=40,
        help_text=_(
            "Koden står i invitasjonen fra kursholderen. Store og små bokstaver og mellomrom spiller ingen rolle."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        self.cohort = find_cohort(self.cleaned_data["code"])
        if self.cohort is None:
            raise forms.ValidationError(UNKNOWN_CODE, code="unknown")
        return normalised_code(self.cleaned_data["code"])


class CohortGroupForm(forms.Form):
    """The second step: the code again (hidden) and the group to join."""

    code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    group = forms.ModelChoiceField(
        label=_("Gruppe"),
        queryset=CohortGroup.objects.none(),
        empty_label=_("Velg gruppe"),
        help_text=_("Gruppen er som regel kommunen eller samarbeidet du hører til."),
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = CohortGroup.objects.filter(cohort=cohort)


class CohortMessageForm(SubmissionTokenMixin, forms.Form):
    subject = forms.CharField(label=_("Emne"), max_length=150, validators=[single_line])
    text = forms.CharField(
        label=_("Melding"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hver deltaker får meldingen i en egen e-post og ser ikke de andres adresser."),
    )


def facilitator_choices(current_id: int | None) -> QuerySet:
    """Active accounts with a confirmed e-mail address, and whoever holds the cohort now."""
    users = get_user_model().objects
    choices = users.filter(Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)), is_active=True)
    if current_id:
        choices = choices | users.filter(pk=current_id)
    return choices.order_by("first_name", "last_name", "email")


class CohortAdminForm(WagtailAdminModelForm):
    """The cohort in the Wagtail admin (its panels are declared on the model)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        course = self.fields["course"]
        course.widget = forms.Select()
        course.queryset = CoursePage.objects.order_by("path")
        course.to_field_name = PAGE_ID
        facilitator = self.fields["facilitator"]
        facilitator.queryset = facilitator_choices(self.instance.facilitator_id)
        facilitator.label_from_instance = lambda user: f"{participant_name(user)} ({user.email})"
        openings = self.formsets["module_openings"]
        openings.form = _module_opening_form(openings.form, self._chosen_course())

    def _chosen_course(self) -> CoursePage | None:
        if not self.is_bound:
            return self.instance.course if self.instance.course_id else None
        raw = self.data.get(self.add_prefix("course"), "")
        return CoursePage.objects.filter(id=int(raw)).first() if raw.isdigit() else None

    def clean_invitation_code(self) -> str:
        code = normalised_code(self.cleaned_data["invitation_code"])
        if Cohort.objects.filter(invitation_code__iexact=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Et annet kull har allerede denne koden."), code="taken")
        return code


def _module_opening_form(base: type[forms.ModelForm], course: CoursePage | None) -> type[forms.ModelForm]:
    """The module-opening row as a list of the course's modules (all modules, named with their course, until a
    course is chosen); a module of another course is then not a valid choice."""
    if course is not None:
        modules = ModulePage.objects.child_of(course).order_by("path")
        courses = {course.path: course.title}
    else:
        modules = ModulePage.objects.order_by("path")
        courses = dict(CoursePage.objects.values_list("path", "title"))

    def label(module: ModulePage) -> str:
        return f"{courses.get(module.path[: -ModulePage.steplen], '')} › {module.title}"

    def __init__(self, *args, **kwargs):
        base.__init__(self, *args, **kwargs)
        field = self.fields["module"]
        field.widget = forms.Select()
        field.queryset = modules
        field.to_field_name = PAGE_ID
        field.label_from_instance = label

    return type(base.__name__, (base,), {"__init__": __init__})

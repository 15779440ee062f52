"""Registering an organisation (the creator becomes admin, unverified until a moderator checks it) and editing it."""

import io

import pytest
from allauth.account.models import EmailAddress
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.factories import OrganisationFactory
from innoplatform.organisations.models import Membership, Organisation, OrganisationDomain

pytestmark = pytest.mark.django_db

REGISTER = reverse("organisations:register")


def form_data(**changes) -> dict:
    data = {
        "name": "Frivilligsentralen i Skien",
        "orgnr": "974 760 673",
        "sector": "frivillig",
        "kommune": "Skien",
        "website": "frivilligsentral.example.no",
        "description": "Møteplass for frivillige i Skien.",
        "domains": "frivilligskien.no\n@Frivillig-skien.no",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _token(client) -> str:
    return client.get(REGISTER).context["form"]["form_token"].value()


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 30), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_registering_makes_the_creator_admin_of_an_unverified_organisation(client, outsider, kommuner):
    client.force_login(outsider)
    response = client.post(REGISTER, {**form_data(), "form_token": _token(client), "logo_file": png()})
    organisation = Organisation.objects.get()
    assert response.status_code == 302 and response.url == organisation.get_absolute_url()
    assert (organisation.name, organisation.orgnr, organisation.sector) == (
        "Frivilligsentralen i Skien",
        "974760673",
        "frivillig",
    )
    assert organisation.kommune == kommuner[0] and organisation.website == "https://frivilligsentral.example.no"
    assert organisation.slug == "frivilligsentralen-i-skien" and not organisation.verified
    assert organisation.logo is not None and organisation.logo.width == 60
    assert sorted(organisation.domains.values_list("domain", flat=True)) == ["frivillig-skien.no", "frivilligskien.no"]
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role, membership.status) == (
        outsider,
        Membership.Role.ADMIN,
        Membership.Status.APPROVED,
    )
    html = client.get(response.url).content.decode()
    assert "Ikke verifisert" in html and "Rediger opplysningene" in html and "<img" in html


def test_a_double_post_registers_once(client, outsider, kommuner):
    client.force_login(outsider)
    token = _token(client)
    first = client.post(REGISTER, {**form_data(), "form_token": token})
    second = client.post(REGISTER, {**form_data(), "form_token": token})
    assert Organisation.objects.count() == 1 and first.url == second.url


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"orgnr": "974760674"}, "orgnr", "stemme med kontrollsifferet"),
        ({"orgnr": "12345"}, "orgnr", "ni sifre"),
        ({"orgnr": "938583986"}, "orgnr", "allerede registrert"),
        ({"name": ""}, "name", "fylle ut"),
        ({"name": "To\nlinjer"}, "name", "én linje"),
        ({"sector": "kirke"}, "sector", "gyldig"),
        ({"kommune": "Skiien"}, "kommune", "Mente du"),
        ({"domains": "ikke et domene"}, "domains", "er ikke et e-postdomene"),
        ({"domains": "skien.kommune.no"}, "domains", "hører allerede til en annen organisasjon"),
        ({"website": "ikke en adresse"}, "website", "gyldig"),
    ],
)
def test_bad_input_is_a_field_error(client, outsider, organisation, changes, field, message):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    client.force_login(outsider)
    response = client.post(REGISTER, {**form_data(**changes), "form_token": _token(client)})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message.casefold() in errors.casefold(), response.context["form"].errors
    assert Organisation.objects.count() == 1


def test_a_file_that_is_not_an_image_is_refused_as_logo(client, outsider, kommuner):
    client.force_login(outsider)
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client.post(REGISTER, {**form_data(), "form_token": _token(client), "logo_file": fake})
    assert response.status_code == 200 and "logo_file" in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_an_unverified_user_cannot_register(client, kommuner):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "må du først bekrefte e-postadressen" in client.get(REGISTER).content.decode()
    client.post(REGISTER, {**form_data(), "form_token": "2b1e0c7e-8a3f-4a49-9d55-0b3c9a1f2e11"})
    assert not Organisation.objects.exists()


def test_two_organisations_of_the_same_name_get_their_own_addresses(client, outsider, kommuner):
    OrganisationFactory(name="Frivilligsentralen i Skien", slug="frivilligsentralen-i-skien")
    client.force_login(outsider)
    client.post(REGISTER, {**form_data(), "form_token": _token(client)})
    assert Organisation.objects.filter(slug="frivilligsentralen-i-skien-2").exists()


def test_an_organisation_called_registrer_does_not_hide_the_register_page(client, outsider, kommuner):
    client.force_login(outsider)
    client.post(REGISTER, {**form_data(name="Registrer"), "form_token": _token(client)})
    assert Organisation.objects.get().slug == "registrer-2"
    assert "Registrer en organisasjon" in client.get(REGISTER).content.decode()


def test_an_admin_edits_and_a_new_number_takes_the_verified_mark_off(client, organisation, org_admin):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    client.force_login(org_admin)
    edit = reverse("organisations:edit", args=[organisation.slug])
    form = client.get(edit).context["form"]
    assert form["kommune"].value() == organisation.kommune and "skien.kommune.no" in form["domains"].value()
    client.post(edit, form_data(name="Skien kommune", sector="kommune", orgnr="938583986", domains="skien.kommune.no"))
    organisation.refresh_from_db()
    assert organisation.verified and organisation.description == "Møteplass for frivillige i Skien."
    client.post(edit, form_data(name="Skien kommune", sector="kommune", orgnr="974760673", domains=""))
    organisation.refresh_from_db()
    assert organisation.orgnr == "974760673" and not organisation.verified
    assert not organisation.domains.exists()


@pytest.mark.parametrize(
    "change",
    [{"domains": "skien.kommune.no\ngmail.com"}, {"sector": "frivillig"}, {"kommune": "3301 Drammen"}],
    ids=["a new domain", "another sector", "another seat"],
)
def test_an_admins_change_to_what_verification_vouches_for_takes_the_mark_off(client, organisation, org_admin, change):
    """Sector and seat decide whom the organisation acts for, domains who joins it at once: a moderator checks again."""
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    client.force_login(org_admin)
    data = form_data(name="Skien kommune", sector="kommune", orgnr="938583986", domains="skien.kommune.no")
    client.post(reverse("organisations:edit", args=[organisation.slug]), {**data, **change})
    organisation.refresh_from_db()
    assert not organisation.verified


def test_a_moderators_edit_keeps_the_verified_mark(client, organisation, moderator):
    client.force_login(moderator)
    client.post(
        reverse("organisations:edit", args=[organisation.slug]),
        form_data(name="Skien kommune", sector="kommune", orgnr="974760673"),
    )
    organisation.refresh_from_db()
    assert organisation.orgnr == "974760673" and organisation.verified


def test_an_edit_with_errors_keeps_the_saved_name_in_the_heading(client, organisation, org_admin):
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:edit", args=[organisation.slug]), form_data(name="Nytt navn", orgnr="1")
    )
    assert response.status_code == 200 and "Rediger Skien kommune" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Skien kommune"

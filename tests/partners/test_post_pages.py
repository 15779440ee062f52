"""The post pages: the list with its facets, one post with its matches, writing, closing, renewing and reporting."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.models import Membership
from partners.factories import publish_post
from partners.models import CollaborationPost, PostReport
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


def moderator():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="moderate_organisations"))
    return user


@pytest.fixture
def need(skien):
    return publish_post(
        skien,
        "need",
        "Forskningspartner til digitalt nattilsyn",
        "Hjemmetjenesten vil prøve sensorer hos eldre og trenger forskere som kan måle gevinstene.",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["fou"],
    )


@pytest.fixture
def offer(usn):
    return publish_post(
        usn,
        "offer",
        "Følgeforskning på velferdsteknologi",
        "Vi forsker på velferdsteknologi i eldreomsorgen og følger kommuners utprøving med gevinstmåling.",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["kommune"],
    )


def member_of(organisation):
    return Membership.objects.filter(organisation=organisation, status="approved").first().user


def post_form_data(organisation, **changes):
    data = {
        "form_token": "8f14e45f-ceea-4672-9a1b-5b0e2f6a1c11",
        "organisation": organisation.pk,
        "kind": "need",
        "title": "Partner til læringsvenner i skolen",
        "description": "Vi søker frivillige som vil være leksehjelpere.\n\nOppstart til høsten.",
        "service_areas": ["skole"],
        "challenges": [],
        "seeking": ["frivillig"],
        "kommuner": [""],
        "expires_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "handling": "publiser",
    }
    data.update(changes)
    return data


class TestList:
    def test_shows_only_open_posts(self, client, need, offer, skien):
        publish_post(skien, "need", "Utløpt innlegg om sykehjem", "Gammelt.", expires_on=timezone.localdate())
        CollaborationPost.objects.filter(title__startswith="Utløpt").update(
            expires_on=timezone.localdate() - timedelta(days=1)
        )
        draft = publish_post(skien, "need", "Et skjult innlegg", "Skjult.")
        draft.status = CollaborationPost.Status.HIDDEN
        draft.save()
        html = client.get(reverse("partners:list")).content.decode()
        assert need.title in html and offer.title in html
        assert "Utløpt innlegg" not in html and "Et skjult innlegg" not in html
        assert "2 innlegg" in html

    def test_filters_by_kind_and_free_text(self, client, need, offer):
        html = client.get(reverse("partners:list"), {"type": "offer"}).content.decode()
        assert offer.title in html and need.title not in html
        html = client.get(reverse("partners:list"), {"q": "sensorer"}).content.decode()
        assert need.title in html and offer.title not in html

    def test_facet_counts_and_removable_filters(self, client, need, offer):
        html = client.get(reverse("partners:list"), {"type": "need"}).content.decode()
        assert 'value="offer"' in html  # the other kind stays choosable, counted without its own filter
        assert "Fjern filteret" in html

    def test_unknown_filter_values_are_ignored_not_errors(self, client, need):
        response = client.get(reverse("partners:list"), {"type": "x" * 500, "fylke": "ab", "side": "999999999999"})
        assert response.status_code == 200
        assert need.title in response.content.decode()

    @pytest.mark.parametrize("size", [3, 25])
    def test_constant_number_of_queries(self, client, skien, django_assert_max_num_queries, size):
        for n in range(size):
            publish_post(
                skien, "need", f"Behov nummer {n}", "Tekst.", service_areas=["helse-og-omsorg"], kommuner=["4003"]
            )
        with django_assert_max_num_queries(22):
            response = client.get(reverse("partners:list"), {"tjenesteomrade": "helse-og-omsorg"})
        assert response.content.decode().count("Behov nummer") == min(size, 20)


class TestDetail:
    def test_shows_matches_with_reasons(self, client, need, offer):
        html = client.get(need.get_absolute_url()).content.decode()
        assert offer.title in html
        assert "begge gjelder helse og omsorg" in html.lower()
        assert "Universitetet i Sørøst-Norge" in html

    def test_anonymous_is_asked_to_log_in_to_send_interest(self, client, need, offer):
        html = client.get(need.get_absolute_url()).content.decode()
        assert "Logg inn for å melde interesse" in html
        assert reverse("partners:interest_new", args=[need.slug]) not in html

    def test_member_of_another_organisation_can_send_interest(self, client, need, offer, usn):
        client.force_login(member_of(usn))
        html = client.get(need.get_absolute_url()).content.decode()
        assert reverse("partners:interest_new", args=[need.slug]) in html

    def test_owner_sees_actions_not_interest_button(self, client, need, offer, skien):
        client.force_login(member_of(skien))
        html = client.get(need.get_absolute_url()).content.decode()
        assert reverse("partners:edit", args=[need.slug]) in html
        assert reverse("partners:interest_new", args=[need.slug]) not in html

    def test_unpublished_post_is_seen_only_by_members_and_moderators(self, client, need, usn, skien):
        need.status = CollaborationPost.Status.AWAITING
        need.save()
        assert client.get(need.get_absolute_url()).status_code == 404
        client.force_login(member_of(usn))
        assert client.get(need.get_absolute_url()).status_code == 404
        client.force_login(member_of(skien))
        assert "venter på godkjenning" in client.get(need.get_absolute_url()).content.decode()
        client.force_login(moderator())
        assert client.get(need.get_absolute_url()).status_code == 200

    def test_hostile_html_is_cleaned(self, client, skien):
        post = publish_post(
            skien,
            "need",
            "Innlegg med skadelig kode",
            '<p onclick="alert(1)">Hei</p><script>alert(2)</script><img src=x onerror="alert(3)"><a href="javascript:alert(4)">lenke</a>',
        )
        html = client.get(post.get_absolute_url()).content.decode()
        body = html.split('class="partner-post__body">', 1)[1].split("</div>", 1)[0]
        assert "<p>Hei</p>" in body
        for hostile in ("onclick", "<script", "onerror", "javascript:", "<img"):
            assert hostile not in body

    @pytest.mark.parametrize("size", [2, 20])
    def test_constant_number_of_queries(self, client, need, skien, usn, django_assert_max_num_queries, size):
        for n in range(size):
            publish_post(usn, "offer", f"Tilbud {n} om velferdsteknologi", "Sensorer og forskning.", kommuner=["4003"])
        client.force_login(member_of(usn))
        with django_assert_max_num_queries(29):
            response = client.get(need.get_absolute_url())
        assert "Tilbud 0 om velferdsteknologi" in response.content.decode()


class TestWriting:
    def test_anonymous_is_sent_to_log_in(self, client):
        response = client.get(reverse("partners:create"))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]

    def test_user_without_organisation_is_told_how_to_join(self, client):
        client.force_login(UserFactory())
        html = client.get(reverse("partners:create")).content.decode()
        assert "ikke medlem av noen organisasjon" in html
        assert 'name="title"' not in html

    def test_unverified_email_cannot_post(self, client, skien):
        user = UserFactory(verified_email=False)
        Membership.objects.create(organisation=skien, user=user, status="approved")
        client.force_login(user)
        html = client.get(reverse("partners:create")).content.decode()
        assert "bekrefte e-postadressen" in html and 'name="title"' not in html
        client.post(reverse("partners:create"), post_form_data(skien))
        assert not CollaborationPost.objects.exists()

    def test_member_of_verified_organisation_publishes_at_once(self, client, skien):
        client.force_login(member_of(skien))
        response = client.post(reverse("partners:create"), post_form_data(skien))
        post = CollaborationPost.objects.get()
        assert response["Location"] == post.get_absolute_url()
        assert post.status == CollaborationPost.Status.PUBLISHED and post.organisation == skien
        assert (
            post.description == "<p>Vi søker frivillige som vil være leksehjelpere.</p>\n\n<p>Oppstart til høsten.</p>"
        )
        assert post.codes_of("seeking") == ["frivillig"]

    def test_unverified_organisation_goes_to_moderation(self, client):
        organisation, member = organisation_with_member("Ny forening", "frivillig", "4003", verified=False)
        client.force_login(member)
        client.post(reverse("partners:create"), post_form_data(organisation))
        assert CollaborationPost.objects.get().status == CollaborationPost.Status.AWAITING

    def test_draft_is_kept_unpublished(self, client, skien):
        client.force_login(member_of(skien))
        client.post(reverse("partners:create"), post_form_data(skien, handling="utkast"))
        assert CollaborationPost.objects.get().status == CollaborationPost.Status.DRAFT

    def test_cannot_post_for_an_organisation_one_is_not_member_of(self, client, skien, usn):
        client.force_login(member_of(skien))
        response = client.post(reverse("partners:create"), post_form_data(usn))
        assert response.status_code == 200 and "organisation_error" in response.content.decode()
        assert not CollaborationPost.objects.exists()

    def test_a_huge_fylke_value_is_a_form_error(self, client, skien):
        client.force_login(member_of(skien))
        response = client.post(reverse("partners:create"), post_form_data(skien, fylker=["9" * 30]))
        assert response.status_code == 200 and "fylker_error" in response.content.decode()
        assert not CollaborationPost.objects.exists()

    def test_form_errors_are_shown_and_nothing_saved(self, client, skien):
        client.force_login(member_of(skien))
        past = (timezone.localdate() - timedelta(days=1)).isoformat()
        response = client.post(reverse("partners:create"), post_form_data(skien, title="", expires_on=past))
        html = response.content.decode()
        assert "tilbake i tid" in html and "title_error" in html
        assert not CollaborationPost.objects.exists()

    def test_double_submit_makes_one_post(self, client, skien):
        client.force_login(member_of(skien))
        data = post_form_data(skien)
        first = client.post(reverse("partners:create"), data)
        second = client.post(reverse("partners:create"), data)
        assert CollaborationPost.objects.count() == 1
        assert first["Location"] == second["Location"]

    def test_member_edits_and_others_get_404(self, client, need, usn, skien):
        client.force_login(member_of(usn))
        assert client.get(reverse("partners:edit", args=[need.slug])).status_code == 404
        data = post_form_data(skien, title="Nytt navn på behovet", form_token="1f14e45f-ceea-4672-9a1b-5b0e2f6a1c12")
        assert client.post(reverse("partners:edit", args=[need.slug]), data).status_code == 404
        client.force_login(member_of(skien))
        assert (
            "Forskningspartner til digitalt nattilsyn"
            in client.get(reverse("partners:edit", args=[need.slug])).content.decode()
        )
        client.post(reverse("partners:edit", args=[need.slug]), data)
        need.refresh_from_db()
        assert need.title == "Nytt navn på behovet" and need.status == CollaborationPost.Status.PUBLISHED

    def test_saving_a_published_post_as_draft_takes_it_out_of_the_list(self, client, need, skien):
        client.force_login(member_of(skien))
        data = post_form_data(skien, handling="utkast", form_token="3f14e45f-ceea-4672-9a1b-5b0e2f6a1c14")
        client.post(reverse("partners:edit", args=[need.slug]), data)
        need.refresh_from_db()
        assert need.status == CollaborationPost.Status.DRAFT
        assert need.get_absolute_url() not in client.get(reverse("partners:list")).content.decode()

    def test_an_approved_post_of_an_unverified_organisation_is_checked_again_after_a_change(self, client):
        organisation, member = organisation_with_member("Ny forening", "frivillig", "4003", verified=False)
        post = publish_post(organisation, "offer", "Leksehjelp", "Tekst.", author=member)
        post.status = CollaborationPost.Status.PUBLISHED
        post.save()
        client.force_login(member)
        data = post_form_data(
            organisation, title="Leksehjelp med ny tekst", form_token="4f14e45f-ceea-4672-9a1b-5b0e2f6a1c15"
        )
        client.post(reverse("partners:edit", args=[post.slug]), data)
        post.refresh_from_db()
        assert post.status == CollaborationPost.Status.AWAITING


class TestCloseRenewReport:
    def test_a_post_hidden_by_a_moderator_cannot_be_closed_and_renewed_back_into_the_list(self, client, need, skien):
        need.status = CollaborationPost.Status.HIDDEN
        need.save()
        client.force_login(member_of(skien))
        client.post(reverse("partners:close", args=[need.slug]))
        until = timezone.localdate() + timedelta(days=30)
        client.post(reverse("partners:renew", args=[need.slug]), {"fornye-expires_on": until.isoformat()})
        need.refresh_from_db()
        assert need.status == CollaborationPost.Status.HIDDEN
        assert need.get_absolute_url() not in client.get(reverse("partners:list")).content.decode()

    def test_a_member_without_a_confirmed_address_cannot_change_close_or_renew(self, client, need, skien):
        from allauth.account.models import EmailAddress

        user = member_of(skien)
        EmailAddress.objects.filter(user=user).update(verified=False)
        client.force_login(user)
        data = post_form_data(skien, title="Endret uten bekreftet adresse")
        client.post(reverse("partners:edit", args=[need.slug]), data)
        client.post(reverse("partners:close", args=[need.slug]))
        need.refresh_from_db()
        assert need.title != "Endret uten bekreftet adresse" and need.status == CollaborationPost.Status.PUBLISHED

    def test_close_and_renew_by_members_only(self, client, need, usn, skien):
        client.force_login(member_of(usn))
        assert client.post(reverse("partners:close", args=[need.slug])).status_code == 404
        client.force_login(member_of(skien))
        client.post(reverse("partners:close", args=[need.slug]))
        need.refresh_from_db()
        assert need.status == CollaborationPost.Status.CLOSED
        until = timezone.localdate() + timedelta(days=30)
        client.post(reverse("partners:renew", args=[need.slug]), {"fornye-expires_on": until.isoformat()})
        need.refresh_from_db()
        assert need.status == CollaborationPost.Status.PUBLISHED and need.expires_on == until

    def test_renew_refuses_a_date_more_than_a_year_ahead(self, client, need, skien):
        client.force_login(member_of(skien))
        too_late = timezone.localdate() + timedelta(days=400)
        response = client.post(
            reverse("partners:renew", args=[need.slug]), {"fornye-expires_on": too_late.isoformat()}, follow=True
        )
        assert "høyst ett år" in response.content.decode()
        need.refresh_from_db()
        assert need.expires_on != too_late

    def test_report_reaches_the_moderators_queue(self, client, need, usn):
        client.force_login(member_of(usn))
        response = client.post(
            reverse("partners:report", args=[need.slug]),
            {"form_token": "2f14e45f-ceea-4672-9a1b-5b0e2f6a1c13", "reason": "Dette er reklame."},
        )
        assert response["Location"] == need.get_absolute_url()
        assert PostReport.objects.get().reason == "Dette er reklame."

    def test_anonymous_cannot_report(self, client, need):
        response = client.post(
            reverse("partners:report", args=[need.slug]),
            {"form_token": "9f14e45f-ceea-4672-9a1b-5b0e2f6a1c1a", "reason": "Reklame."},
        )
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
        assert not PostReport.objects.exists()


def test_my_posts_lists_every_post_of_my_organisations(client, need, skien, usn):
    publish_post(usn, "offer", "Et tilbud fra en annen", "Tekst.")
    draft = publish_post(skien, "need", "Et avsluttet behov", "Tekst.")
    draft.status = CollaborationPost.Status.CLOSED
    draft.save()
    client.force_login(member_of(skien))
    html = client.get(reverse("partners:mine")).content.decode()
    assert need.title in html and "Et avsluttet behov" in html and "Et tilbud fra en annen" not in html

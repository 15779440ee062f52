"""Who hears about an application: its contact person, and the user who started it while they still act for
one of its kommuner. The lead kommune is the applicant of record, so co-applicant kommuner get no e-mail."""

from funding import notices
from funding.models import Application
from innoplatform.organisations.models import Membership

CONTACT = "kari@kommune.example.no"


def started_by(world, user) -> Application:
    Application.objects.filter(pk=world.application.pk).update(created_by=user)
    return Application.objects.get(pk=world.application.pk)


def receipts(world, django_capture_on_commit_callbacks, mailoutbox) -> list[str]:
    with django_capture_on_commit_callbacks(execute=True):
        notices.application_submitted(Application.objects.get(pk=world.application.pk))
    return sorted(address for message in mailoutbox for address in message.to)


def test_the_user_who_started_it_is_mailed_while_acting_for_the_kommune(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    started_by(world, world.applicant)
    assert receipts(world, django_capture_on_commit_callbacks, mailoutbox) == [
        CONTACT,
        "soker@kongsvinger.example.no",
    ]


def test_the_user_who_started_it_and_left_the_kommune_is_not_mailed(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    started_by(world, world.applicant)
    Membership.objects.filter(user=world.applicant).delete()
    assert receipts(world, django_capture_on_commit_callbacks, mailoutbox) == [CONTACT]


def test_co_applicant_kommuner_are_not_mailed(world, django_capture_on_commit_callbacks, mailoutbox):
    application = started_by(world, world.applicant)
    application.co_kommuner.add(world.kommune_b)
    addresses = receipts(world, django_capture_on_commit_callbacks, mailoutbox)
    assert world.other_kommune_user.email not in addresses
    assert addresses == [CONTACT, "soker@kongsvinger.example.no"]


def test_a_user_of_a_co_applicant_kommune_who_started_it_is_mailed(world):
    application = started_by(world, world.other_kommune_user)
    assert notices.applicant_addresses(application) == [CONTACT]
    application.co_kommuner.add(world.kommune_b)
    assert notices.applicant_addresses(Application.objects.get(pk=application.pk)) == [
        "ansatt@hamar.example.no",
        CONTACT,
    ]

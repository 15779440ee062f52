"""Factories for organisations and memberships, with organisation numbers that pass the mod-11 check."""

import factory

from innoplatform.core.text import norwegian_slugify

from .models import Membership, Organisation
from .validators import check_digit


def valid_orgnr(n: int) -> str:
    """The n-th valid organisation number from 910 000 000 upwards (numbers without a check digit skipped)."""
    candidate = 91_000_000 + n * 7
    while check_digit(str(candidate)) is None:
        candidate += 1
    return f"{candidate}{check_digit(str(candidate))}"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisasjon {n}")
    slug = factory.LazyAttribute(lambda o: norwegian_slugify(o.name))
    orgnr = factory.Sequence(valid_orgnr)
    sector = "naeringsliv"
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("innoplatform.accounts.factories.UserFactory")
    role = Membership.Role.MEMBER
    status = Membership.Status.APPROVED

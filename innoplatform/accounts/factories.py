"""Factories for users, with a verified e-mail address as allauth records it."""

import factory
from allauth.account.models import EmailAddress

from .demo import DEMO_PASSWORD
from .models import User

DEFAULT_PASSWORD = DEMO_PASSWORD


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bruker{n}@kommune.example.no")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    job_title = "Rådgiver innovasjon"
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

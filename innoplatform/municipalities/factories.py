"""Factories for fylker and kommuner outside the shipped registry (numbers 90xx)."""

import factory

from innoplatform.core.text import norwegian_slugify

from .models import Fylke, Kommune


class FylkeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fylke
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: f"{90 + n % 10:02d}")
    name = factory.Sequence(lambda n: f"Testfylke {n}")
    slug = factory.LazyAttribute(lambda fylke: norwegian_slugify(fylke.name))


class KommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kommune

    number = factory.Sequence(lambda n: f"{9000 + n:04d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.LazyAttribute(lambda kommune: norwegian_slugify(kommune.name))
    fylke = factory.SubFactory(FylkeFactory)

"""Factories for case pages, plus a bulk builder for the query-count and facet tests."""

from collections.abc import Sequence

import factory
import wagtail_factories

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea

from .models import CaseCode, CaseIndexPage, CasePage, Dimension


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseIndexPage

    title = "Eksempler"
    slug = "eksempler"


class CasePageFactory(wagtail_factories.PageFactory):
    """A published case; pass `kommuner=[...]` and `codes={Dimension...: [...]}` to classify it."""

    class Meta:
        model = CasePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Velferdsteknologi i hjemmetjenesten {n}")
    introduction = "Kommunen prøvde ut digitalt tilsyn om natta sammen med pårørende og en forskningspartner."
    phase = Phase.PILOTERING
    start_year = 2022

    @factory.post_generation
    def kommuner(self, create, extracted, **kwargs):
        if create and extracted:
            self.kommuner.set(extracted)
            self.kommuner.commit()

    @factory.post_generation
    def codes(self, create, extracted, **kwargs):
        codes = extracted or {Dimension.SECTOR: [Sector.KOMMUNE], Dimension.SERVICE_AREA: [ServiceArea.HELSE_OG_OMSORG]}
        if create:
            CaseCode.objects.bulk_create(
                CaseCode(page=self, dimension=dim, code=code) for dim, values in codes.items() for code in values
            )


@transaction.atomic
def bulk_create_cases(index: CaseIndexPage, count: int, kommuner: Sequence) -> list[int]:
    """Create `count` published cases under `index` quickly, cycling through every code and kommune.

    Case i gets service area i mod 10, sector i mod 6, challenge i mod 8, phase i mod 6,
    year 2015 + i mod 10 and kommune i mod len(kommuner), so facet counts are predictable.
    """
    content_type = ContentType.objects.get_for_model(CasePage)
    locale = Locale.get_default()
    now = timezone.now()
    index.refresh_from_db()
    first = index.numchild
    pages = [
        Page(
            title=f"Eksempel {first + i}",
            slug=f"eksempel-{first + i}",
            content_type=content_type,
            locale=locale,
            path=Page._get_path(index.path, index.depth + 1, first + i + 1),
            depth=index.depth + 1,
            url_path=f"{index.url_path}eksempel-{first + i}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(count)
    ]
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=index.pk).update(numchild=first + count)
    service_areas, sectors = list(ServiceArea.values), list(Sector.values)
    challenges, phases = list(Challenge.values), list(Phase.values)
    codes, links = [], []
    through = CasePage.kommuner.through
    for i, page in enumerate(pages):
        case = CasePage(page_ptr=page, introduction=f"Sammendrag {i}", phase=phases[i % 6], start_year=2015 + i % 10)
        case.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
        case.save_base(raw=True, force_insert=True)
        codes += [
            CaseCode(page_id=page.pk, dimension=Dimension.SERVICE_AREA, code=service_areas[i % 10]),
            CaseCode(page_id=page.pk, dimension=Dimension.SECTOR, code=sectors[i % 6]),
            CaseCode(page_id=page.pk, dimension=Dimension.CHALLENGE, code=challenges[i % 8]),
        ]
        links.append(through(casepage_id=page.pk, kommune_id=kommuner[i % len(kommuner)].pk))
    CaseCode.objects.bulk_create(codes)
    through.objects.bulk_create(links)
    return [page.pk for page in pages]

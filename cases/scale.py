"""Scale data: many published cases under the library, classified and tied to kommuner drawn by population."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Page

from innoplatform.core.scale import ScalePlan
from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea

from .library import ensure_case_index
from .models import CaseCode, CasePage, Dimension

TOPICS = (
    "Digitalt tilsyn",
    "Hverdagsrehabilitering",
    "Frisklivssentral",
    "Læringsvenner i skolen",
    "Felles vikarpool",
    "Velferdsteknologi i hjemmetjenesten",
    "Ungdomsråd for innsikt",
    "Aktivitetsvenn for eldre",
    "Heltidskultur i omsorgen",
    "Sammen mot utenforskap",
)
BATCH = 2_000


def _codes(plan: ScalePlan, page_id: int) -> list[CaseCode]:
    codes = [CaseCode(page_id=page_id, dimension=Dimension.SECTOR, code=plan.random.choice(Sector.values))]
    for dimension, values in ((Dimension.SERVICE_AREA, ServiceArea.values), (Dimension.CHALLENGE, Challenge.values)):
        codes += [
            CaseCode(page_id=page_id, dimension=dimension, code=code)
            for code in plan.random.sample(values, plan.random.randint(1, 2))
        ]
    return codes


def load_scale_cases(plan: ScalePlan) -> str:
    index = ensure_case_index()
    content_type = ContentType.objects.get_for_model(CasePage)
    locale = Locale.get_default()
    now = timezone.now()
    through = CasePage.kommuner.through
    first = index.numchild
    for start in range(0, plan.cases, BATCH):
        numbers = range(first + start, first + min(start + BATCH, plan.cases))
        pages = [
            Page(
                title=f"{plan.random.choice(TOPICS)} {n}",
                slug=f"eksempel-{n}",
                content_type=content_type,
                locale=locale,
                path=Page._get_path(index.path, index.depth + 1, n + 1),
                depth=index.depth + 1,
                url_path=f"{index.url_path}eksempel-{n}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
            for n in numbers
        ]
        Page.objects.bulk_create(pages)
        codes, links = [], []
        for page, kommune in zip(pages, plan.draw_kommuner(len(pages)), strict=True):
            case = CasePage(
                page_ptr=page,
                introduction=plan.text(long=False),
                body=[{"type": "paragraph", "value": f"<p>{plan.text()}</p>", "id": str(uuid.uuid4())}],
                phase=plan.random.choice(Phase.values),
                start_year=plan.random.randint(2012, 2026),
            )
            case.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
            case.save_base(raw=True, force_insert=True)
            codes += _codes(plan, page.pk)
            links.append(through(casepage_id=page.pk, kommune_id=kommune.pk))
        CaseCode.objects.bulk_create(codes)
        through.objects.bulk_create(links)
    Page.objects.filter(pk=index.pk).update(numchild=first + plan.cases)
    return f"{plan.cases} eksempler"

"""`load_scale_data`: every part made in the numbers asked for, linked as real content is, and reproducible."""

from collections import Counter

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from cases.models import CasePage
from courses.models import Enrollment
from funding.models import Allocation, Application
from innoplatform.accounts.models import User
from innoplatform.core.scale import ScalePlan
from innoplatform.municipalities.models import PopulationDataset
from innoplatform.organisations.models import Organisation
from partners.models import CollaborationPost

pytestmark = pytest.mark.django_db

SMALL = {"cases": 120, "posts": 60, "organisations": 380, "users": 150, "enrollments": 400, "grants": 40}


def options(**counts) -> list[str]:
    return [f"--{key}={value}" for key, value in {**SMALL, **counts}.items()]


def test_every_part_is_made_in_the_numbers_asked_for_and_linked(capsys):
    call_command("load_scale_data", *options())
    assert CasePage.objects.live().count() == 120
    assert CasePage.objects.filter(kommuner__isnull=True).count() == 0
    assert CasePage.objects.filter(codes__isnull=True).count() == 0
    assert User.objects.filter(emailaddress__verified=True).count() == 150
    assert Organisation.objects.count() == 380
    assert Organisation.objects.filter(sector="kommune").count() == 357  # every kommune has its organisation
    assert not Organisation.objects.filter(memberships__isnull=True).exists()
    assert CollaborationPost.objects.published().count() == 60
    assert not CollaborationPost.objects.filter(codes__isnull=True).exists()
    assert Enrollment.objects.count() == 400
    assert Application.objects.filter(imported=True, status="closed").count() == 40
    assert Allocation.objects.count() == 40
    assert PopulationDataset.objects.filter(kind=PopulationDataset.Kind.PROJECTED).count() == 3
    out = capsys.readouterr().out
    assert "120 eksempler" in out and "40 tilskudd" in out and "Skaladata lastet" in out
    assert "Statistikk for spørreplanleggeren oppdatert" in out
    assert planner_has_statistics("cases_casecode")


def planner_has_statistics(table: str) -> bool:
    """Whether ANALYZE has given the query planner row counts for `table`."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        return cursor.fetchone()[0] > 0


def test_a_database_with_content_is_refused():
    Organisation.objects.create(name="Skien kommune", slug="skien-kommune", orgnr="938583986", sector="kommune")
    with pytest.raises(CommandError, match="tom database"):
        call_command("load_scale_data", *options(), "--no-index")
    assert not User.objects.exists() and not CasePage.objects.exists()


def test_the_same_seed_draws_the_same_and_large_kommuner_get_the_most():
    first, second, other = ScalePlan(**SMALL), ScalePlan(**SMALL), ScalePlan(**SMALL, seed=7)
    drawn = [kommune.number for kommune in first.draw_kommuner(5_000)]
    assert drawn == [kommune.number for kommune in second.draw_kommuner(5_000)]
    assert drawn != [kommune.number for kommune in other.draw_kommuner(5_000)]
    counts = Counter(drawn)
    assert counts.most_common(1)[0][0] == "0301"  # Oslo, the largest
    assert counts["0301"] > 500 and counts.get("1811", 0) < 10  # Bindal, among the smallest
    assert first.text() == second.text()
    assert max(len(first.text()) for _ in range(50)) > 1_000  # long texts among the short

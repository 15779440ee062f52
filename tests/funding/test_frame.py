"""A call never grants more than its frame: not by one decision, not by two at the same moment, not by a direct write.

On PostgreSQL two threads race with their own connections. On SQLite the test
database lives in memory, where a second writer gets «table is locked» at once
instead of waiting; so there the race runs as production runs it: two processes
on one database file, each deciding at the same instant.
"""

import os
import subprocess
import sys
import threading
import time

import pytest

from django.db import IntegrityError, connection, transaction

from funding import allocation
from funding.factories import ApplicationFactory
from funding.lifecycle import FundingError
from funding.models import Allocation, Application, FundingCall
from tests.concurrency import run_threads
from tests.manage_process import ROOT, run_manage

Status = Application.Status


def under_assessment(world, title: str, sought: int) -> Application:
    return ApplicationFactory(
        call=world.call,
        lead_kommune=world.kommune_b,
        title=title,
        amount_sought_nok=sought,
        status=Status.UNDER_ASSESSMENT,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="on SQLite the race runs in two processes (below)")
def test_two_assessors_deciding_at_once_cannot_pass_the_frame(world):
    FundingCall.objects.filter(pk=world.call.pk).update(frame_nok=1_000_000)
    first = under_assessment(world, "Velferdsteknologi i Hamar", 700_000)
    second = under_assessment(world, "Læringsvenn i skolen", 700_000)
    from tests.funding.conftest import member_of

    colleague = member_of(world.office_org, email="kollega@statsforvalteren.example.no")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(user, application):
        def run():
            barrier.wait()
            try:
                allocation.decide(user, application, amount_nok=700_000, reason="Godt prosjekt.")
                outcomes.append("granted")
            except FundingError as error:
                outcomes.append(error.reason)
            finally:
                connection.close()

        return run

    run_threads([decide(world.assessor, first), decide(colleague, second)])
    assert sorted(outcomes) == ["granted", "over_frame"]
    call = FundingCall.objects.get(pk=world.call.pk)
    assert call.granted_nok == 700_000
    assert Allocation.objects.count() == 1
    assert sorted(Application.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == [
        Status.GRANTED,
        Status.UNDER_ASSESSMENT,
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="on SQLite the race runs in two processes (below)")
def test_two_decisions_on_the_same_application_record_one(world):
    application = under_assessment(world, "Digital hjemmeoppfølging", 400_000)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide():
        barrier.wait()
        try:
            allocation.decide(world.assessor, application, amount_nok=400_000, reason="Godt prosjekt.")
            outcomes.append("granted")
        except FundingError as error:
            outcomes.append(error.reason)
        finally:
            connection.close()

    run_threads([decide, decide])
    assert sorted(outcomes) == ["granted", "status"]
    assert FundingCall.objects.get(pk=world.call.pk).granted_nok == 400_000


def test_the_database_refuses_a_total_above_the_frame(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingCall.objects.filter(pk=world.call.pk).update(granted_nok=world.call.frame_nok + 1)


def test_what_is_left_of_the_frame_can_be_granted_exactly(world):
    FundingCall.objects.filter(pk=world.call.pk).update(frame_nok=1_000_000, granted_nok=600_000)
    application = under_assessment(world, "Sensorer i omsorgsboliger", 400_000)
    allocation.decide(world.assessor, application, amount_nok=400_000, reason="Godt prosjekt.")
    assert FundingCall.objects.get(pk=world.call.pk).granted_nok == 1_000_000
    last = under_assessment(world, "Én krone for mye", 100_000)
    with pytest.raises(FundingError) as refused:
        allocation.decide(world.assessor, last, amount_nok=1, reason="Nei.")
    assert refused.value.reason == "over_frame"
    assert Application.objects.get(pk=last.pk).status == Status.UNDER_ASSESSMENT


SETTINGS = "innoplatform.settings.test"
SETUP = """
from django.contrib.auth import get_user_model
from funding.factories import ApplicationFactory, FundingCallFactory
from funding.models import OfficeDesk
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
office = OrganisationFactory(name="Statsforvalteren i Innlandet", sector="stat")
OfficeDesk.objects.create(office="innlandet", organisation=office)
users = [get_user_model().objects.create_user(email=f"sf{n}@statsforvalteren.example.no") for n in (1, 2)]
for user in users:
    MembershipFactory(organisation=office, user=user)
call = FundingCallFactory(frame_nok=1_000_000)
kommune = Kommune.objects.get(number="3403")
apps = [ApplicationFactory(call=call, lead_kommune=kommune, amount_sought_nok=700_000, status="under_assessment") for _ in (1, 2)]
print(call.pk, *[u.pk for u in users], *[a.pk for a in apps])
"""
DECIDE = """
import os, time
from django.contrib.auth import get_user_model
from funding import allocation
from funding.lifecycle import FundingError
from funding.models import Application
user = get_user_model().objects.get(pk=os.environ["USER_PK"])
application = Application.objects.get(pk=os.environ["APPLICATION_PK"])
time.sleep(max(0, float(os.environ["START_AT"]) - time.time()))
try:
    allocation.decide(user, application, amount_nok=700_000, reason="Godt prosjekt.")
    print("granted")
except FundingError as error:
    print(error.reason)
"""
TOTAL = """
from funding.models import Allocation, FundingCall
print(FundingCall.objects.get().granted_nok, Allocation.objects.count())
"""


def test_two_processes_deciding_at_once_on_one_sqlite_file_cannot_pass_the_frame(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}"}
    assert run_manage("migrate", "--noinput", settings=SETTINGS, **env).returncode == 0
    made = run_manage("shell", "--no-imports", "-c", SETUP, settings=SETTINGS, **env)
    assert made.returncode == 0, made.stderr
    _call, *users_and_apps = made.stdout.split()[-5:]
    users, apps = users_and_apps[:2], users_and_apps[2:]
    start_at = str(time.time() + 6)
    kept = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    deciders = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", DECIDE],
            cwd=ROOT,
            env={
                **kept,
                **env,
                "DJANGO_SETTINGS_MODULE": SETTINGS,
                "USER_PK": user,
                "APPLICATION_PK": app,
                "START_AT": start_at,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user, app in zip(users, apps, strict=True)
    ]
    outcomes = []
    for process in deciders:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outcomes.append(out.split()[-1])
    assert sorted(outcomes) == ["granted", "over_frame"]
    totals = run_manage("shell", "--no-imports", "-c", TOTAL, settings=SETTINGS, **env)
    assert totals.stdout.split()[-2:] == ["700000", "1"]

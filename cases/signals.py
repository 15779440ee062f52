"""Tell the person who suggested a case when editors publish it."""

from wagtail.signals import page_published

from .models import CasePage
from .submission import notify_submitter_on_publish


def on_case_published(sender, instance: CasePage, **kwargs) -> None:
    notify_submitter_on_publish(instance)


def connect() -> None:
    page_published.connect(on_case_published, sender=CasePage, dispatch_uid="cases_notify_submitter")

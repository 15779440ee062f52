"""Keeping the index in step with the content: every save, publish, unpublish, move and delete of an indexed object.

With `SEARCH_SYNC = "immediate"` (development and tests) the document is written
at once; with `"task"` (production) a `django-tasks` task does it after the
transaction commits, so a slow or failing search cluster never holds up or
loses an editor's save.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .registry import indexed_types, types_for_model, types_related_to


def schedule(doc_type: str, object_id: int) -> None:
    """Bring one object's document up to date, now or through a task after commit."""
    if getattr(settings, "SEARCH_SYNC", "immediate") == "task":
        from .tasks import update_document

        transaction.on_commit(lambda: update_document.enqueue(doc_type, object_id))
    else:
        from .service import update_object

        update_object(doc_type, object_id)


def object_changed(instance) -> None:
    """Re-index an object whose related rows changed without signals (bulk writes); content apps call this."""
    _changed(type(instance), instance)


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    for indexed in types_for_model(type(instance)):
        schedule(indexed.doc_type, instance.pk)
    for indexed, link in types_related_to(type(instance)):
        for object_id in linked_ids(instance, link):
            schedule(indexed.doc_type, object_id)


def linked_ids(instance, link) -> list[int]:
    """The indexed objects a related object's change touches: one key attribute, or a function giving keys."""
    if callable(link):
        return list(link(instance))
    key = getattr(instance, link, None)
    return [] if key is None else [key]


def _deleted(sender, instance, **kwargs) -> None:
    _changed(sender, instance)


def _subtree_changed(page) -> None:
    """Re-index the indexed pages at and below `page`."""
    for indexed in indexed_types():
        model = indexed.model
        if hasattr(model.objects, "descendant_of"):
            for object_id in model.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True):
                schedule(indexed.doc_type, object_id)


def _moved(sender, instance, **kwargs) -> None:
    """A move or a new slug changes the address of the page and of every page below it."""
    _subtree_changed(instance)


def _restriction_changed(sender, instance, **kwargs) -> None:
    """A view restriction (password, login, groups) takes a page and those below it out of the public index, or back."""
    if kwargs.get("raw"):
        return
    _subtree_changed(instance.page)


def connect() -> None:
    """Listen to the indexed models and their related models only, so other models keep Django's fast deletes."""
    models = {indexed.model for indexed in indexed_types()}
    models |= {related for indexed in indexed_types() for related in indexed.related}
    for model in models:
        uid = f"search_{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
    page_published.connect(_changed, dispatch_uid="search_published")
    page_unpublished.connect(_changed, dispatch_uid="search_unpublished")
    post_page_move.connect(_moved, dispatch_uid="search_moved")
    page_slug_changed.connect(_moved, dispatch_uid="search_slug_changed")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")


def index_if_empty(sender, using="default", **kwargs) -> None:
    """After `migrate` on a new database, index what is already there (the kommune registry), so search works at once."""
    from .indexing import rebuild
    from .models import SearchDocument

    if not SearchDocument.objects.using(using).exists():
        rebuild()

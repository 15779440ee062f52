"""Background work of the search: one object's document, after the transaction that changed it."""

from django_tasks import task


@task()
def update_document(doc_type: str, object_id: int) -> None:
    from .service import update_object

    update_object(doc_type, object_id)

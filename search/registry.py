"""The searchable types the content apps registered, by code and in tab order."""

from .documents import IndexedType

_types: dict[str, IndexedType] = {}


def register(cls: type[IndexedType]) -> type[IndexedType]:
    """Class decorator for a content app's `search_documents.py`."""
    _types[cls.doc_type] = cls()
    return cls


def indexed_types() -> list[IndexedType]:
    return sorted(_types.values(), key=lambda indexed: (indexed.order, indexed.doc_type))


def indexed_type(doc_type: str) -> IndexedType | None:
    return _types.get(doc_type)


def types_for_model(model: type) -> list[IndexedType]:
    """The types indexing `model` or one of its parents (a page subclass is also a Page)."""
    return [indexed for indexed in _types.values() if issubclass(model, indexed.model)]


def types_related_to(model: type) -> list[tuple[IndexedType, object]]:
    return [
        (indexed, attribute)
        for indexed in _types.values()
        for related, attribute in indexed.related.items()
        if issubclass(model, related)
    ]

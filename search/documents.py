"""What a content app hands the search: a document per object, and a class saying how to make one.

Each content app owns one `IndexedType` per searchable model in its
`search_documents.py` and registers it with `@register`; the search knows no
content type beyond what these classes tell it.
"""

import datetime
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class Document:
    """One searchable object as the index stores it. `body` is plain text; `facets` maps a URL parameter to codes."""

    object_id: int
    title: str
    url: str
    summary: str = ""
    body: str = ""
    slug: str = ""
    language: str = "nb"
    date: datetime.date | None = None
    expires_on: datetime.date | None = None
    """The last day the object is public (a partner post); searches leave it out after that."""
    facets: dict[str, list[str]] = field(default_factory=dict)


class IndexedType(ABC):
    """How one model becomes documents. Subclass, set the class attributes, and implement `objects` and `document`."""

    doc_type: ClassVar[str]
    """Stable code, used in URLs (`?type=case`) and the API."""
    label: ClassVar[Promise]
    """The tab's name, plural («Eksempler»)."""
    label_one: ClassVar[Promise]
    """What one result is called («Eksempel»), shown above its title."""
    model: ClassVar[type[Model]]
    order: ClassVar[int] = 100
    """Tabs appear by this order."""
    facets: ClassVar[dict[str, Promise]] = {}
    """URL parameter → label, for the facets that fit this type, in the order shown."""
    related: ClassVar[dict[type[Model], str | Callable[[Any], Iterable[int]]]] = {}
    """Models whose change alters this type's documents → the attribute holding the indexed object's key,
    or a function giving the keys of every indexed object the change touches (a renamed kommune → its cases)."""

    @abstractmethod
    def objects(self) -> QuerySet:
        """Everything of this type that belongs in the index (published, public), ready for `document`."""

    @abstractmethod
    def document(self, obj: Any) -> Document:
        """The search document of one object of `objects()`."""

    def facet_labels(self, param: str, values: Iterable[str]) -> dict[str, str]:
        """The label of each facet value, for the search page's facets and filters."""
        return {value: value for value in values}

    def documents(self, objects: Iterable[Any]) -> Iterable[Document]:
        """Documents for many objects; override to fetch what they share in one go."""
        return (self.document(obj) for obj in objects)

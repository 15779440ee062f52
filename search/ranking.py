"""A content app's own listing in the order of the search's ranking, paged like a queryset.

The case index filters with SQL and orders by relevance: `RankedResults` reads
the filtered ids once, keeps them in the ranking's order, and fetches only the
objects of the page asked for, so a listing stays a fixed number of queries.
"""

from collections.abc import Sequence

from django.db.models import QuerySet


class RankedResults(Sequence):
    def __init__(self, queryset: QuerySet, ranking: Sequence[int], *, ids: list[int] | None = None):
        self.queryset = queryset
        if ids is None:
            wanted = set(queryset.values_list("pk", flat=True))
            ids = [object_id for object_id in ranking if object_id in wanted]
        self.ids = ids

    def limited(self, limit: int) -> "RankedResults":
        """The best `limit` results, still able to answer `values_list` (for exports)."""
        return RankedResults(self.queryset, (), ids=self.ids[:limit])

    def values_list(self, *fields: str) -> list[tuple]:
        """Rows of `fields` for every result, in the ranking's order (the queryset method, in order)."""
        rows = {row[0]: row for row in self.queryset.filter(pk__in=self.ids).values_list("pk", *fields)}
        return [rows[object_id][1:] for object_id in self.ids if object_id in rows]

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:  # what Django's Paginator asks a queryset for
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            ids = self.ids[index]
            objects = self.queryset.in_bulk(ids)
            return [objects[object_id] for object_id in ids if object_id in objects]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self[index % len(self) : index % len(self) + 1][0]

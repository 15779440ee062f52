"""The search index in the database: one document per searchable object, its facet values and the vocabulary.

The analysed terms of each field (`*_terms`) feed the database's own full-text
index, created by the migrations for the database in use: an FTS5 table kept in
step by triggers on SQLite, a weighted `tsvector` column on PostgreSQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    doc_type = models.CharField(_("type"), max_length=32)
    object_id = models.BigIntegerField(_("objekt"))
    language = models.CharField(_("språk"), max_length=8, default="nb")
    title = models.CharField(_("tittel"), max_length=400)
    summary = models.TextField(_("sammendrag"), blank=True)
    body = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("adresse"), max_length=600)
    slug = models.CharField(_("kortnavn"), max_length=255, blank=True)
    date = models.DateField(_("dato"), null=True, blank=True)
    expires_on = models.DateField(_("gjelder til"), null=True, blank=True)
    facets = models.JSONField(_("fasetter"), default=dict, blank=True)
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    words = models.JSONField(
        default=list, blank=True, help_text=_("Stammene dokumentet bidrar med til ordlisten, med ordet de kom fra.")
    )
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("søkedokument")
        verbose_name_plural = _("søkedokumenter")
        constraints = [models.UniqueConstraint(fields=["doc_type", "object_id"], name="search_one_document_per_object")]
        indexes = [models.Index(fields=["doc_type", "date"])]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.object_id} {self.title}"


class SearchFacet(models.Model):
    """One facet value of a document, for filtering and counting in SQL."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    key = models.CharField(max_length=40)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["key", "value"])]

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


class SearchTerm(models.Model):
    """A term of the indexed texts, how many documents hold it, and a word it was written as.

    The vocabulary splits compounds, corrects typing errors and turns a correction
    back into a word for «Mente du …?».
    """

    term = models.CharField(max_length=100, unique=True)
    word = models.CharField(max_length=100)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.term

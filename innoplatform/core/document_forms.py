"""The Wagtail admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): a new file must hold what its name says."""

from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm

from .validators import document_content


class DocumentForm(BaseDocumentForm):
    """Used by the add, edit, multiple-upload and chooser-upload views alike, so the error shows on the file field."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            document_content(file)
        return file

    def _update_errors(self, errors):
        """A file refused on the field leaves the model an empty one, whose "" extension it refuses too: say it once."""
        if "file" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
        super()._update_errors(errors)

"""Choosing kommuner in a form: type a name or number and pick from the browser's suggestions.

Each kommune is a plain text input tied to one ``<datalist>`` of all kommuner
("4003 Skien"), so the choice is searchable on a phone, readable by a screen
reader and works without JavaScript. The server matches what was typed (number,
name or both, in any case) and, when nothing matches, names the closest
kommuner. A form that needs more kommuner than it shows gets one more input per
press on "Legg til" (a submit button; nothing is saved until the form is sent).
"""

import difflib
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Kommune

MAX_INPUT_LENGTH = 120


def kommune_label(kommune: Kommune) -> str:
    """How a kommune is written in the picker and suggested by the browser: "4003 Skien"."""
    return f"{kommune.number} {kommune.name}"


@dataclass(frozen=True)
class Match:
    """The kommune typed, or the ones it may mean: several of the same name, or close spellings."""

    kommune: Kommune | None
    candidates: tuple[Kommune, ...] = ()
    ambiguous: bool = False


class KommuneIndex:
    """Every kommune by number, by name and by the name before a parenthesis ("Herøy")."""

    def __init__(self, kommuner: list[Kommune]):
        self.kommuner = kommuner
        self.by_number = {kommune.number: kommune for kommune in kommuner}
        self.by_name = {kommune.name.casefold(): kommune for kommune in kommuner}
        self.by_short_name: dict[str, list[Kommune]] = {}
        for kommune in kommuner:
            short = kommune.name.split(" (")[0].casefold()
            self.by_short_name.setdefault(short, []).append(kommune)

    @classmethod
    def load(cls) -> "KommuneIndex":
        return cls(list(Kommune.objects.order_by("name")))

    def match(self, text: str) -> Match:
        """The kommune `text` names; when there is none, the likeliest ones it may have meant."""
        text = " ".join(text.split())
        number, _, rest = text.partition(" ")
        if number.isdigit() and len(number) == 4 and number in self.by_number:
            return Match(self.by_number[number])
        name = (rest if number.isdigit() else text).casefold()
        if name in self.by_name:
            return Match(self.by_name[name])
        same_short_name = self.by_short_name.get(name, [])
        if len(same_short_name) == 1:
            return Match(same_short_name[0])
        if same_short_name:
            return Match(None, tuple(same_short_name), ambiguous=True)
        close = difflib.get_close_matches(name, list(self.by_name), n=3, cutoff=0.75)
        return Match(None, tuple(self.by_name[candidate] for candidate in close))


class KommuneInputs(forms.Widget):
    """A text input per kommune (at least `slots`), sharing one list of suggestions."""

    template_name = "includes/kommune_picker.html"

    def __init__(self, attrs=None, *, slots: int = 1, can_grow: bool = False):
        super().__init__(attrs)
        self.slots = slots
        self.can_grow = can_grow

    def value_from_datadict(self, data, files, name) -> list[str]:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return [values] if isinstance(values, str) else list(values)

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data

    def format_value(self, value) -> list[str]:
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [kommune_label(item) if isinstance(item, Kommune) else str(item) for item in values]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = context["widget"]["value"]
        context["widget"]["inputs"] = values + [""] * max(0, self.slots - len(values))
        context["widget"]["can_grow"] = self.can_grow
        context["widget"]["options"] = [kommune_label(kommune) for kommune in Kommune.objects.order_by("name")]
        context["widget"]["datalist_id"] = f"{attrs.get('id', name)}-alternativer"
        return context


class KommuneListField(forms.Field):
    """One or more kommuner, typed by name or number; cleans to a list of Kommune, in the order given."""

    widget = KommuneInputs

    def __init__(self, *, max_kommuner: int = 20, slots: int = 3, **kwargs):
        self.max_kommuner = max_kommuner
        kwargs.setdefault("widget", KommuneInputs(slots=slots, can_grow=True))
        super().__init__(**kwargs)

    def grow(self, entered: int) -> None:
        """Show one input more than the `entered` values (the form's "Legg til" was pressed)."""
        self.widget.slots = min(self.max_kommuner, max(self.widget.slots, entered + 1))

    def to_python(self, value) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value or ""]
        return [" ".join(str(item).split()) for item in values if str(item).strip()]

    def clean(self, value) -> list[Kommune]:
        texts = self.to_python(value)
        if not texts:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(texts) > self.max_kommuner:
            raise ValidationError(
                ngettext(
                    "Du kan velge høyst %(count)d kommune.", "Du kan velge høyst %(count)d kommuner.", self.max_kommuner
                )
                % {"count": self.max_kommuner},
                code="too_many",
            )
        index = KommuneIndex.load()
        chosen: list[Kommune] = []
        errors: list[ValidationError] = []
        for text in texts:
            match = index.match(text[:MAX_INPUT_LENGTH])
            if match.kommune is None:
                errors.append(unknown_kommune_error(text, match))
            elif match.kommune not in chosen:
                chosen.append(match.kommune)
        if errors:
            raise ValidationError(errors)
        return chosen


class KommuneField(KommuneListField):
    """One kommune (or none, when not required): the same picker with a single input."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", KommuneInputs(slots=1))
        super().__init__(max_kommuner=1, **kwargs)

    def clean(self, value) -> Kommune | None:
        kommuner = super().clean(value)
        return kommuner[0] if kommuner else None


def unknown_kommune_error(text: str, match: Match) -> ValidationError:
    shown = text[:40]
    names = gettext(" eller ").join(kommune_label(kommune) for kommune in match.candidates)
    if match.ambiguous:
        return ValidationError(
            _("Flere kommuner heter «%(text)s»: %(candidates)s. Skriv hvilken du mener."),
            code="ambiguous_kommune",
            params={"text": shown, "candidates": names},
        )
    if match.candidates:
        return ValidationError(
            _("Vi fant ingen kommune som heter «%(text)s». Mente du %(candidates)s?"),
            code="unknown_kommune",
            params={"text": shown, "candidates": names},
        )
    return ValidationError(
        _("Vi fant ingen kommune som heter «%(text)s». Skriv navnet eller det firesifrede kommunenummeret."),
        code="unknown_kommune",
        params={"text": shown},
    )

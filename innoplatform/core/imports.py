"""What every file import shares: its error of numbered problems, the checks that keep a line cheap to parse,
and how a management command reports the outcome.

An import checks its whole file first and writes nothing if any of it is wrong; its
error lists every problem with the line (or unit) it was found on.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, models

from .maintenance import is_maintenance_error

T = TypeVar("T")

JSON_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
"""A JSON string (escapes included) or a bracket: enough to measure nesting without parsing."""


class ImportFileError(Exception):
    """The file has problems; `errors` holds (number, message), the number None for the file as a whole.

    `label` says what the numbers count: lines of a JSON Lines file, or units of a register's file.
    """

    label = "Linje"

    def __init__(self, errors: list[tuple[int | None, str]], label: str | None = None):
        self.errors = errors
        if label is not None:
            self.label = label
        super().__init__("\n".join(self.messages()))

    def messages(self) -> list[str]:
        return [
            f"{self.label} {number}: {message}" if number is not None else message for number, message in self.errors
        ]


def number_text(number: int) -> str:
    """A number as Norwegian writes it, with a space between thousands: «200 000»."""
    return f"{number:,}".replace(",", " ")


def max_length(model: type[models.Model], name: str) -> int:
    return model._meta.get_field(name).max_length


def nesting_exceeds(line: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit`; stops there, so 100,000 levels cost nothing."""
    depth = 0
    for match in JSON_STRING_OR_BRACKET.finditer(line):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > limit:
                return True
        elif found in "]}":
            depth -= 1
    return False


def check_line(line: str, *, max_chars: int, max_nesting: int) -> str | None:
    """What makes a line too costly to parse: its length, or nesting that would exhaust json's recursion."""
    if len(line) > max_chars:
        return f"linjen er for lang ({number_text(len(line))} tegn; høyst {number_text(max_chars)})"
    if nesting_exceeds(line, max_nesting):
        return f"linjen har JSON nøstet dypere enn {max_nesting} nivåer"
    return None


def run_import(command: BaseCommand, file: Path, work: Callable[[], T]) -> T:
    """Run an import for a management command: every problem to stderr and a CommandError (exit 1) when the file
    cannot be read, has problems, or meets a read-only or locked database; otherwise `work`'s result."""
    try:
        return work()
    except OSError as error:
        raise CommandError(f"Kan ikke lese {file}: {error.strerror}") from error
    except ImportFileError as error:
        for message in error.messages():
            command.stderr.write(message)
        raise CommandError(f"Ingenting er importert: {len(error.errors)} feil i {file}.") from error
    except DatabaseError as error:
        if not is_maintenance_error(error):
            raise
        raise CommandError(
            "Ingenting er importert: databasen er skrivebeskyttet eller låst akkurat nå. Prøv igjen om litt."
        ) from error

"""URL converters shared by the apps."""


class IdConverter:
    """A database id in a URL: 1–18 digits, so it always fits a 64-bit column (longer numbers are a 404)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)

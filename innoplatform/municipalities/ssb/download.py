"""HTTP access to SSB with urllib: a timeout, and errors the user can act on instead of tracebacks."""

import shutil
import urllib.error
import urllib.request
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 60
USER_AGENT = "Innovasjonsplattformen SSB-import (+https://www.ssb.no/api)"


class DownloadError(Exception):
    """A download failed; the message says why in words for the user."""


def download(url: str, target: Path, *, body: bytes | None = None, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Fetch a URL (POST when there is a body) and stream the response to `target`."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json, text/csv, */*"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, target.open("wb") as out:  # noqa: S310
            shutil.copyfileobj(response, out)
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace").strip() if error.fp else str(error.reason)
        raise DownloadError(
            _("SSB svarte %(status)s for %(url)s: %(detail)s") % {"status": error.code, "url": url, "detail": detail}
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(
            _("Kunne ikke hente %(url)s (%(reason)s). Er maskinen koblet til internett?")
            % {"url": url, "reason": reason}
        ) from None
    return target

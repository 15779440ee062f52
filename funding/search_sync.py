"""Telling the search that a grant changed where no save signal does: status changes are `QuerySet.update()`s.

Call `grant_changed(application)` after each status change (funding.lifecycle.move);
the search indexes the application when it is now public and takes it out when not.
"""

from search.sync import object_changed

from .models import Application


def grant_changed(application: Application) -> None:
    object_changed(application)

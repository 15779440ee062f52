"""Factories for the shared page types."""

import wagtail_factories

from .models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Om plattformen"
    introduction = "Hvem plattformen er for."

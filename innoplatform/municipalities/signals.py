"""Signals of the municipalities app.

`population_imported` is sent once after an import (or the demo generator) has
committed population figures; receivers recompute what derives from them.
Arguments: ``datasets`` (list of PopulationDataset).
"""

from django.dispatch import Signal

population_imported = Signal()

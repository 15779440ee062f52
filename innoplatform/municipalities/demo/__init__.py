"""Demo population: SSB's real 1 January 2024 population, with history and projections generated from it.

`base` reads the shipped SSB file, `cohort` is the documented cohort model
(pure functions), `loader` writes the demo datasets. See docs/demography.md.
"""

from .loader import DEMO_SOURCE, load_demo_population

__all__ = ["DEMO_SOURCE", "load_demo_population"]

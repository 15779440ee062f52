"""Models of the municipalities app: the registry and the demographic data."""

from .demography import DemographicSummary
from .population import AgeGroup, PopulationDataset, PopulationFigure, Sex
from .registry import Fylke, Kommune
from .services import Service, ServiceRate

__all__ = [
    "AgeGroup",
    "DemographicSummary",
    "Fylke",
    "Kommune",
    "PopulationDataset",
    "PopulationFigure",
    "Service",
    "ServiceRate",
    "Sex",
]

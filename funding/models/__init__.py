"""Funding calls, applications with their partners and budgets, assessments, allocations and reports."""

from .applications import Application, ApplicationCode, ApplicationPartner, BudgetLine
from .assessment import Allocation, Assessment, Score
from .calls import AssessmentCriterion, FundingCall, OfficeDesk
from .reports import Report, ReportReminder

__all__ = [
    "Allocation",
    "Application",
    "ApplicationCode",
    "ApplicationPartner",
    "Assessment",
    "AssessmentCriterion",
    "BudgetLine",
    "FundingCall",
    "OfficeDesk",
    "Report",
    "ReportReminder",
    "Score",
]

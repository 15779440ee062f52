"""The funding pages of applicants and offices: calls, applications, assessment and decisions, reports."""

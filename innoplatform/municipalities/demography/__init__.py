"""Demographic profiles: from SSB population figures to indicators, challenges, service needs and charts.

Pure computations (aggregation, indicators, challenges, services, similarity,
charts) take plain dicts and numbers so they can be checked by hand; `datasets`,
`summaries` and `profile` are the only modules that query the database.
"""

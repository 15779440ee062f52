"""The kommune registry: fylker and kommuner, their pages and, later, their demographic profiles."""

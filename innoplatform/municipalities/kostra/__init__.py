"""Import of KOSTRA coverage rates (SSB table 13502, kindergarten) into a kommune's own service rates.

`regions` maps KOSTRA's region codes onto the 2024 kommuner, `parsers` reads
SSB's exports (the long CSV, StatBank's semicolon CSV and JSON-stat2) into
values, and `rates` turns the latest value per kommune into a ServiceRate.
The checks are those of `import_ssb`: every error names its line and field, and
nothing is written while any remains.
"""

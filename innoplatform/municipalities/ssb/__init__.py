"""Reading Statistics Norway (SSB) population tables into PopulationDataset/PopulationFigure.

The package is split by job: `tables` knows SSB's tables and projection
alternatives, `values` and `regions` turn SSB's codes and labels into ours,
`jsonstat`, `statbank_csv` and `tidy_csv` parse one format each into a
`FigureBuffer`, `sources` opens a file or URL and picks the parser, `writer`
stores the buffer, `importer` ties it together, and `pxweb`/`download` fetch
fresh data from SSB's PxWebApi.
"""

"""The stages put together: the pipeline, writing docs/, the record of the last run, the MkDocs hook."""

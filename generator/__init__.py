"""Generator of the China–Iran Readouts Archive: archive/ in, Markdown pages in docs/ out.

Stages, one module each: load → validate → model → index → render → write.
`pipeline` ties them together; `__main__` is the command line.
"""

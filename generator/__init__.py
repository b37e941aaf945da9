"""Generator of the China–Iran Readouts Archive: archive/ in, Markdown pages in docs/ out.

The folders are the pipeline's stages, and imports run one way, from the command line down:
core ← archive ← pages ← outputs, contribute ← build ← `__main__` (the command line).
"""

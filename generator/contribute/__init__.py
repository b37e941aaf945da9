"""For contributors: the field reference and the drafting of a readout from raw text."""

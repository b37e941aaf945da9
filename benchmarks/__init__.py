"""Benchmarks and synthetic archives: outside the shipped package, run by `make bench`."""

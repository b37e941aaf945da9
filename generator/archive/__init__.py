"""The archive read and checked: load, schema, registries, validate, check."""

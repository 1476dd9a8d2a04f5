"""Extraction: ACLED-style events and numeric and control claims from annotated sentences."""

"""Evaluation of warwire's components against annotated corpora."""

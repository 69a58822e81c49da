"""Soraq: tracing and documenting people coerced into the Russian army.

Data flows one way: ingest -> extract -> link -> registry.
"""

__version__ = "0.1.0"

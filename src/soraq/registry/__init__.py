"""The registry: documents, the people they mention, and what happened to them.

Data arrives only through :mod:`soraq.registry.services.ingest` (documents are
stored, extracted and linked there); the pages read it.
"""

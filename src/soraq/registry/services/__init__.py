"""What the registry does with data: ingest, link, roll up, search, present."""

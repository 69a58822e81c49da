"""Case-work services: the logic behind the views, usable from commands and tests."""

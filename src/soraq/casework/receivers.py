"""Receivers that react to the registry (filled in with the alert service)."""


def connect() -> None:
    return None

"""People, their titles and organisations, and personnel events."""

from .events import extract_personnel

__all__ = ["extract_personnel"]

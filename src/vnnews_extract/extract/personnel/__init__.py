"""People, their titles and organisations, and personnel events."""

from .merge import extract_personnel

__all__ = ["extract_personnel"]

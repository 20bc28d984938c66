"""Statistics: figures, their subjects, periods and scope."""

from .figures import extract_statistics

__all__ = ["extract_statistics"]

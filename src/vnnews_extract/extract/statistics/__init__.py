"""Statistics: figures, their subjects, periods and scope."""

from .extractor import FoundFigures, extract_statistics, find_figures

__all__ = ["FoundFigures", "extract_statistics", "find_figures"]

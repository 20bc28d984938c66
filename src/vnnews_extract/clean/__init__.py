"""Stage 1: any page or text -> CleanedArticle (decode, legacy encodings, HTML or text cleaning)."""

from .page import clean, looks_like_html, read_text

__all__ = ["clean", "looks_like_html", "read_text"]

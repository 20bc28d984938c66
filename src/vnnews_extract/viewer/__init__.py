"""Evidence viewer: an article's records highlighted on its text, as one self-contained HTML page
(``render``), and the ``show`` command over an input or a batch output (``show``)."""

from .page import render

__all__ = ["render"]

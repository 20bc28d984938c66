"""The library's own errors. Anything else escaping the pipeline is a bug."""


class VnnewsError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(VnnewsError):
    """The input cannot be read: empty, undecodable, too large, not text."""


class CleanError(VnnewsError):
    """The cleaner could not make sense of the page."""


class ExtractError(VnnewsError):
    """An extractor could not finish on this input (a safety net: it should not happen)."""


class AlignmentError(VnnewsError):
    """Word tokens from underthesea could not be aligned to the normalised text."""


class LexiconError(VnnewsError):
    """A lexicon data file is malformed."""


class ConfigError(VnnewsError, ValueError):
    """Options asked for that do not exist or cannot be (an unknown key, a value of the wrong kind)."""

    def __init__(self, message: str, key: str | None = None, problem: str | None = None) -> None:
        super().__init__(message)
        self.key = key  # the Options field at fault, when one is
        self.problem = problem or message  # what is wrong with it, without naming it

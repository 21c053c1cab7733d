"""Exceptions: every one says which input was wrong and what was expected, in one line."""


class DatelineError(Exception):
    """Base of Dateline's own errors."""


class InputError(DatelineError):
    """An input could not be read: ``location`` names the file (and line), ``message`` says
    what was wrong and what was expected."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class ModelMissingError(DatelineError):
    """The spaCy pipeline package is not installed."""

"""Errors a user can cause. Their message is Chinese and is shown as is."""


class UserError(Exception):
    """A problem the user can fix: bad input, a refused step, a locked database. `field` names
    the input it concerns (the label the message starts with), for a form to focus."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NewerSchemaError(UserError):
    """The database was written by a newer NormDesk; it is left untouched."""


class DamagedDatabaseError(UserError):
    """The database file cannot be read as a database; it is left as it is."""

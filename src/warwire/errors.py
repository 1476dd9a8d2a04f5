"""The one exception tree of warwire.

Every error the library raises on purpose is a ``WarwireError``; each class knows the
HTTP status a web layer should answer with, and the CLI prints ``str(error)`` as a
one-line message.

    WarwireError (500)
    ├── InputError (400)           a report that cannot be read: names the file or URL
    │   └── FetchError (502)       a URL that could not be fetched (timeout, 404, refused)
    ├── ConfigError (400)          a bad setting or option value
    ├── NotFoundError (404)        a document, entity or record that does not exist
    └── StoreError (500)           the database refused or is in a state we cannot use
"""

from __future__ import annotations


class WarwireError(Exception):
    """Base class of every error warwire raises on purpose."""

    http_status = 500


class InputError(WarwireError):
    """A report that cannot be read; ``source`` names the file, URL or ``<stdin>``."""

    http_status = 400

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"cannot read {source}: {problem}")


class FetchError(InputError):
    """A URL that could not be fetched: timeout, HTTP error, refused address."""

    http_status = 502


class ConfigError(WarwireError):
    """A setting or option with a value we cannot use."""

    http_status = 400


class NotFoundError(WarwireError):
    """A requested record that does not exist."""

    http_status = 404


class StoreError(WarwireError):
    """The database could not be opened, migrated or written."""

    http_status = 500

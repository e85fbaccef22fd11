"""Named errors. The CLI and API map them to exit codes and messages at their edge."""


class RasidError(Exception):
    """Base class of Rasid's errors."""


class InputError(RasidError, ValueError):
    """Input that cannot be analysed: empty, binary, undecodable, oversized or malformed."""


class NotArabicError(InputError):
    """Text that is not Arabic (another script, or Persian/Urdu in Arabic script)."""


class QueryError(RasidError, ValueError):
    """A query parameter that cannot be answered: an unknown event type, an actor nobody matches."""


class DateError(QueryError):
    """A date parameter that is not an ISO date (2015-08-01, 2015-08, 2015)."""


class StoreError(RasidError):
    """A database that does not exist or cannot be opened."""


class NoVectorsError(QueryError):
    """Semantic search over a database whose articles have no vectors yet (``rasid embed``)."""

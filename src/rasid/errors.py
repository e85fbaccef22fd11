"""Named errors. The CLI and API map them to exit codes and messages at their edge."""


class RasidError(Exception):
    """Base class of Rasid's errors."""


class InputError(RasidError, ValueError):
    """Input that cannot be analysed: empty, binary, undecodable, oversized or malformed."""


class NotArabicError(InputError):
    """Text that is not Arabic (another script, or Persian/Urdu in Arabic script)."""

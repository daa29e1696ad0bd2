"""Publication dates as written in metadata: ISO 8601, RFC 822 (feeds), and a lenient fallback.

The date is the calendar date the source wrote, in the source's own time zone: a timestamp
"2023-09-20T23:30:00-05:00" is 20 September, not converted to UTC.

>>> parse_published("2023-09-20")
datetime.date(2023, 9, 20)
>>> parse_published("2023-09-20T10:00:00Z")
datetime.date(2023, 9, 20)
>>> parse_published("Wed, 20 Sep 2023 10:00:00 +0300")
datetime.date(2023, 9, 20)
>>> parse_published("not a date") is None
True
"""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime

__all__ = ["parse_published"]

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")


def parse_published(value: object) -> _dt.date | None:
    """A :class:`datetime.date` from ``value`` (a date, datetime or string), or None."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    m = _ISO_DATE.match(s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not any(ch.isdigit() for ch in s):
        return None
    # dateparser is slow to import: only for what the two standard forms did not match,
    # e.g. "20 سبتمبر 2023" or "September 20, 2023".
    import dateparser

    # STRICT_PARSING: a day, a month and a year, or nothing (no guessing "today" for "2023")
    got = dateparser.parse(s, settings={"STRICT_PARSING": True})
    return got.date() if got else None

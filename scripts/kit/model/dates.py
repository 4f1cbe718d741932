"""Dates: strict parsing with editor messages, month arithmetic, the build's notion of today."""
from __future__ import annotations

import calendar
import os
import re
from datetime import date, datetime, timezone

MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_iso(value) -> date | None:
    """A real calendar date from 'YYYY-MM-DD', or None."""
    if isinstance(value, date):
        return value
    m = _ISO.match(str(value).strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def today() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH so that two builds of one commit agree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def human(d: date, lang: str = "pl") -> str:
    if lang == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS_PL[d.month - 1]} {d.year} r."

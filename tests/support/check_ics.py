#!/usr/bin/env python3
"""Checks an .ics file Loa wrote and prints what a real parser (`icalendar`) reads from it.

Usage: check_ics.py FILE.ics

First the raw bytes are checked against RFC 5545 §3.1: CRLF line ends only (the last line too),
no physical line over 75 octets, each physical line valid UTF-8 on its own (a fold never cuts
a character). Then the file is parsed with `icalendar.Calendar.from_ical` and a JSON document
goes to stdout:

    {"calname": ..., "events": [{"uid", "summary", "description", "dtstart", "dtend",
     "dtstart_is_date", "dtend_is_date", "dtstamp", "url"}, ...]}

Dates are YYYY-MM-DD, DTSTAMP is ISO 8601 with its offset; absent properties are null. Any
violation exits with status 1 and a message on stderr. Run by tests/common/ical.rs.
"""

import datetime
import json
import sys

import icalendar
from icalendar.parser import unescape_backslash

MAX_OCTETS = 75


def fail(msg):
    print(f"check_ics.py: {msg}", file=sys.stderr)
    sys.exit(1)


def check_raw(raw):
    if not raw:
        fail("the file is empty")
    if not raw.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    lines = raw[:-2].split(b"\r\n")
    for n, line in enumerate(lines, 1):
        if b"\n" in line:
            fail(f"line {n}: bare LF (line ends must be CRLF): {line!r}")
        if b"\r" in line:
            fail(f"line {n}: bare CR: {line!r}")
        if len(line) > MAX_OCTETS:
            fail(f"line {n}: {len(line)} octets, more than {MAX_OCTETS}: {line!r}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"line {n}: not valid UTF-8 on its own (a fold cut a character?): {e}: {line!r}")


def text(v):
    return None if v is None else str(v)


def day(component, name):
    """(YYYY-MM-DD or None, whether it is a DATE rather than a DATE-TIME)."""
    prop = component.get(name)
    if prop is None:
        return None, False
    value = prop.dt
    is_date = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    if is_date and prop.params.get("VALUE") != "DATE":
        fail(f"{name} is a date without VALUE=DATE")
    return value.isoformat()[:10], is_date


def main():
    if len(sys.argv) != 2:
        fail("usage: check_ics.py FILE.ics")
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    check_raw(raw)
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parse failure is a failed check
        fail(f"icalendar could not parse the file: {e!r}")
    if cal.name != "VCALENDAR":
        fail(f"top component is {cal.name}, not VCALENDAR")
    for required in ("PRODID", "VERSION"):
        if cal.get(required) is None:
            fail(f"VCALENDAR has no {required}")
    calname = cal.get("X-WR-CALNAME")
    events = []
    for ev in cal.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if ev.get(required) is None:
                fail(f"a VEVENT has no {required}")
        dtstart, dtstart_is_date = day(ev, "DTSTART")
        dtend, dtend_is_date = day(ev, "DTEND")
        stamp = ev["DTSTAMP"].dt
        if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
            fail(f"DTSTAMP is not a UTC date-time: {stamp!r}")
        events.append(
            {
                "uid": text(ev.get("UID")),
                "summary": text(ev.get("SUMMARY")),
                "description": text(ev.get("DESCRIPTION")),
                "dtstart": dtstart,
                "dtend": dtend,
                "dtstart_is_date": dtstart_is_date,
                "dtend_is_date": dtend_is_date,
                "dtstamp": stamp.isoformat(),
                "url": text(ev.get("URL")),
                "transp": text(ev.get("TRANSP")),
            }
        )
    json.dump(
        {
            # icalendar leaves X- properties escaped; their default type is TEXT (§3.8.8.2).
            "calname": None if calname is None else unescape_backslash(str(calname)),
            "events": events,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

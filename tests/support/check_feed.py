#!/usr/bin/env python3
"""Checks an Atom feed Loa wrote and prints what a real feed parser (`feedparser`) reads from it.

Usage: check_feed.py FILE.xml

The file is parsed with `feedparser.parse` (from an open file, so nothing is fetched), then:

  - the parse must be clean: `bozo` unset (not well-formed XML, a wrong encoding declaration and
    the like set it; the exception is printed);
  - the format must be Atom 1.0 (`version == 'atom10'`);
  - the feed must have an id, a title, an `updated` that feedparser could read as a date, and a
    `rel="self"` link;
  - every entry must have an id, a title, a link and a readable `updated` (and a readable
    `published` when it has one).

On success a JSON document goes to stdout:

    {"title": ..., "id": ..., "self": ..., "updated": ...,
     "entries": [{"id", "title", "link", "published", "updated"}, ...]}

Dates are as written in the feed; an absent `published` is null. Any violation exits with
status 1 and a message on stderr. Run by tests/common/validate.rs.
"""

import json
import sys

import feedparser


def fail(msg):
    print(f"check_feed.py: {msg}", file=sys.stderr)
    sys.exit(1)


def require(obj, key, what):
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        fail(f"{what} has no {key}")
    return value


def require_date(obj, key, what):
    value = require(obj, key, what)
    if obj.get(f"{key}_parsed") is None:
        fail(f"{what}: {key} {value!r} is not a date feedparser can read")
    return value


def main():
    if len(sys.argv) != 2:
        fail("usage: check_feed.py FILE.xml")
    try:
        with open(sys.argv[1], "rb") as f:
            d = feedparser.parse(f)
    except OSError as e:
        fail(f"cannot read {sys.argv[1]}: {e}")
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        fail(f"feedparser could not parse the feed cleanly (bozo): {type(exc).__name__}: {exc}")
    if d.get("version") != "atom10":
        fail(f"not an Atom 1.0 feed: feedparser reads version {d.get('version')!r}")

    feed = d.feed
    title = require(feed, "title", "the feed")
    feed_id = require(feed, "id", "the feed")
    updated = require_date(feed, "updated", "the feed")
    selves = [
        link["href"] for link in feed.get("links", []) if link.get("rel") == "self" and link.get("href")
    ]
    if not selves:
        fail("the feed has no rel=\"self\" link")

    entries = []
    for n, e in enumerate(d.entries, 1):
        what = f"entry {n} ({e.get('title') or e.get('id') or 'untitled'!r})"
        published = e.get("published")
        if published is not None:
            require_date(e, "published", what)
        entries.append(
            {
                "id": require(e, "id", what),
                "title": require(e, "title", what),
                "link": require(e, "link", what),
                "published": published,
                "updated": require_date(e, "updated", what),
            }
        )

    json.dump(
        {"title": title, "id": feed_id, "self": selves[0], "updated": updated, "entries": entries},
        sys.stdout,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

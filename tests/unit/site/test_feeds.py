"""Atom feeds: every element RFC 4287 requires, stable ids, the newest 50, same bytes."""

from __future__ import annotations

import random
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import pytest
from briefings.site.feeds import (
    ATOM_MEDIA_TYPE,
    EMPTY_FEED_UPDATED,
    FeedEntry,
    TagAuthority,
    atom_feed,
    briefing_entry_id,
    entity_feed_id,
    site_feed_id,
    xml_text,
)
from hypothesis import given, settings
from hypothesis import strategies as st

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://briefings.example.org/"
AUTHORITY = TagAuthority("briefings.example.org", "2025")
# RFC 3339 date-time: full-date "T" full-time with a numeric offset or Z.
RFC3339_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.ASCII)
# RFC 4151: "tag:" authority "," date ":" specific, specific being URI pchars, "/" and "?".
TAG_URI_RE = re.compile(
    r"tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:"
    r"([A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*"
)


def entry(key: str, day: date, **fields: object) -> FeedEntry:
    """A briefing entry for seed ``key`` dated ``day``."""
    values: dict[str, object] = {
        "id": briefing_entry_id(AUTHORITY, key),
        "title": f"Briefing {key}",
        "url": f"{SITE}briefings/{key.removesuffix('.txt')}/",
        "published": day,
        "summary": f"What happened in {key}.",
    }
    values.update(fields)
    return FeedEntry(**values)  # type: ignore[arg-type]


def site_feed(entries: Sequence[FeedEntry], **arguments: object) -> bytes:
    """The site feed of ``entries``, with the site's usual arguments unless overridden."""
    values: dict[str, object] = {
        "feed_id": site_feed_id(AUTHORITY),
        "title": "Briefings",
        "subtitle": "Annotated news",
        "author": "The briefings desk",
        "site_url": SITE,
        "self_url": f"{SITE}feed.xml",
        "alternate_url": SITE,
        "entries": entries,
    }
    values.update(arguments)
    return atom_feed(**values)  # type: ignore[arg-type]


def parse(document: bytes) -> ET.Element:
    assert document.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ET.fromstring(document)
    assert root.tag == f"{ATOM}feed"
    return root


def only(parent: ET.Element, name: str) -> ET.Element:
    """The one child ``name`` of ``parent``; RFC 4287 allows exactly one."""
    found = parent.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{parent.tag} has {len(found)} <{name}>"
    return found[0]


def links(parent: ET.Element, rel: str) -> list[ET.Element]:
    # RFC 4287 4.2.7.2: a link without rel is an alternate link.
    return [ln for ln in parent.findall(f"{ATOM}link") if ln.get("rel", "alternate") == rel]


def entry_ids(document: bytes) -> list[str]:
    return [only(item, "id").text or "" for item in parse(document).iter(f"{ATOM}entry")]


def assert_atom(root: ET.Element) -> None:
    """Assert every element RFC 4287 requires of a feed and its entries (section 4.1)."""
    for name in ("id", "title", "updated"):
        assert (only(root, name).text or "").strip()
    authors = root.findall(f"{ATOM}author")  # required: the entries carry no author
    assert authors
    assert all((only(author, "name").text or "").strip() for author in authors)
    alternates = links(root, "alternate")
    assert len(alternates) == 1
    assert alternates[0].get("type") == "text/html"
    selves = links(root, "self")
    assert len(selves) == 1
    assert selves[0].get("type") == ATOM_MEDIA_TYPE
    for item in root.iter(f"{ATOM}entry"):
        assert not item.findall(f"{ATOM}author")
        for name in ("id", "title", "updated", "published"):
            assert (only(item, name).text or "").strip()
        assert not item.findall(f"{ATOM}content")
        only(item, "summary")  # required when an entry has no content
        alternates = links(item, "alternate")
        assert len(alternates) == 1
        assert alternates[0].get("rel") == "alternate"
        assert alternates[0].get("type") == "text/html"
        assert (alternates[0].get("href") or "").startswith("https://")


def test_a_feed_has_every_element_rfc_4287_requires() -> None:
    items = [entry("a.txt", date(2024, 3, 5)), entry("b.txt", date(2024, 3, 4))]
    root = parse(site_feed(items))
    assert_atom(root)
    assert only(root, "id").text == "tag:briefings.example.org,2025:briefings"
    assert only(root, "title").text == "Briefings"
    assert only(root, "subtitle").text == "Annotated news"
    assert links(root, "alternate")[0].get("href") == SITE
    assert links(root, "self")[0].get("href") == f"{SITE}feed.xml"
    first = next(root.iter(f"{ATOM}entry"))
    assert only(first, "id").text == "tag:briefings.example.org,2025:briefing/a.txt"
    assert only(first, "title").text == "Briefing a.txt"
    assert links(first, "alternate")[0].get("href") == f"{SITE}briefings/a/"
    assert only(first, "summary").text == "What happened in a.txt."


def test_an_empty_feed_is_valid_and_dated_by_no_clock() -> None:
    root = parse(site_feed([]))
    assert_atom(root)
    assert not root.findall(f"{ATOM}entry")
    assert only(root, "updated").text == "1970-01-01T00:00:00+00:00"
    assert date(1970, 1, 1) == EMPTY_FEED_UPDATED
    chosen = parse(site_feed([], empty_updated=date(2025, 1, 2)))
    assert only(chosen, "updated").text == "2025-01-02T00:00:00+00:00"


def test_an_empty_summary_is_still_an_element() -> None:
    root = parse(site_feed([entry("a.txt", date(2024, 1, 1), summary="")]))
    assert_atom(root)
    summary = only(next(root.iter(f"{ATOM}entry")), "summary")
    assert (summary.text or "") == ""


def test_dates_are_rfc_3339_at_midnight_utc_and_the_feed_is_as_new_as_its_newest_entry() -> None:
    items = [
        entry("old.txt", date(2024, 2, 1), updated=date(2024, 3, 9)),  # corrected later
        entry("new.txt", date(2024, 3, 5)),
    ]
    root = parse(site_feed(items))
    stamps = [element.text or "" for element in root.iter() if element.tag.endswith("updated")]
    stamps += [element.text or "" for element in root.iter(f"{ATOM}published")]
    assert len(stamps) == 1 + 2 * 2
    for stamp in stamps:
        assert RFC3339_RE.fullmatch(stamp), stamp
        moment = datetime.fromisoformat(stamp)
        assert moment.utcoffset() == timedelta(0)
        assert moment.time() == datetime.min.time()
    assert only(root, "updated").text == "2024-03-09T00:00:00+00:00"  # not the clock
    old = [item for item in root.iter(f"{ATOM}entry") if "old" in (only(item, "id").text or "")]
    assert only(old[0], "published").text == "2024-02-01T00:00:00+00:00"
    assert only(old[0], "updated").text == "2024-03-09T00:00:00+00:00"


def test_entries_are_newest_first_and_a_day_s_entries_in_id_order() -> None:
    items = [
        entry("b.txt", date(2024, 3, 5)),
        entry("old.txt", date(2024, 1, 1)),
        entry("c.txt", date(2024, 3, 5)),
        entry("a.txt", date(2024, 3, 5)),
        entry("new.txt", date(2024, 4, 1)),
    ]
    keys = [entry_id.rsplit("/", 1)[1] for entry_id in entry_ids(site_feed(items))]
    assert keys == ["new.txt", "a.txt", "b.txt", "c.txt", "old.txt"]


def test_the_same_entries_in_any_order_give_the_same_bytes() -> None:
    items = [entry(f"{n:03}.txt", date(2024, 1, 1) + timedelta(days=n // 3)) for n in range(70)]
    first = site_feed(items)
    shuffled = items[:]
    random.Random(4287).shuffle(shuffled)
    assert site_feed(shuffled) == first
    assert site_feed(tuple(reversed(items))) == first
    generator = only(parse(first), "generator")
    assert generator.text == "mkdocs-briefings"
    assert generator.get("version") is None  # would change the bytes on every upgrade


def test_the_limit_keeps_the_newest_50() -> None:
    start = date(2024, 1, 1)
    items = [entry(f"{n:03}.txt", start + timedelta(days=n)) for n in range(60)]
    root = parse(site_feed(items))
    assert_atom(root)
    assert entry_ids(site_feed(items)) == [item.id for item in reversed(items[10:])]
    assert only(root, "updated").text == f"{start + timedelta(days=59)}T00:00:00+00:00"
    assert len(entry_ids(site_feed(items, limit=3))) == 3
    assert entry_ids(site_feed(items, limit=0)) == []


def test_entry_ids_do_not_change_when_another_seed_is_added() -> None:
    before = [entry("2024/kyiv.txt", date(2024, 3, 1)), entry("2024/sahel.txt", date(2024, 3, 2))]
    # A seed that sorts first, shares a date and takes a slug-like name of its own.
    added = entry("2024/a-kyiv.txt", date(2024, 3, 1), title="Briefing 2024/kyiv.txt")
    ids_before = {item.url: item.id for item in before}
    document = site_feed([*before, added])
    root = parse(document)
    ids_after = {
        links(item, "alternate")[0].get("href"): only(item, "id").text
        for item in root.iter(f"{ATOM}entry")
    }
    assert {url: ids_after[url] for url in ids_before} == ids_before
    assert len(set(ids_after.values())) == 3
    # An entity feed carries the same briefing under the same id.
    wagner = atom_feed(
        feed_id=entity_feed_id(AUTHORITY, "wagner"),
        title="Wagner – Briefings",
        author="The briefings desk",
        site_url=SITE,
        self_url=f"{SITE}entities/wagner/feed.xml",
        alternate_url=f"{SITE}entities/wagner/",
        entries=before[1:],
    )
    assert entry_ids(wagner) == [before[1].id]


@pytest.mark.parametrize(
    ("seed_key", "specific"),
    [
        ("kyiv.txt", "briefing/kyiv.txt"),
        ("2024/03/kyiv talks.md", "briefing/2024/03/kyiv%20talks.md"),
        ("Донецьк.txt", "briefing/%D0%94%D0%BE%D0%BD%D0%B5%D1%86%D1%8C%D0%BA.txt"),
        ("a#b%c<d>.txt", "briefing/a%23b%25c%3Cd%3E.txt"),
        ("Zürich.txt", "briefing/Z%C3%BCrich.txt"),
        (unicodedata.normalize("NFD", "Zürich.txt"), "briefing/Z%C3%BCrich.txt"),
    ],
)
def test_briefing_ids_are_tag_uris_of_the_seed_key(seed_key: str, specific: str) -> None:
    expected = f"tag:briefings.example.org,2025:{specific}"
    assert briefing_entry_id(AUTHORITY, seed_key) == expected
    assert TAG_URI_RE.fullmatch(expected)


def test_feed_ids_are_tag_uris_distinct_from_entry_ids() -> None:
    ids = [
        site_feed_id(AUTHORITY),
        entity_feed_id(AUTHORITY, "wagner-group"),
        entity_feed_id(AUTHORITY, "kyiv"),
        briefing_entry_id(AUTHORITY, "kyiv"),
    ]
    assert ids[1] == "tag:briefings.example.org,2025:entity/wagner-group"
    assert len(set(ids)) == len(ids)
    assert all(TAG_URI_RE.fullmatch(value) for value in ids)


def test_the_tag_authority_follows_rfc_4151() -> None:
    assert TagAuthority.from_site_url("https://Briefings.Example.org/news/", "2025-06") == (
        TagAuthority("briefings.example.org", "2025-06")
    )
    assert (
        TagAuthority("desk@example.org", "2025-06-30").tag("x")
        == "tag:desk@example.org,2025-06-30:x"
    )
    for name, day in [
        ("Briefings.example.org", "2025"),
        ("briefings example.org", "2025"),
        ("", "2025"),
        ("example.org", "25"),
        ("example.org", "2025-13"),
        ("example.org", "2025-06-31x"),
    ]:
        with pytest.raises(ValueError):
            TagAuthority(name, day)
    with pytest.raises(ValueError, match="no host"):
        TagAuthority.from_site_url("/relative/", "2025")


@pytest.mark.parametrize("seed_key", ["", "/abs/kyiv.txt", "2024\\kyiv.txt"])
def test_a_seed_key_is_a_relative_posix_path(seed_key: str) -> None:
    with pytest.raises(ValueError, match="seed key"):
        briefing_entry_id(AUTHORITY, seed_key)


@pytest.mark.parametrize(
    "markup",
    [
        "<b>Wagner</b> & co",
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "&amp; is not &lt;b&gt;",
        "]]> <![CDATA[ x ]]>",
    ],
)
def test_markup_in_seed_text_is_escaped_text(markup: str) -> None:
    item = entry("a.txt", date(2024, 1, 1), title=markup, summary=markup, categories=(markup,))
    document = site_feed([item], title=markup, subtitle=markup)
    assert b"<script" not in document and b"<b>" not in document and b"<img" not in document
    root = parse(document)
    first = next(root.iter(f"{ATOM}entry"))
    summary = only(first, "summary")
    assert summary.get("type") == "text"
    for element in (only(root, "title"), only(root, "subtitle"), only(first, "title"), summary):
        assert element.text == markup
        assert len(element) == 0  # no child elements: nothing was parsed as markup
        assert element.get("type") in (None, "text")
    assert only(first, "category").get("term") == markup


def test_non_ascii_titles_are_written_as_utf_8() -> None:
    titles = ["Київ: переговори", "الخرطوم", "Zürich – “quotes” 🛰️", "北京"]
    items = [entry(f"{n}.txt", date(2024, 1, 1), title=t) for n, t in enumerate(titles)]
    document = site_feed(items, title="Брифінги")
    root = parse(document)
    assert only(root, "title").text == "Брифінги"
    assert [only(item, "title").text for item in root.iter(f"{ATOM}entry")] == titles
    assert "Київ".encode() in document  # UTF-8, not character references


def test_characters_xml_cannot_carry_are_dropped() -> None:
    item = entry("a.txt", date(2024, 1, 1), title="Form\x0cfeed\x00", summary="bell\x07 \ud800end")
    first = next(parse(site_feed([item])).iter(f"{ATOM}entry"))
    assert only(first, "title").text == "Formfeed"
    assert only(first, "summary").text == "bell end"


@settings(max_examples=150, deadline=None)
@given(title=st.text(min_size=1), summary=st.text())
def test_any_text_survives_as_text(title: str, summary: str) -> None:
    if not xml_text(title).strip():
        with pytest.raises(ValueError, match="needs a title"):
            entry("a.txt", date(2024, 1, 1), title=title)
        return
    item = entry("a.txt", date(2024, 1, 1), title=title, summary=summary)
    first = next(parse(site_feed([item])).iter(f"{ATOM}entry"))
    assert only(first, "title").text == xml_text(title)
    assert (only(first, "summary").text or "") == xml_text(summary)


def test_categories_keep_their_order_without_repeats() -> None:
    item = entry("a.txt", date(2024, 1, 1), categories=("wagner", "kyiv", "wagner", " ", "mali"))
    first = next(parse(site_feed([item])).iter(f"{ATOM}entry"))
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["wagner", "kyiv", "mali"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"url": "/briefings/a/"}, "absolute"),
        ({"url": "javascript:alert(1)"}, "absolute"),
        ({"title": " \x00 "}, "needs a title"),
        ({"id": ""}, "needs an id"),
        ({"published": datetime(2024, 1, 1, 12, tzinfo=UTC)}, "not datetimes"),
        ({"updated": datetime(2024, 1, 1, 12, tzinfo=UTC)}, "not datetimes"),
    ],
)
def test_a_malformed_entry_is_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        entry("a.txt", date(2024, 1, 1), **fields)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"self_url": "feed.xml"}, "self_url"),
        ({"alternate_url": "/"}, "alternate_url"),
        ({"site_url": ""}, "site_url"),
        ({"feed_id": ""}, "needs an id"),
        ({"title": ""}, "needs a title"),
        ({"author": " "}, "needs an author"),
        ({"limit": -1}, "negative"),
    ],
)
def test_malformed_feed_arguments_are_refused(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        site_feed([entry("a.txt", date(2024, 1, 1))], **arguments)


def test_two_entries_with_one_id_are_refused() -> None:
    twice = [entry("a.txt", date(2024, 1, 1)), entry("a.txt", date(2024, 2, 1), title="Other")]
    with pytest.raises(ValueError, match="two feed entries have the id"):
        site_feed(twice)

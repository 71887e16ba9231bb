"""Truth tables for resolving date phrases against a briefing's date (2022-09-07, a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest
from briefings.sourcing.dates import (
    ResolvedDate,
    date_phrase_at,
    date_phrase_ending_at,
    find_date_phrase,
    find_date_phrases,
    resolve_relative_date,
)
from hypothesis import given, settings
from hypothesis import strategies as st

WEDNESDAY = date(2022, 9, 7)


@pytest.mark.parametrize(
    ("phrase", "iso", "precision"),
    [
        # weekdays: most recent such day before the briefing; its own weekday is today
        ("on Tuesday", "2022-09-06", "day"),
        ("Tuesday", "2022-09-06", "day"),
        ("on Monday", "2022-09-05", "day"),
        ("on Thursday", "2022-09-01", "day"),
        ("on Wednesday", "2022-09-07", "day"),
        ("last Wednesday", "2022-08-31", "day"),
        ("last Tuesday", "2022-09-06", "day"),
        ("next Monday", "2022-09-12", "day"),
        ("Friday morning", "2022-09-02", "day"),
        # days relative to the briefing
        ("yesterday", "2022-09-06", "day"),
        ("today", "2022-09-07", "day"),
        ("tonight", "2022-09-07", "day"),
        ("last night", "2022-09-06", "day"),
        ("the day before yesterday", "2022-09-05", "day"),
        ("tomorrow", "2022-09-08", "day"),
        # weeks: Monday to Sunday
        ("last week", "2022-W35", "week"),
        ("this week", "2022-W36", "week"),
        ("earlier this week", "2022-W36", "week"),
        ("earlier in the week", "2022-W36", "week"),
        ("next week", "2022-W37", "week"),
        ("the previous week", "2022-W35", "week"),
        # months
        ("last month", "2022-08", "month"),
        ("this month", "2022-09", "month"),
        ("earlier this month", "2022-09", "month"),
        ("in July", "2022-07", "month"),
        ("in August", "2022-08", "month"),
        ("in September", "2022-09", "month"),
        ("in October", "2021-10", "month"),
        ("last September", "2021-09", "month"),
        ("since March", "2022-03", "month"),
        ("mid-August", "2022-08", "month"),
        ("in Oct.", "2021-10", "month"),
        ("September 2022", "2022-09", "month"),
        ("in March 2020", "2020-03", "month"),
        # years
        ("last year", "2021", "year"),
        ("this year", "2022", "year"),
        ("in 2014", "2014", "year"),
        ("since 2014", "2014", "year"),
        # explicit days
        ("on 5 September", "2022-09-05", "day"),
        ("5 September", "2022-09-05", "day"),
        ("September 5", "2022-09-05", "day"),
        ("on Sept. 5", "2022-09-05", "day"),
        ("Sep 5th", "2022-09-05", "day"),
        ("the 5th of September", "2022-09-05", "day"),
        ("on 30 September", "2022-09-30", "day"),  # within the tolerance after the briefing
        ("on 30 December", "2021-12-30", "day"),  # too far ahead: last year's
        ("5 September 2020", "2020-09-05", "day"),
        ("September 5, 2020", "2020-09-05", "day"),
        ("Tuesday, September 6, 2022", "2022-09-06", "day"),
        ("2022-09-06", "2022-09-06", "day"),
        ("on 2022-09-06", None, None),  # "on" + ISO is not a phrase of its own
    ],
)
def test_resolve_relative_date(phrase: str, iso: str | None, precision: str | None) -> None:
    resolved = resolve_relative_date(phrase, WEDNESDAY)
    if iso is None:
        assert resolved is None
        return
    assert resolved is not None
    assert (resolved.iso(), resolved.precision, resolved.phrase) == (iso, precision, phrase)


@pytest.mark.parametrize(
    "phrase",
    ["may", "in may", "May", "march", "31 February", "on 30 February", "2022-13-01", "Tuesdays"],
)
def test_not_dates(phrase: str) -> None:
    assert resolve_relative_date(phrase, WEDNESDAY) is None


def test_year_inferred_forwards_near_new_year() -> None:
    resolved = resolve_relative_date("on January 3", date(2022, 12, 28))
    assert resolved is not None and resolved.iso() == "2023-01-03"
    resolved = resolve_relative_date("29 February", date(2023, 3, 10))
    assert resolved is not None and resolved.iso() == "2020-02-29"


@pytest.mark.parametrize(
    ("resolved", "display", "iso"),
    [
        (
            ResolvedDate(date(2022, 9, 6), date(2022, 9, 6), "day", "x"),
            "6 September 2022",
            "2022-09-06",
        ),
        (
            ResolvedDate(date(2022, 8, 29), date(2022, 9, 4), "week", "x"),
            "week of 29 August 2022",
            "2022-W35",
        ),
        (ResolvedDate(date(2022, 8, 1), date(2022, 8, 31), "month", "x"), "August 2022", "2022-08"),
        (ResolvedDate(date(2022, 1, 1), date(2022, 12, 31), "year", "x"), "2022", "2022"),
    ],
)
def test_display_and_iso(resolved: ResolvedDate, display: str, iso: str) -> None:
    assert (resolved.display(), resolved.iso()) == (display, iso)


def test_spans_cover_whole_periods() -> None:
    week = resolve_relative_date("last week", WEDNESDAY)
    month = resolve_relative_date("in February", WEDNESDAY)
    assert week is not None and (week.start, week.end) == (date(2022, 8, 29), date(2022, 9, 4))
    assert month is not None and (month.start, month.end) == (date(2022, 2, 1), date(2022, 2, 28))


def test_find_date_phrases_in_text_order() -> None:
    text = "The White House announced last week that Russia faced glitches in August."
    found = find_date_phrases(text, WEDNESDAY)
    assert [(text[s:e], r.iso()) for s, e, r in found] == [
        ("last week", "2022-W35"),
        ("in August", "2022-08"),
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "max_distance", "expected"),
    [
        (
            "The White House announced last week that it happened in August.",
            "announced",
            None,
            "2022-W35",
        ),
        ("In July, the ministry said on Tuesday that it would act.", "said", None, "2022-09-06"),
        ("In July, the ministry said that it would act.", "said", None, "2022-07"),
        (
            "In July, the ministry of the far-away country finally said it would act.",
            "said",
            40,
            None,
        ),
        ("The report, published yesterday, said nothing.", "said", 48, "2022-09-06"),
        ("Nothing is dated here, the official said.", "said", None, None),
    ],
)
def test_find_date_phrase_nearest_to_cue(
    sentence: str, cue: str, max_distance: int | None, expected: str | None
) -> None:
    resolved = find_date_phrase(
        sentence, WEDNESDAY, near=sentence.index(cue), max_distance=max_distance
    )
    assert (resolved.iso() if resolved else None) == expected


def test_find_date_phrase_without_near_takes_the_first() -> None:
    resolved = find_date_phrase("On Monday and on Tuesday.", WEDNESDAY)
    assert resolved is not None and resolved.phrase == "On Monday"


def test_phrase_boundaries_for_callers() -> None:
    text = "it said on Sept. 5 that"
    start = text.index("on Sept")
    end = start + len("on Sept. 5")
    assert date_phrase_at(text, start) == end
    assert date_phrase_ending_at(text, end) == start
    assert date_phrase_at(text, text.index("said")) is None
    assert date_phrase_ending_at(text, text.index(" that")) == start
    assert date_phrase_ending_at(text, len(text)) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_never_raises_and_spans_match_phrases(text: str, reference: date) -> None:
    resolve_relative_date(text, reference)
    for start, end, resolved in find_date_phrases(text, reference):
        assert text[start:end] == resolved.phrase
        assert resolved.start <= resolved.end

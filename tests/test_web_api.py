"""The JSON API over a real database of examples/: every route answers in the shape its model
declares (``warwire.web.schemas``), filters and pages work, errors are ``{"error": ...}`` with
the right status, dossiers match docs/dossier.schema.json, exports reuse ``warwire export``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from conftest import BACKENDS, examples_copy
from warwire.ids import make_key
from warwire.models import Annotation, Document, Entity, Mention, Sentence
from warwire.store import open_store
from warwire.web import WebConfig, create_app
from warwire.web.schemas import (
    AssessmentOut,
    ClaimOut,
    DocumentOut,
    DocumentSummary,
    EntityOut,
    EventOut,
    Page,
    SearchOut,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=BACKENDS)
def api_db(
    request: pytest.FixtureRequest, examples_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The examples' database, ingested into SQLite and into PostgreSQL."""
    return examples_copy(request, examples_db, tmp_path_factory.mktemp("web-api"))


@pytest.fixture
def client(api_db: str, serve: Callable[[Any], str]) -> Iterator[httpx.Client]:
    base = serve(create_app(WebConfig(db=api_db, read_only=True)))
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def _valid(model: type[BaseModel], response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return model.model_validate(response.json())


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/documents", Page[DocumentSummary]),
        ("/api/places", Page[EntityOut]),
        ("/api/actors", Page[EntityOut]),
        ("/api/events", Page[EventOut]),
        ("/api/claims", Page[ClaimOut]),
        ("/api/assessments", Page[AssessmentOut]),
        ("/api/search?q=Palmyra", SearchOut),
    ],
)
def test_every_listing_answers_in_its_declared_shape(
    client: httpx.Client, path: str, model: type[BaseModel]
) -> None:
    body = _valid(model, client.get(path))
    items = body.items if isinstance(body, Page) else body.documents
    assert items, path


def test_a_document_has_its_text_sentences_and_mentions(client: httpx.Client) -> None:
    listed = client.get("/api/documents").json()["items"]
    first = next(d for d in listed if d["language"] == "en")
    doc = _valid(DocumentOut, client.get(f"/api/documents/{first['id'][:10]}"))
    assert doc.id == first["id"]
    assert doc.sentences and doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_pages_follow_each_other(client: httpx.Client) -> None:
    one = client.get("/api/documents", params={"limit": 2}).json()
    assert len(one["items"]) == 2 and one["next_offset"] == 2
    two = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert {d["id"] for d in one["items"]}.isdisjoint(d["id"] for d in two["items"])
    last = client.get("/api/documents", params={"limit": 2, "offset": 1000}).json()
    assert last["items"] == [] and last["next_offset"] is None


def test_events_filter_by_actor_place_type_dates_and_box(client: httpx.Client) -> None:
    def events(**params: Any) -> list[dict[str, Any]]:
        response = client.get("/api/events", params={"limit": 500, **params})
        return _valid(Page[EventOut], response).model_dump()["items"]  # type: ignore[no-any-return]

    everything = events()
    by_actor = events(actor="ISIS")  # an alias
    assert by_actor and len(by_actor) < len(everything)
    assert all(
        "Islamic State" in {(e["actor1"] or {}).get("name"), (e["actor2"] or {}).get("name")}
        for e in by_actor
    )
    at_palmyra = events(place="Palmyra")
    assert at_palmyra and all(e["location"]["name"] == "Tadmur" for e in at_palmyra)
    battles = events(type="Battles")
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    in_2015 = events(date_from="2015-01-01", date_to="2015-12-31")
    assert in_2015 and all(e["date"]["value"].startswith("2015") for e in in_2015)
    syria = events(bbox="35.5,32,42.5,37.5")
    assert syria and all(
        35.5 <= e["location"]["lon"] <= 42.5 and 32 <= e["location"]["lat"] <= 37.5 for e in syria
    )
    assert "Tadmur" in {e["location"]["name"] for e in syria}
    assert events(bbox="-10,-10,-9,-9") == []


def test_claims_and_assessments_filter_by_subject_and_status(client: httpx.Client) -> None:
    claims = client.get("/api/claims", params={"subject": "Mosul"}).json()["items"]
    assert claims and all(c["subject"]["name"] == "Mosul" for c in claims)
    found = client.get("/api/assessments", params={"status": "contradicted"}).json()["items"]
    assert found and all(a["status"] == "contradicted" for a in found)


def test_errors_are_json_with_the_right_status(client: httpx.Client) -> None:
    cases = [
        ("/api/documents/ffffffffffff", 404, "no document"),
        ("/api/events?actor=Nobody%20At%20All", 404, "no actor called"),
        # PostgreSQL refused the NUL character in the lookup: a 500 there (test_store)
        ("/api/events?actor=No%00body", 404, "no actor called"),
        ("/api/dossier/No%00body", 404, "no place, actor"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?date_from=yesterday", 422, "date_from"),
        ("/api/events?bbox=1,2,3", 400, "west,south,east,north"),
        ("/api/assessments?status=maybe", 422, "status"),
        ("/api/export/pdf", 404, "unknown format"),
        ("/api/nothing-here", 404, "Not Found"),
    ]
    for path, status, words in cases:
        response = client.get(path)
        assert response.status_code == status, (path, response.text)
        assert set(response.json()) == {"error"}, path
        assert words in response.json()["error"], (path, response.text)


def test_the_dossier_matches_its_schema(client: httpx.Client) -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "dossier.schema.json").read_text(encoding="utf-8"))
    response = client.get("/api/dossier/Palmyra")
    assert response.status_code == 200, response.text
    dossier = response.json()
    jsonschema.validate(dossier, schema)
    assert dossier["subject"]["name"] == "Tadmur"
    assert dossier["assessments"] and dossier["events"]


def test_search_finds_reports_and_entities_and_takes_any_text(client: httpx.Client) -> None:
    found = _valid(SearchOut, client.get("/api/search", params={"q": "Palmyra ruins"}))
    assert any("Palmyra" in (d.title or "") for d in found.documents)
    assert all(d.snippet for d in found.documents)
    actors = _valid(SearchOut, client.get("/api/search", params={"q": "islam"}))
    assert "Islamic State" in {e.name for e in actors.entities}
    for odd in ['"', "AND (", "*", "NEAR(a b", "-x", "'; DROP TABLE documents; --", "ü"]:
        assert client.get("/api/search", params={"q": odd}).status_code == 200, odd


def test_exports_are_the_cli_formats(client: httpx.Client) -> None:
    geo = client.get("/api/export/geojson")
    assert geo.status_code == 200 and geo.headers["content-type"] == "application/geo+json"
    assert geo.json()["type"] == "FeatureCollection"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/acled-csv").text)))
    assert rows and len(rows[0]) == 31
    for fmt in ("jsonl", "ftm"):
        lines = client.get(f"/api/export/{fmt}").text.splitlines()
        assert lines and all(json.loads(line) for line in lines)


def test_counts_and_openapi(client: httpx.Client) -> None:
    counts = client.get("/api/counts").json()
    assert counts["documents"] == 15 and counts["contradictions"] >= 1
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/search", "/api/documents", "/api/dossier/{name}"} <= set(
        schema["paths"]
    )
    assert "post" in schema["paths"]["/api/documents"]


def _ambiguous(db: str) -> None:
    """Two places written "Springfield" in one report."""
    text = "Shelling hit Springfield. Springfield was quiet."
    doc = Document.create(text, title="Two towns", source="Test", format="text")
    places = [
        Entity(make_key("place", n), "place", "Springfield", geonames_id=n, lat=lat, lon=-90.0)
        for n, lat in ((1, 39.8), (2, 42.1))
    ]
    mentions = tuple(
        Mention(doc.id, start, start + 11, "Springfield", "GPE", i, "test", places[i].id)
        for i, start in enumerate((13, 26))
    )
    sentences = (Sentence(doc.id, 0, 0, 25, text[:25]), Sentence(doc.id, 1, 26, 48, text[26:]))
    with open_store(db) as store:
        store.add_document(
            doc, Annotation(doc.id, sentences, mentions, "test", entities=tuple(places))
        )


def test_an_ambiguous_dossier_name_answers_300_with_candidates(
    database: str, serve: Callable[[Any], str]
) -> None:
    _ambiguous(database)
    base = serve(create_app(WebConfig(db=database, read_only=True)))
    response = httpx.get(f"{base}/api/dossier/Springfield")
    assert response.status_code == 300
    body = response.json()
    assert "ambiguous" in body["error"] and len(body["candidates"]) == 2
    chosen = body["candidates"][1]["id"]
    one = httpx.get(f"{base}/api/dossier/Springfield", params={"id": chosen})
    assert one.status_code == 200 and one.json()["subject"]["id"] == chosen
    page = httpx.get(f"{base}/entity", params={"name": "Springfield"})
    assert page.status_code == 200 and page.text.count('href="/entities/') >= 2

"""Property-based checks of the whole API from its own OpenAPI schema (schemathesis): for
requests generated from ``/openapi.json`` (valid and invalid parameters, bodies, writes with
the token), the server never answers 5xx. Bounded to a few examples per operation (about a
minute on two cores)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from warwire.models import Annotation, Document, Sentence
from warwire.web import WebConfig, create_app

TOKEN = "schemathesis-token"


class SentenceAnnotator:
    """A cheap stand-in for spaCy: the whole text is one sentence."""

    name = "test-sentences"

    def annotate(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Annotation]]:
        for doc in documents:
            yield doc, Annotation(doc.id, (Sentence(doc.id, 0, 0, len(doc.text), doc.text),))


@pytest.fixture
def api_schema(examples_database: str, serve: Callable[[Any], str]) -> Any:
    """The API over the examples' database of each backend (generated reports are stored)."""
    config = WebConfig(db=examples_database, token=TOKEN, max_body=200_000)
    base = serve(create_app(config, annotator=SentenceAnnotator()))
    return schemathesis.openapi.from_url(f"{base}/openapi.json")


def test_no_generated_request_gets_a_server_error(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    checked: list[str] = []
    statuses: list[int] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=12,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            )
            def run(case: Any) -> None:
                response = case.call_and_validate(
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    checks=[not_a_server_error],
                    timeout=30,
                )
                statuses.append(response.status_code)

            try:
                run()
            except Unsatisfiable:  # nothing invalid to send an operation without parameters
                assert mode is GenerationMode.NEGATIVE, operation.label
        checked.append(operation.label)
    assert "POST /api/documents" in checked and "GET /api/events" in checked
    assert len(statuses) > 200 and max(statuses) < 500
    assert {200, 404, 422} <= set(statuses), sorted(set(statuses))

"""warwire: turn conflict reporting into evidence.

The public API is what ``__all__`` lists; anything else may change.
"""

from warwire.analysis import Analysis, analyze
from warwire.errors import (
    ConfigError,
    FetchError,
    InputError,
    NotFoundError,
    StoreError,
    WarwireError,
)
from warwire.models import (
    Annotation,
    Assessment,
    Claim,
    Document,
    Entity,
    Event,
    IngestOutcome,
    Mention,
    Page,
    Sentence,
    TimeValue,
)
from warwire.pipeline import IngestSummary
from warwire.settings import Settings
from warwire.workspace import Workspace, open

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Annotation",
    "Assessment",
    "Claim",
    "ConfigError",
    "Document",
    "Entity",
    "Event",
    "FetchError",
    "IngestOutcome",
    "IngestSummary",
    "InputError",
    "Mention",
    "NotFoundError",
    "Page",
    "Sentence",
    "Settings",
    "StoreError",
    "TimeValue",
    "WarwireError",
    "Workspace",
    "__version__",
    "analyze",
    "open",
]

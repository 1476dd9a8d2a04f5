"""warwire's HTTP API and web UI: ``create_app(config)`` builds the FastAPI application that
``warwire serve`` runs on uvicorn.

- ``config``: what the server was started with (database, token, write mode);
- ``workspaces``: one database connection per server thread, and the single writer;
- ``security``: headers (CSP), body size limit, bearer tokens and CSRF tokens;
- ``schemas``: the API's JSON shapes (separate from the domain records);
- ``api`` and ``api_more``: the JSON routes; ``search``: full-text search;
- ``pages`` and ``render``: the server-rendered pages; ``assets``: Leaflet and friends from npm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warwire.web.app import create_app
    from warwire.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the web layer is used (``warwire --help`` stays instant)
    if name == "create_app":
        from warwire.web.app import create_app

        return create_app
    if name == "WebConfig":
        from warwire.web.config import WebConfig

        return WebConfig
    raise AttributeError(name)

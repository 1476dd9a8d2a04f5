"""What routes share: this thread's workspace, the configuration, query parameters for
paging, and the bearer-token check of API writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from warwire.web.config import WebConfig
from warwire.web.security import bearer_ok
from warwire.web.workspaces import Workspaces, Writer

MAX_LIMIT = 500
MAX_OFFSET = 100_000


async def _workspaces(request: Request) -> Workspaces:
    # the provider, not a workspace: a plain-def route runs on a pool thread that may not be
    # this dependency's, and a SQLite connection must stay on its own thread
    pool: Workspaces = request.app.state.workspaces
    return pool


async def _config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


async def _writer(request: Request) -> Writer:
    writer: Writer = request.app.state.writer
    return writer


Pool = Annotated[Workspaces, Depends(_workspaces)]
Config = Annotated[WebConfig, Depends(_config)]
WriterDep = Annotated[Writer, Depends(_writer)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]

_bearer = HTTPBearer(auto_error=False, description="WARWIRE_TOKEN, or the session token")


async def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """API writes need ``Authorization: Bearer TOKEN`` (403 when the server is read-only)."""
    config: WebConfig = request.app.state.config
    if config.write_mode == "off":
        raise HTTPException(403, "this server is read-only (started with --read-only)")
    header = f"Bearer {credentials.credentials}" if credentials else None
    if not bearer_ok(config, header):
        raise HTTPException(
            401,
            "writes need a bearer token: Authorization: Bearer $WARWIRE_TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )

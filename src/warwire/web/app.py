"""``create_app(config)``: the FastAPI application behind ``warwire serve``.

Routes come from ``api`` and ``api_more`` (JSON under ``/api``), ``pages`` and ``pages_form``
(HTML); static files from ``static/`` and, under ``/vendor``, the npm libraries of ``assets``.
Errors are answered as ``{"error": message}`` with the status the error's class names
(``warwire.errors``), or as an HTML page for the pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from warwire.errors import WarwireError
from warwire.pipeline import Annotator
from warwire.web import api, api_more, pages, pages_form
from warwire.web.assets import MEDIA_TYPES, vendor_file
from warwire.web.config import WebConfig
from warwire.web.security import Guard
from warwire.web.workspaces import Workspaces, Writer

HERE = Path(__file__).resolve().parent


def create_app(config: WebConfig, *, annotator: Annotator | None = None) -> FastAPI:
    """The application over ``config.db``; ``annotator`` (default: built on the first write)
    annotates the reports added through it."""
    from warwire import __version__

    app = FastAPI(
        title="warwire",
        version=__version__,
        summary="Conflict reports as cited places, actors, events and claims.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = config
    app.state.workspaces = Workspaces(config.db)
    app.state.writer = Writer(app.state.workspaces, annotator)
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.include_router(api.router)
    app.include_router(api_more.router)
    app.include_router(pages.router)
    app.include_router(pages_form.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _vendor_and_docs(app)
    _errors(app)
    app.add_middleware(Guard, config=config)
    return app


def app_from_env() -> FastAPI:
    """The application of a worker process of ``warwire serve --workers N`` (uvicorn's factory;
    the configuration comes from the environment, see :meth:`WebConfig.to_env`)."""
    return create_app(WebConfig.from_worker_env())


def _vendor_and_docs(app: FastAPI) -> None:
    @app.get("/vendor/{name}", include_in_schema=False)
    async def vendor(name: str) -> Response:
        path = vendor_file(name)
        if path is None:
            return _error(404, f"no vendor file {name!r}: run `make install` (npm ci)")
        return FileResponse(
            path,
            media_type=MEDIA_TYPES[path.suffix],
            headers={"cache-control": "public, max-age=86400"},
        )

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    async def docs(request: Request) -> Response:
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "docs.html", {})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _answer(request: Request, status: int, message: str, headers: Any = None) -> Response:
    """JSON for the API and anything not asking for HTML; an HTML page for the pages."""
    wants_html = "text/html" in request.headers.get("accept", "")
    if request.url.path.startswith(("/api/", "/openapi")) or not wants_html:
        return _error(status, message, headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
        headers=headers,
    )


def _errors(app: FastAPI) -> None:
    @app.exception_handler(WarwireError)
    async def warwire_error(request: Request, exc: WarwireError) -> Response:
        return _answer(request, exc.http_status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _answer(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", ""))
        return _answer(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return _answer(request, 500, f"internal error ({type(exc).__name__}): see the server log")

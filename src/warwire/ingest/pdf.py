"""PDF reports: text page by page with pypdf, and each page's span in the stored text.

Pages are joined with a blank line. Each page's text is normalised (``normalise_text``) before
joining, so that the joined string is already normal and ``Page`` offsets point exactly into
``Document.text``; a page with no text gets an empty span where it falls. A PDF encrypted with
an empty user password (restrictions only) is read; one needing a password is refused.
"""

from __future__ import annotations

import io
import warnings

from warwire.errors import InputError
from warwire.ids import normalise_text
from warwire.ingest.build import make_document
from warwire.ingest.options import ReadOptions
from warwire.models import Document, Page

PAGE_SEPARATOR = "\n\n"


def read_pdf(data: bytes, origin: str, options: ReadOptions) -> list[Document]:
    """Read a PDF report: one Document whose ``pages`` map its text back to PDF pages."""
    if not data.strip():
        raise InputError(origin, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise InputError(origin, "not a PDF file (no %PDF header)")
    page_texts, title = _extract(data, origin)
    text, pages = join_pages(page_texts)
    if not text:
        raise InputError(origin, "no text found in PDF (scanned images need OCR first)")
    return [
        make_document(text, origin=origin, format="pdf", options=options, title=title, pages=pages)
    ]


def join_pages(page_texts: list[str]) -> tuple[str, tuple[Page, ...]]:
    """The normalised text of all pages and each page's ``[start, end)`` span in it."""
    parts: list[str] = []
    pages: list[Page] = []
    length = 0
    for number, raw in enumerate(page_texts, start=1):
        text = normalise_text(raw)
        if not text:
            pages.append(Page(number, length, length))
            continue
        if parts:
            parts.append(PAGE_SEPARATOR)
            length += len(PAGE_SEPARATOR)
        parts.append(text)
        pages.append(Page(number, length, length + len(text)))
        length += len(text)
    return "".join(parts), tuple(pages)


def _extract(data: bytes, origin: str) -> tuple[list[str], str | None]:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    # Malformed input makes pypdf warn and then recover; the warnings are about the file, not
    # about our code, so they are not passed on. pypdf raises many exception types on broken
    # files (its own, ValueError, KeyError, AssertionError, zlib.error...), hence the broad
    # except below: any of them means "this PDF cannot be read".
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise InputError(origin, "the PDF is encrypted (a password is needed)")
            texts = [page.extract_text() or "" for page in reader.pages]
            metadata = reader.metadata
            title = metadata.title if metadata is not None else None
        except InputError:
            raise
        except DependencyError:
            raise InputError(
                origin, "the PDF is AES-encrypted; reading it needs the 'cryptography' package"
            ) from None
        except Exception as exc:  # see above: any pypdf failure means an unreadable PDF
            raise InputError(origin, f"broken PDF ({_describe(exc)})") from None
    return texts, title if isinstance(title, str) else None


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {message[:200]}" if message else name

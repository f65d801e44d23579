"""The bundled portal: a local copy of publisher sites (seed reports, example reports, notices).

`build_site()` renders every page in memory, deterministically; `ArchiveServer` (background
thread) and `serve_forever` (blocking, for `govreports serve-archive`) serve it on 127.0.0.1.
"""

from scrapers.archive.server import URL_ENV, ArchiveServer, serve_forever
from scrapers.archive.site import Resource, build_site

__all__ = ["URL_ENV", "ArchiveServer", "Resource", "build_site", "serve_forever"]

"""`python -m scrapers.archive [--port N] [--url-file PATH]`: serve the portal until Ctrl-C.

A stand-in until the `govreports serve-archive` command is wired to `serve_forever`.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from scrapers.archive.server import serve_forever


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scrapers.archive", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seeds-dir", type=Path, default=None)
    parser.add_argument("--url-file", type=Path, default=None, help="write the base URL here once listening")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each answer")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    serve_forever(args.host, args.port, args.seeds_dir, args.url_file, args.delay)


if __name__ == "__main__":
    main()

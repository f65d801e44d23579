"""Is the warehouse already built from the staged data as it is now? (the no-op short-circuit)

A build is a pure function of three inputs: the staged Parquet files, the dbt project (models,
macros, seeds, tests, dbt_project.yml, profiles.yml) and the target (DuckDB file or PostgreSQL
database, with the dbt and adapter versions). ``staged_fingerprint()`` hashes all three:

* every ``*.parquet`` under the staged folder: its path relative to the folder, size, mtime (ns) and
  a BLAKE2 hash of its content (a file rewritten with the same size within one mtime tick still
  changes the fingerprint; touching a file is enough to make it change too: conservative);
* every source file of the dbt project (not ``target/`` or ``logs/``). This is what dbt's manifest
  is built from, and the manifest's own checksum cannot be used: ``manifest.json`` carries its
  ``generated_at`` and ``invocation_id``, which change at every parse;
* the target (``GOVREPORTS_DBT_TARGET``), the warehouse path or the PostgreSQL address, and the
  installed versions of dbt-core and the adapter.

After a successful build *and* publish, ``record_build(fingerprint)`` stores the fingerprint beside
the warehouse (``<warehouse>.fingerprint.json``; on PostgreSQL ``<data>/warehouse-postgres.fingerprint.json``)
with the size and mtime of the warehouse file and of the published marts. ``warehouse_is_current()``
is true only when a fresh fingerprint equals the stored one *and* neither the warehouse file nor the
published marts changed since (a hand-run ``dbt run -s …`` or an interrupted build modifies the
warehouse, so the next check says "not current" and the pipeline rebuilds).

How the pipeline uses it (one DAG task before the dbt group, one after publish_marts)::

    fingerprint = staged_fingerprint()          # BEFORE the build: files staged during it count
    if warehouse_is_current(fingerprint):       # as new, so the next run builds them
        skip the build
    forget_build()                              # a build that dies half-way never looks current
    dbt build; publish_marts()
    record_build(fingerprint)                   # only after both succeeded

``fingerprint`` is a plain JSON-serialisable dict (fits in an XCom). ``govreports build-warehouse``
does exactly this (``--force`` builds anyway); ``govreports dbt build`` always builds and records
nothing, so after it the next check rebuilds once (the warehouse file changed).
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from scrapers import settings
from scrapers.atomic import write_atomic

VERSION = 1
_PROJECT_SKIP = {"target", "logs", "dbt_packages", ".user.yml"}
_CHUNK = 1 << 20


def _file_hash(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _staged_digest(staged: Path) -> dict[str, Any]:
    digest = hashlib.blake2b(digest_size=20)
    files = total = 0
    for path in sorted(staged.rglob("*.parquet")) if staged.is_dir() else []:
        stat = path.stat()
        relative = path.relative_to(staged).as_posix()
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0{_file_hash(path)}\n".encode())
        files += 1
        total += stat.st_size
    return {"digest": digest.hexdigest(), "files": files, "bytes": total}


def _project_digest(project: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project)
        if relative.parts[0] in _PROJECT_SKIP or not path.is_file():
            continue
        digest.update(f"{relative.as_posix()}\0{_file_hash(path)}\n".encode())
    return digest.hexdigest()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _target() -> dict[str, Any]:
    from scrapers.warehouse.target import PostgresSettings, dbt_target

    target = dbt_target()
    where = str(settings.warehouse_path()) if target == "duckdb" else PostgresSettings.from_env().describe()
    adapter = "dbt-duckdb" if target == "duckdb" else "dbt-postgres"
    return {
        "target": target,
        "where": where,
        "dbt_core": _version("dbt-core"),
        "adapter": _version(adapter),
    }


def staged_fingerprint(staged: Path | None = None, project: Path | None = None) -> dict[str, Any]:
    """The inputs of a build as they are now (staged data, dbt project, target): a JSON-able dict."""
    parts = {
        "staged": _staged_digest(staged or settings.staged_dir()),
        "project": _project_digest(project or settings.DBT_PROJECT_DIR),
        "target": _target(),
    }
    digest = hashlib.blake2b(json.dumps(parts, sort_keys=True).encode(), digest_size=20).hexdigest()
    return {"version": VERSION, "digest": digest, **parts}


def fingerprint_path() -> Path:
    """Where the fingerprint of the last successful build is kept (beside the warehouse)."""
    from scrapers.warehouse.target import dbt_target

    if dbt_target() == "duckdb":
        warehouse = settings.warehouse_path()
        return warehouse.with_name(warehouse.name + ".fingerprint.json")
    return settings.data_dir() / "warehouse-postgres.fingerprint.json"


def _outputs() -> dict[str, Any]:
    """Size and mtime of what a build writes: the DuckDB warehouse (not on PostgreSQL) and the
    published marts. Changed by anything else than our build → the record no longer holds."""
    from scrapers.warehouse.publish import published_database
    from scrapers.warehouse.target import dbt_target

    paths = {"published": published_database()}
    if dbt_target() == "duckdb":
        paths["warehouse"] = settings.warehouse_path()
    out: dict[str, Any] = {}
    for name, path in paths.items():
        try:
            stat = path.stat()
        except FileNotFoundError:
            out[name] = None
        else:
            out[name] = [stat.st_size, stat.st_mtime_ns]
    return out


def record_build(fingerprint: dict[str, Any]) -> Path:
    """Store ``fingerprint`` (taken before the build) as the last successful build's. Call it only
    after dbt build and publish_marts both succeeded. Written atomically."""
    outputs = _outputs()
    missing = [name for name, value in outputs.items() if value is None]
    if missing:
        raise FileNotFoundError(f"cannot record a build: no {' or '.join(missing)} file")
    path = fingerprint_path()
    write_atomic(path, json.dumps({"fingerprint": fingerprint, "outputs": outputs}, indent=1).encode("utf-8"))
    return path


def forget_build() -> None:
    """Drop the record (call it when a build starts: an interrupted build never looks current)."""
    fingerprint_path().unlink(missing_ok=True)


def recorded_build() -> dict[str, Any] | None:
    try:
        return json.loads(fingerprint_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def warehouse_is_current(fingerprint: dict[str, Any] | None = None) -> bool:
    """True when the last successful build was made from exactly these inputs and its outputs are
    untouched since: nothing to build. ``fingerprint`` defaults to ``staged_fingerprint()``."""
    record = recorded_build()
    if record is None:
        return False
    outputs = _outputs()
    if any(value is None for value in outputs.values()) or record.get("outputs") != outputs:
        return False
    fingerprint = fingerprint if fingerprint is not None else staged_fingerprint()
    return record.get("fingerprint", {}).get("digest") == fingerprint["digest"]

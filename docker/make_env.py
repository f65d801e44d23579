"""docker/.env for `make up`: the settings of ../.env.example, with every empty secret generated.

Idempotent: an existing docker/.env keeps its values (secrets included: regenerating the Fernet key
or a database password would lock the stack out of its own volumes); settings added to .env.example
since are appended, and only secrets still empty are generated.

    python docker/make_env.py [.env.example] [docker/.env]
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import sys
from pathlib import Path

# Settings whose value is a secret: empty in .env.example, generated here.
SECRETS = {
    "AIRFLOW_FERNET_KEY": lambda: base64.urlsafe_b64encode(os.urandom(32)).decode(),
    "AIRFLOW_JWT_SECRET": lambda: secrets.token_hex(64),
    "AIRFLOW_API_SECRET_KEY": lambda: secrets.token_hex(32),
    "AIRFLOW_DB_PASSWORD": lambda: secrets.token_urlsafe(24),
    "WAREHOUSE_ADMIN_PASSWORD": lambda: secrets.token_urlsafe(24),
    "GOVREPORTS_PG_PASSWORD": lambda: secrets.token_urlsafe(24),
    "GOVREPORTS_PG_BI_PASSWORD": lambda: secrets.token_urlsafe(24),
    "METABASE_DB_PASSWORD": lambda: secrets.token_urlsafe(24),
    "METABASE_ADMIN_PASSWORD": lambda: secrets.token_urlsafe(18),
}
_SETTING = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def settings(text: str) -> dict[str, str]:
    """NAME=value lines (not the commented ones), in order."""
    return {m.group(1): m.group(2) for line in text.splitlines() if (m := _SETTING.match(line.strip()))}


def make_env(example: Path, target: Path) -> list[str]:
    """Write `target`; returns the names of the secrets generated."""
    template = example.read_text(encoding="utf-8")
    existing = settings(target.read_text(encoding="utf-8")) if target.exists() else {}
    generated = []
    lines = []
    for line in template.splitlines():
        match = _SETTING.match(line.strip())
        if match:
            name, value = match.groups()
            value = existing.pop(name, value)
            if name in SECRETS and not value:
                value = SECRETS[name]()
                generated.append(name)
            line = f"{name}={value}"
        lines.append(line)
    if existing:  # settings of the deployment that .env.example does not have: keep them
        lines += ["", "# Kept from the previous docker/.env:", *(f"{k}={v}" for k, v in existing.items())]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target.chmod(0o600)
    return generated


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    example = Path(argv[0]) if argv else root / ".env.example"
    target = Path(argv[1]) if len(argv) > 1 else root / "docker" / ".env"
    generated = make_env(example, target)
    print(f"{target}: {'generated ' + ', '.join(generated) if generated else 'secrets already set'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

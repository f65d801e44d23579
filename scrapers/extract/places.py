"""Jurisdiction: which province / city / county a report's publisher governs, as GB/T 2260 codes.

Names are read from the start of the publisher (or title): 威海市文登区人民政府 → 山东省 威海市 文登区
371003. Functional zones (高新区, 经济区, 经开区 …) are not divisions and map to their host city
(``data/zones.yaml`` for zones not named after it). Renamed units (文登市 → 文登区, 襄樊市 → 襄阳市)
resolve through the stem or ``data/renames.csv``. Same-named units (several 朝阳区) are broken only
by evidence — the SiteIDCode prefix, the 索引号 credit code, a code hint, a parent named in the
text — never by guessing: otherwise the county stays empty and a warning says why.
The table is loaded lazily, once per process.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from scrapers.records import Jurisdiction

DATA = Path(__file__).with_name("data")
# The division table is the dbt seed (one copy, read by dbt as dim_jurisdiction's source too).
DIVISIONS_CSV = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "divisions.csv"
_ZONE_WORDS = re.compile(
    r"^.{0,6}?(?:高新技术产业开发区|高新技术开发区|高新区|经济技术开发区|经济开发区|经开区|开发区|经济区|新区|"
    r"工业园区|产业园区|保税区|综合保税区|自贸区|试验区|示范区|园区|管理区)"
)

_ZONE_START = re.compile(_ZONE_WORDS.pattern.replace("^.{0,6}?", "", 1))


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # province | city | county
    parent: str

    @property
    def is_zone(self) -> bool:
        """Statistical codes of development zones (xxxx7x) are not divisions."""
        return self.level == "county" and self.code[4] == "7"


@dataclass(frozen=True)
class _Table:
    by_code: dict[tuple[str, str], Division]  # (level, code)
    by_name: dict[str, list[Division]]
    by_short: dict[str, list[Division]]
    name_re: re.Pattern[str]
    short_re: re.Pattern[str]
    zones: dict[str, str]
    renames: dict[str, str]  # old full name → new full path's last name


@cache
def _table() -> _Table:
    by_code: dict[tuple[str, str], Division] = {}
    by_name: dict[str, list[Division]] = {}
    by_short: dict[str, list[Division]] = {}
    with DIVISIONS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            division = Division(row["code"], row["name"], row["short"], row["level"], row["parent"])
            if division.is_zone:
                continue
            by_code[(division.level, division.code)] = division
            by_name.setdefault(division.name, []).append(division)
            if len(division.short) >= 2 and division.short != division.name:
                by_short.setdefault(division.short, []).append(division)
    renames: dict[str, str] = {}
    with (DATA / "renames.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            old_last = row["old"].split("/")[-1]
            new_last = row["new"].split("/")[-1]
            if old_last != new_last and old_last not in by_name:
                renames[old_last] = row["new"]
    zones = {str(k): str(v) for k, v in yaml.safe_load((DATA / "zones.yaml").read_text("utf-8")).items()}
    alternation = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    short_alt = "|".join(re.escape(n) for n in sorted(by_short, key=len, reverse=True))
    return _Table(by_code, by_name, by_short, re.compile(alternation), re.compile(short_alt), zones, renames)


def is_county_name(name: str) -> bool:
    """Whether ``name`` is the full name of a county-level division (县, 区, 县级市, 旗 …)."""
    return any(d.level == "county" for d in _table().by_name.get(name, ()))


def _division(level: str, code: str) -> Division | None:
    return _table().by_code.get((level, code))


def _jurisdiction(division: Division) -> Jurisdiction:
    """Fill the parents of a division (直辖市 are both province and city)."""
    if division.level == "province":
        return Jurisdiction(province=division.name, code=division.code)
    if division.level == "city":
        province = _division("province", division.parent)
        return Jurisdiction(province=province.name if province else None, city=division.name,
                            code=division.code)
    city = _division("city", division.parent)
    province = _division("province", city.parent) if city else None
    return Jurisdiction(province=province.name if province else None, city=city.name if city else None,
                        county=division.name, code=division.code)


def code_from_hints(site_id_code: str | None, index_no: str | None) -> str | None:
    """A 6-digit division code carried by page metadata, if any.

    SiteIDCode: the first 6 of 10 characters (central ministries use ``bm``). 索引号: an 18-character
    统一社会信用代码 of a government organ starts with 11 and carries the division in characters 3–8.
    """
    if site_id_code:
        head = site_id_code.strip()[:6]
        if len(head) == 6 and head.isdigit():
            return head
    if index_no:
        credit = index_no.strip().split("/")[0].split("-")[0]
        if len(credit) == 18 and credit.startswith("11") and credit[2:8].isdigit():
            return credit[2:8]
    return None


@dataclass(frozen=True)
class PlaceResult:
    jurisdiction: Jurisdiction
    warnings: tuple[str, ...] = ()
    found: bool = False


def resolve(names: list[str | None], tie_codes: list[str], context: str = "") -> PlaceResult:
    """Resolve the first name that names a place; ``tie_codes`` break ties between same names.

    ``context`` (the report's text) can also break a tie: a county named 朝阳区 whose city or
    province is named in the text.
    """
    warnings: list[str] = []
    for name in names:
        if not name:
            continue
        result = _resolve_one(name.strip(), tie_codes, context)
        if result.found:
            return result
        warnings.extend(result.warnings)
    if tie_codes:
        for code in tie_codes:
            for level in ("county", "city", "province"):
                division = _division(level, code)
                if division is not None:
                    return PlaceResult(_jurisdiction(division), tuple(warnings), True)
    return PlaceResult(Jurisdiction(), tuple(warnings), False)


def _resolve_one(name: str, tie_codes: list[str], context: str) -> PlaceResult:
    table = _table()
    for zone, code in table.zones.items():
        if zone in name:
            division = _division("city", code) or _division("county", code) or _division("province", code)
            if division is not None:
                return PlaceResult(_jurisdiction(division), (), True)
    chain = _chain(name)
    if not chain:
        return PlaceResult(Jurisdiction(), (), False)
    # The deepest named unit, narrowed by its named parents.
    deepest_candidates = chain[-1][1]
    for _, parents in chain[:-1]:
        parent_codes = {p.code for p in parents}
        narrowed = [c for c in deepest_candidates if _ancestors(c) & parent_codes]
        if narrowed:
            deepest_candidates = narrowed
    candidates = _dedupe(deepest_candidates)
    if len(candidates) > 1:
        candidates = _break_tie(candidates, tie_codes, context)
    if len(candidates) == 1:
        # A zone after the deepest unit (潍坊高新区, 某县经济开发区) is attributed to that unit.
        return PlaceResult(_jurisdiction(candidates[0]), (), True)
    # Ambiguous: keep what all candidates share, leave the rest empty, and say so.
    shared = _shared_parent(candidates)
    listing = ", ".join(f"{c.name} {c.code}" for c in candidates[:6])
    warning = f"jurisdiction: {candidates[0].name} is ambiguous ({listing}); county left empty"
    if shared is not None:
        return PlaceResult(_jurisdiction(shared), (warning,), True)
    return PlaceResult(Jurisdiction(), (warning,), False)


def _chain(name: str) -> list[tuple[int, list[Division]]]:
    """Division names at the start of ``name``, in order: [(end offset, candidates), ...]."""
    table = _table()
    chain: list[tuple[int, list[Division]]] = []
    pos = 0
    while pos < len(name):
        if chain and _ZONE_START.match(name, pos):
            break
        match = table.name_re.match(name, pos)
        if match:
            chain.append((match.end(), table.by_name[match.group(0)]))
            pos = match.end()
            continue
        renamed = _renamed(name, pos)
        if renamed is not None:
            chain.append(renamed)
            pos = renamed[0]
            continue
        short = table.short_re.match(name, pos)
        if short and _short_is_place(name, short.end(), bool(chain)):
            chain.append((short.end(), table.by_short[short.group(0)]))
            pos = short.end()
            continue
        break
    return chain


def _renamed(name: str, pos: int) -> tuple[int, list[Division]] | None:
    """文登市 → 文登区 (county-level city turned district), 襄樊市 → 襄阳市 (renames.csv)."""
    table = _table()
    match = re.compile(r"[\u4e00-\u9fff]{2,6}?[市县区]").match(name, pos)
    if not match:
        return None
    old = match.group(0)
    if old in table.renames:
        new_last = table.renames[old].split("/")[-1]
        if new_last in table.by_name:
            return match.end(), table.by_name[new_last]
    stem = old[:-1]
    if stem in table.by_short:
        return match.end(), table.by_short[stem]
    return None


def _short_is_place(name: str, end: int, after_place: bool) -> bool:
    """A short name (潍坊, 大连) counts only before a zone word or as the first word of a name."""
    rest = name[end:]
    return bool(_ZONE_WORDS.match(rest)) or (not after_place and end == len(name))


def _ancestors(division: Division) -> set[str]:
    codes = {division.code}
    if division.level == "county":
        codes.add(division.parent)
        city = _division("city", division.parent)
        if city is not None:
            codes.add(city.parent)
    elif division.level == "city":
        codes.add(division.parent)
    return codes


def _dedupe(candidates: list[Division]) -> list[Division]:
    """直辖市 appear as province and city with one code: keep the city row."""
    seen: dict[str, Division] = {}
    for candidate in candidates:
        kept = seen.get(candidate.code)
        if kept is None or candidate.level == "city":
            seen[candidate.code] = candidate
    return list(seen.values())


def _break_tie(candidates: list[Division], tie_codes: list[str], context: str) -> list[Division]:
    for code in tie_codes:
        # The same unit, or (for a county) a code in the same city, or (for a city) its own code.
        hit = [c for c in candidates
               if c.code == code or (c.level == "county" and code.startswith(c.code[:4]))
               or c.code == code[:4] + "00"]
        if len(hit) == 1:
            return hit
    if context:
        hit = []
        for candidate in candidates:
            parent = _division("city", candidate.parent) if candidate.level == "county" else None
            if parent is not None and parent.name + candidate.name in context:
                hit.append(candidate)
        if len(hit) == 1:
            return hit
    return candidates


def _shared_parent(candidates: list[Division]) -> Division | None:
    parents = {c.parent for c in candidates}
    if len(parents) == 1:
        parent = parents.pop()
        return _division("city", parent) or _division("province", parent)
    return None

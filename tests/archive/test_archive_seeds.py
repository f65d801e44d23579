"""Seed texts become real-looking pages, by general parsing; their text never lands in the repo."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from scrapers.archive.seeds import parse_seed
from scrapers.archive.site import Resource

ARCHIVE_DIR = Path(__file__).resolve().parents[2] / "scrapers" / "archive"
RUN = 30


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_parse_label_lines_title_and_signature() -> None:
    text = (
        "当前位置：首页 > 信息公开\n"
        "索 引 号：11370000/2020-00001 分  类：综合政务\n"
        "发布机构：某某县司法局 发文日期：2020年03月05日\n"
        "名  称：某某县2019年度法治政府建设情况报告 文  号：\n\n"
        "某某县2019年度法治政府建设情况报告\n\n" + "一年来，我县坚持依法行政，各项工作稳步推进，" * 5 + "。\n"
        "一、主要工作\n" + "全年审结行政复议案件若干件，取得较好效果。" * 4 + "\n"
        "某某县司法局\n2020年3月5日\n用户登录\n立即注册\n"
    )
    doc = parse_seed(text)
    assert doc.title == "某某县2019年度法治政府建设情况报告"
    assert doc.breadcrumb == ["首页", "信息公开"]
    assert ("发布机构", "某某县司法局") in doc.metadata and doc.date == "2020-03-05"
    assert doc.source == "某某县司法局"
    assert doc.signature == ["某某县司法局", "2020年3月5日"]
    assert doc.chrome_tail == ["用户登录", "立即注册"]
    assert doc.paragraphs[1] == "一、主要工作"


def test_parse_title_over_lines_and_info_line() -> None:
    split = parse_seed(
        "某某市人民政府\n\n2020年度法治政府建设情况报告\n\n某政发〔2021〕3号\n\n" + "正文。" * 40
    )
    assert split.title == "某某市人民政府2020年度法治政府建设情况报告"
    assert split.doc_number == "某政发〔2021〕3号" and split.date is None
    old = parse_seed(
        "政务公开\n2019年度某区法治政府建设工作报告\n时间:2020-01-20   来源:办公室   点击:\n"
        "字号:    打印本页\n\n" + "正文内容。" * 30
    )
    assert old.title == "2019年度某区法治政府建设工作报告" and old.column_label == "政务公开"
    assert old.info_line and old.date == "2020-01-20" and old.source == "办公室"


def test_seed_pages_carry_the_seed_title_date_and_body(
    site: dict[str, Resource], seeds_dir: Path, shared_dir: Path, page_text
) -> None:
    gold = {
        d["file"]: d["document"]
        for d in json.loads((shared_dir / "spec" / "seed_gold.json").read_text())["documents"]
    }
    pages = {}
    for _path, resource in site.items():
        if resource.content_type.startswith("text/html"):
            soup = BeautifulSoup(page_text(resource), "html.parser")
            title = soup.find("meta", attrs={"name": "ArticleTitle"})
            if title is not None:
                pages[_squash(title["content"])] = soup
    for seed_file in sorted(seeds_dir.glob("*.txt")):
        expected = gold[seed_file.name]
        # The page title is the seed's; the gold may drop a trailing (…) subject line.
        soup = next(page for title, page in pages.items() if title.startswith(_squash(expected["title"])))
        pubdate = soup.find("meta", attrs={"name": "PubDate"})["content"]
        assert pubdate[:10] == (expected["published"] or ""), seed_file.name
        body = _squash(soup.get_text())
        for paragraph in parse_seed(seed_file.read_text(encoding="utf-8")).paragraphs:
            assert _squash(paragraph) in body, seed_file.name  # damage kept, nothing dropped


def test_no_seed_text_is_stored_in_the_repo(seeds_dir: Path) -> None:
    runs: set[str] = set()
    for seed_file in seeds_dir.glob("*.txt"):
        text = _squash(seed_file.read_text(encoding="utf-8"))
        runs.update(text[i : i + RUN] for i in range(len(text) - RUN + 1))
    for path in ARCHIVE_DIR.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        text = _squash(path.read_text(encoding="utf-8", errors="ignore"))
        copied = next(
            (text[i : i + RUN] for i in range(len(text) - RUN + 1) if text[i : i + RUN] in runs), None
        )
        assert copied is None, f"{path} contains seed text: {copied!r}"

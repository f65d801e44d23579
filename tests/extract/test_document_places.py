"""Document fields and jurisdiction, from text alone and with hints."""

from __future__ import annotations

import pytest

from scrapers.extract import extract_document
from scrapers.extract.document import parse_date
from scrapers.extract.places import code_from_hints, resolve
from scrapers.records import DocumentHints


@pytest.mark.parametrize(("name", "code", "county"), [
    ("北京市朝阳区人民政府", "110105", "朝阳区"),
    ("威海市文登区人民政府", "371003", "文登区"),
    ("文登市人民政府", "371003", "文登区"),  # 撤市设区 in 2014
    ("潍坊高新区管委会", "370700", None),  # functional zone → host city
    ("威海经济技术开发区管委会", "371000", None),
    ("大连长兴岛经济区管理委员会", "210200", None),
    ("襄樊市人民政府", "420600", None),  # renamed 襄阳市 in 2010
    ("台儿庄区发展和改革局", "370405", "台儿庄区"),
    ("常德市行政审批服务局", "430700", None),
])
def test_resolve_names(name: str, code: str, county: str | None) -> None:
    result = resolve([name], [])
    assert result.found, result.warnings
    assert (result.jurisdiction.code, result.jurisdiction.county) == (code, county)


def test_same_named_district_is_not_guessed() -> None:
    result = resolve(["朝阳区人民政府"], [])
    assert result.jurisdiction.county is None
    assert any("ambiguous" in w for w in result.warnings)


@pytest.mark.parametrize(("hints", "code"), [
    (DocumentHints(site_id_code="2201040012"), "220104"),
    (DocumentHints(index_no="11110105000012345X/2022-00012"), "110105"),
    (DocumentHints(jurisdiction_code="220104"), "220104"),
])
def test_same_named_district_tie_broken_by_hints(hints: DocumentHints, code: str) -> None:
    text = "朝阳区人民政府关于2022年度法治政府建设情况的报告\n全年收到行政复议申请12件。"
    extraction = extract_document(text, hints)
    assert extraction.document.jurisdiction.code == code
    assert extraction.document.jurisdiction.county == "朝阳区"


def test_code_from_hints() -> None:
    assert code_from_hints("3707000010", None) == "370700"
    assert code_from_hints("bm01000001", None) is None
    assert code_from_hints(None, "113707000044294173/2019-69734") == "370700"
    assert code_from_hints(None, "004294173/2019-69734") is None


@pytest.mark.parametrize(("raw", "iso"), [
    ("2019年02月22日", "2019-02-22"), ("2019-01-31", "2019-01-31"), ("2019/1/31 10:00", "2019-01-31"),
    ("二〇二二年一月十二日", "2022-01-12"), ("2019219", None), (None, None),
])
def test_parse_date(raw: str | None, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_text_only_fields_hotline_report() -> None:
    text = ("某市12345政务服务便民热线2022年度工作总结\n"
            "2022年，市12345热线共受理群众诉求120万件，群众满意率96.1%。\n"
            "某市人民政府办公室\n二〇二三年一月十日\n")
    doc = extract_document(text).document
    assert doc.doc_type == "hotline_report"
    assert doc.report_year == 2022
    assert doc.published == "2023-01-10"
    assert doc.publisher == "某市人民政府办公室"


@pytest.mark.parametrize(("title", "doc_type"), [
    ("某县人民政府2022年政府信息公开工作年度报告", "ogi_annual_report"),
    ("某区司法局2022年人民调解工作总结", "mediation_report"),
    ("某县人民政府关于2022年度法治政府建设情况的报告", "rule_of_law_report"),
    ("关于对县政协十届二次会议第15号提案的答复", "other"),
    ("某县2023年春节放假安排的通知", "other"),
])
def test_doc_type(title: str, doc_type: str) -> None:
    assert extract_document(title + "\n正文。").document.doc_type == doc_type


def test_report_year_is_not_publication_year() -> None:
    text = "某区司法局工作报告\n2021年，全区共调处矛盾纠纷300起。\n某区司法局\n2022年1月5日"
    doc = extract_document(text).document
    assert doc.report_year == 2021
    assert doc.published == "2022-01-05"


def test_hints_fill_gaps_but_text_wins() -> None:
    text = "全年共受理行政复议申请10件。"
    hints = DocumentHints(title="某县人民政府关于2022年度法治政府建设情况的报告", publisher="某县人民政府",
                          published="2023-03-01", jurisdiction_name="潍坊市")
    doc = extract_document(text, hints).document
    assert doc.title == hints.title
    assert doc.publisher == "某县人民政府"
    assert doc.published == "2023-03-01"
    assert doc.report_year == 2022
    assert doc.jurisdiction.code == "370700"


def test_report_year_written_in_chinese_or_full_width_digits() -> None:
    from scrapers.extract.document import report_year_of

    assert report_year_of("龙山县人民政府关于二〇一八年度法治政府建设工作的报告", "", None) == 2018
    assert report_year_of("某市１２３４５热线２０２３年度运行情况报告", "", None) == 2023

"""parse: formats, encodings, meta tags, metadata block, main content, boilerplate, attachments, PDF."""

from __future__ import annotations

import io
import zipfile

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from scrapers.parse import ParseError, decode_html, parse_page, pdf_text, sniff_format
from scrapers.parse.metadata import metadata_block

BASE = "http://www.weifang.gov.cn/fzzf/202403/t20240328_123456.html"


@pytest.fixture
def trs(fixture_text):
    return parse_page(fixture_text("trs_article.html").encode("utf-8"), BASE, "text/html; charset=utf-8")


@pytest.fixture
def hanweb(fixture_text):
    url = "http://www.wendeng.gov.cn/art/2022/1/5/art_123_456.html"
    return parse_page(fixture_text("hanweb_article.html").encode("utf-8"), url, "text/html")


@pytest.fixture
def generic(fixture_text):
    return parse_page(fixture_text("generic_article.html").encode("utf-8"), "http://x.gov.cn/a/9.html")


def cjk_pdf(lines: list[str]) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 20 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# -- sniff_format -------------------------------------------------------------------------------


def test_sniff_pdf_by_magic_even_when_labelled_html():
    assert sniff_format(b"%PDF-1.7\n...", "text/html") == "pdf"


def test_sniff_html_with_doctype():
    assert sniff_format(b"\n  <!DOCTYPE html><html>", None) == "html"


def test_sniff_docx_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert sniff_format(buffer.getvalue(), "application/octet-stream") == "docx"


def test_sniff_ofd_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    assert sniff_format(buffer.getvalue(), None) == "ofd"


def test_sniff_ole_is_doc():
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, None) == "doc"


def test_sniff_unknown_bytes():
    assert sniff_format(b"plain words, no markup", "application/octet-stream") == "unknown"


def test_sniff_binary_even_when_labelled_html():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert sniff_format(png, "text/html; charset=utf-8") == "binary"
    assert sniff_format(b"\x00\x01\x02garbage", "application/octet-stream") == "binary"


def test_sniff_gbk_text_is_not_binary():
    assert sniff_format("法治政府建设情况报告".encode("gbk"), "text/html") == "html"


def test_parse_page_refuses_binary():
    with pytest.raises(ParseError) as excinfo:
        parse_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00", BASE, "text/html")
    assert excinfo.value.reason == "not_html"


# -- decode_html --------------------------------------------------------------------------------


def test_gbk_page_with_meta_charset_is_decoded(fixture_text):
    body = fixture_text("gbk_article.html").encode("gbk")
    text, charset = decode_html(body, None)
    assert charset == "gb18030"
    assert "人民调解组织共调解矛盾纠纷1.2万件" in text


def test_gbk_only_character_survives_gb2312_declaration(fixture_text):
    text, _ = decode_html(fixture_text("gbk_article.html").encode("gbk"), "gb2312")
    assert "镕" in text


def test_meta_charset_beats_lying_header(fixture_text):
    body = fixture_text("gbk_article.html").encode("gbk")
    text, charset = decode_html(body, "utf-8")
    assert charset == "gb18030" and "法治政府建设" in text


def test_header_charset_used_without_meta():
    body = "<html><body>政府信息公开工作年度报告</body></html>".encode("gbk")
    text, _ = decode_html(body, "GBK")
    assert "政府信息公开工作年度报告" in text


def test_undeclared_gbk_is_detected():
    body = (
        "<html><body><p>" + "本年度共受理政府信息公开申请一百二十件，均按时答复。" * 5 + "</p></body></html>"
    ).encode("gbk")
    text, _ = decode_html(body, None)
    assert "政府信息公开申请" in text


def test_parse_page_reads_header_from_content_type(fixture_text):
    body = fixture_text("gbk_article.html").encode("gbk")
    page = parse_page(body, "http://x.gov.cn/a.html", "text/html; charset=utf-8")
    assert "调解成功率98.5％" in page.text


# -- meta tags ----------------------------------------------------------------------------------


def test_meta_tags_in_any_attribute_order_and_case(trs):
    assert trs.metadata.site_name == "潍坊市人民政府"
    assert trs.metadata.site_domain == "www.weifang.gov.cn"


def test_meta_tags_with_spaces_around_equals(trs):
    assert trs.metadata.site_id_code == "3707000001"


def test_empty_meta_content_is_none(trs):
    assert trs.metadata.content_source is None


def test_meta_pub_date_and_column(trs):
    assert trs.metadata.pub_date == "2024-03-28 09:30"
    assert trs.metadata.column_name == "法治政府建设"


def test_title_prefers_article_title_meta(trs):
    assert trs.title == "潍坊市2023年法治政府建设情况报告"


def test_title_falls_back_to_cleaned_title_tag(generic):
    assert generic.title == "某县2022年政府信息公开工作年度报告"


# -- metadata block -----------------------------------------------------------------------------


def test_block_in_table_with_spaced_label(trs):
    assert trs.metadata.index_no == "11370700004381390X/2024-00123"


def test_block_table_synonyms(trs):
    assert trs.metadata.issuing_org == "潍坊市人民政府办公室"
    assert trs.metadata.doc_date == "2024-03-25"
    assert trs.metadata.doc_number == "潍政字〔2024〕5号"
    assert trs.metadata.publish_date == "2024-03-28"


def test_block_list_with_prefixed_labels(hanweb):
    assert hanweb.metadata.issuing_org == "威海市文登区人民政府"
    assert hanweb.metadata.doc_number == "威文政发〔2021〕13号"
    assert hanweb.metadata.doc_date == "2021-12-31"
    assert hanweb.metadata.publish_date == "2022-01-05"


def test_block_full_width_spaced_labels(generic):
    assert generic.metadata.index_no == "000014349/2023-00012"


def test_block_two_pairs_on_one_line(generic):
    assert generic.metadata.issuing_org == "某县人民政府办公室"
    assert generic.metadata.doc_date == "2023-01-20"


def test_block_empty_value_stays_none(generic):
    assert generic.metadata.doc_number is None


def test_block_seed_style_line():
    lines = [
        "索 引 号:004294173/2019-69734 分  类: 执行情况评估 ;",
        "发布机构: 党政办公室 发文日期: 2019年02月22日",
        "名  称: 潍坊高新区管委会关于2018年度法治政府建设情况的报告 文  号:",
        "公开方式: 主动公开 公开时限: 长期公开",
    ]
    found = metadata_block(lines)
    assert found == {
        "index_no": "004294173/2019-69734",
        "issuing_org": "党政办公室",
        "doc_date": "2019年02月22日",
    }


def test_block_value_on_next_line():
    assert metadata_block(["索引号：", "113700000042/2021-001", "正文"]) == {
        "index_no": "113700000042/2021-001"
    }


def test_block_legacy_info_line():
    assert metadata_block(["时间：2019-01-31 来源：管委会办公室 点击："]) == {"publish_date": "2019-01-31"}


def test_body_sentence_is_not_a_label():
    assert metadata_block(["本报告的发布日期为每年三月底，文号另行编排。"]) == {}


# -- main content and boilerplate ---------------------------------------------------------------


def test_trs_editor_is_the_content(trs):
    assert trs.text.startswith("2023年，潍坊市坚持以习近平新时代中国特色社会主义思想为指导")
    assert "全年办理行政复议案件1,234件" in trs.text


def test_paragraph_breaks_are_newlines(trs):
    assert trs.text.split("\n")[1] == "一、主要举措和成效"


def test_zjeg_markers_delimit_content(hanweb):
    assert hanweb.text.split("\n") == [
        "2021年，在市委、市政府的坚强领导下，文登区各级政府及部门坚持以习近平新时代中国特色社会主义思想为指导。",
        "今年以来，我区共受理行政复议申请50件，已结案39件。",
    ]


def test_density_heuristic_finds_the_article(generic):
    assert "本年度共发生行政复议案件3件" in generic.text
    assert "互动交流" not in generic.text


def test_density_keeps_table_rows_as_lines_with_cells_apart(generic):
    assert "0\t1\t0\t0\t1" in generic.text.split("\n")


@pytest.mark.parametrize(
    "chrome",
    ["当前位置", "您的位置", "字号", "打印本页", "关闭窗口", "分享到", "用户登录", "ICP备", "网站标识码"],
)
def test_boilerplate_is_removed_from_density_pages(fixture_text, chrome):
    html = fixture_text("trs_article.html").replace('class="TRS_Editor"', 'class="content"')
    page = parse_page(html.encode("utf-8"), BASE)
    assert chrome not in page.text


def test_boilerplate_lines_stripped_even_inside_content():
    html = (
        "<html><body><div class='x'>"
        "<p>当前位置：首页 &gt; 公开</p>"
        "<p>本年度共办理政务服务热线工单十二万件，办结率百分之九十九，群众满意率较上年提高。</p>"
        "<p>【打印】【关闭】</p><p>还没有账号？立即注册</p>"
        "</div></body></html>"
    )
    page = parse_page(html.encode("utf-8"), BASE)
    assert page.text == "本年度共办理政务服务热线工单十二万件，办结率百分之九十九，群众满意率较上年提高。"


def test_long_paragraph_mentioning_a_marker_survives():
    sentence = (
        "本年度我们对网站标识码、ICP备案信息等进行了全面核查，"
        "确保政府网站规范运行，共整改问题二十三个，全部完成整改。"
    )
    page = parse_page(f"<html><body><div><p>{sentence}</p></div></body></html>".encode(), BASE)
    assert page.text == sentence


def test_scripts_and_styles_are_not_text(trs):
    assert "should not appear" not in trs.text and "color:red" not in trs.text


# -- attachments --------------------------------------------------------------------------------


def test_trs_attachment_is_absolute_with_name(trs):
    (attachment,) = trs.attachments
    assert attachment.url == "http://www.weifang.gov.cn/fzzf/202403/P020240328123456.pdf"
    assert attachment.name == "潍坊市2023年法治政府建设情况报告.pdf"


def test_hanweb_downfile_link_is_an_attachment(hanweb):
    (attachment,) = hanweb.attachments
    assert (
        attachment.url
        == "http://www.wendeng.gov.cn/module/download/downfile.jsp?classid=0&filename=2201051000.pdf"
    )
    assert attachment.name == "2021年度报告全文"


def test_page_links_that_are_not_files_are_not_attachments(generic):
    assert generic.attachments == []


def test_charset_is_reported(trs):
    assert trs.charset == "utf-8"


def test_parse_page_refuses_a_pdf():
    with pytest.raises(ParseError) as excinfo:
        parse_page(b"%PDF-1.4 ...", BASE, "text/html")
    assert excinfo.value.reason == "not_html"


# -- PDF ----------------------------------------------------------------------------------------


def test_pdf_text_extracts_cjk():
    body = cjk_pdf(["某市2023年法治政府建设情况报告", "全年办理行政复议案件120件。"])
    text = pdf_text(body)
    assert "法治政府建设情况报告" in text
    assert "行政复议案件120件" in text


def test_pdf_without_text_needs_ocr():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.rect(100, 100, 300, 300, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(ParseError) as excinfo:
        pdf_text(buffer.getvalue())
    assert excinfo.value.reason == "needs_ocr"


def test_encrypted_pdf_is_reported():
    from reportlab.lib.pdfencrypt import StandardEncryption

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("user-secret", "owner-secret"))
    pdf.drawString(72, 720, "secret report text for testing purposes")
    pdf.showPage()
    pdf.save()
    with pytest.raises(ParseError) as excinfo:
        pdf_text(buffer.getvalue())
    assert excinfo.value.reason == "encrypted"


def test_truncated_pdf_is_corrupt():
    body = cjk_pdf(["法治政府建设"])
    with pytest.raises(ParseError) as excinfo:
        pdf_text(body[:200])
    assert excinfo.value.reason == "corrupt_pdf"


def test_html_error_page_saved_as_pdf_is_corrupt():
    with pytest.raises(ParseError) as excinfo:
        pdf_text(b"<html><body>404 Not Found</body></html>")
    assert excinfo.value.reason == "corrupt_pdf"


def test_gkmlpt_article_content_below_the_classify_table():
    html = (
        '<html><body><div class="classify"><table><tr><th>索引号：</th><td>113/2023-00018</td>'
        "<th>发布机构：</th><td>某市司法局</td></tr></table></div><h1>某市2022年政府信息公开工作年度报告</h1>"
        '<div class="article-content"><p>某市2022年政府信息公开工作年度报告详见附件。</p></div></body></html>'
    )
    page = parse_page(html.encode(), "http://www.a.gov.cn/gkmlpt/content/2/2301/post_2301.html", "text/html")
    assert page.text == "某市2022年政府信息公开工作年度报告详见附件。"
    assert page.metadata.index_no == "113/2023-00018"

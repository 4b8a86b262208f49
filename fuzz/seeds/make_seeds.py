#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target>/: small, real examples of what each
parser reads. Run from the repository root: python3 fuzz/seeds/make_seeds.py (needs a C
compiler and libxlsxwriter for the workbooks). The files are committed; rerun only to
change them."""
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")


def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def zip_bytes(entries, compress=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 15, 9, 0, 0))
            z.writestr(info, content, compress_type=compress)
    return buf.getvalue()


def workbooks():
    """The real .xlsx files, written by fuzz/seeds/xlsx_seeds.c with libxlsxwriter."""
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "xlsx_seeds")
        flags = subprocess.check_output(["pkg-config", "--cflags", "--libs", "xlsxwriter"],
                                        text=True).split()
        subprocess.check_call(["cc", "-o", exe, os.path.join(here, "xlsx_seeds.c")] + flags)
        subprocess.check_call([exe], cwd=tmp)
        return {n: open(os.path.join(tmp, n), "rb").read()
                for n in ("tasks.xlsx", "plain.xlsx", "inline.xlsx")}


TASK = {"directive_id": 1, "lead_unit_id": 3, "title": "Báo cáo quyết toán vốn đầu tư năm 2025",
        "deadline": "2026-07-31", "coordinator_ids": [4, 5], "is_key": True,
        "description": "Tổng hợp số liệu\ngiải ngân", "recurrence": None,
        "milestones": [{"label": "Dự thảo", "due_on": "2026-06-30", "planned_percent": 50}]}
DIRECTIVE = {"kind": "conclusion", "number": "12/TB-UBND", "title": "Kết luận của Chủ tịch",
             "issued_on": "2026-01-10", "issuer_unit_id": 1, "body": "Nội dung kết luận."}
PARTS = {"parts": [{"unit_id": 7, "share_percent": 60, "deadline": "2026-06-30",
                    "title": "Phần phường Bắc Sơn"},
                   {"assignee_id": 12, "share_percent": 40}]}
USER = {"username": "nguyen.a", "full_name": "Nguyễn Văn A", "email": "a@tp.gov.vn",
        "password": "mat-khau-dai-du", "active": True,
        "roles": [{"role": "leader", "unit_id": 3}, {"role": "viewer", "unit_id": 1},
                  {"role": "admin"}]}
UNIT = {"code": "MA.SXD", "name": "Sở Xây dựng", "kind": "department", "parent_id": 1,
        "valid_from": "2020-01-01", "valid_to": None}
RESTRUCTURE = {"kind": "merge", "date": "2026-07-01", "source_ids": [3, 4], "target_ids": [],
               "note": "Hợp nhất theo Nghị quyết",
               "new_units": [{"code": "MA.STCKH", "name": "Sở Tài chính – Kế hoạch",
                              "kind": "department", "parent_id": 1}]}


def j(v):
    return json.dumps(v, ensure_ascii=False)


def json_seeds():
    for name, body in [("task", TASK), ("directive", DIRECTIVE), ("parts", PARTS),
                       ("user", USER), ("unit", UNIT), ("restructure", RESTRUCTURE),
                       ("login", {"username": "admin", "password": "Demo@2026"}),
                       ("token", {"name": "Tích hợp", "expires_in_days": 90}),
                       ("report", {"percent": 40, "body": "Đã giải ngân 40% kế hoạch vốn.",
                                   "reported_on": "2026-07-20"}),
                       ("decision", {"approve": True, "note": "Đồng ý gia hạn."})]:
        put("json", name + ".json", j(body))
    put("json", "escapes.json", '{"title":"Gi\\u1ea3i ng\\u00e2n \\ud83d\\ude00","n":-0.0,'
        '"big":18446744073709551615,"neg":-9223372036854775808,"e":1e400,"null":null}')
    put("json", "nested.json", '{"a":[[[[{"b":{"c":[1,2,{"d":"2026-02-29"}]}}]]]]}')
    put("json", "nfd.json", j({"title": "Gia\u0309i nga\u0302n", "note": "tab\there"}))
    # The route parsers: the first byte picks the parser (route_bodies_fuzz.cc).
    for pick, body in [(0, UNIT), (1, RESTRUCTURE), (2, USER), (3, TASK), (4, DIRECTIVE),
                       (5, dict(PARTS, roles=USER["roles"]))]:
        put("route_bodies", f"{pick}.bin", bytes([pick]) + j(body).encode())


HEADER = "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\tTiến độ (%)\tMô tả"


def task_import_seeds():
    rows = [
        "15/06/2026",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ MINH AN",
        HEADER,
        "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)",
        "I\tTăng cường giải ngân vốn đầu tư công",
        "1\tBáo cáo quyết toán vốn\tMA.STC\tSở Xây dựng; MA.BS1\t31/07/2026\t45%\tTổng hợp số liệu",
        "2\tRà soát hồ sơ\tUBND phường Bắc Sơn\t\t#46204d\t#0.5%\t",
        "I.1\tDự án giao thông",
        "3\tTheo dõi thường xuyên\tSở Tài chính\tMA.SXD, MA.STC\tThường xuyên\t100\t",
        "4\tNhiệm vụ của đơn vị đã kết thúc\tMA.SKH\t\t2026-02-30\t45,5\t",
        "5\tHạn không có\tMA.SXD\t\t#nand\t#inf%\t",
    ]
    put("task_import", "officials.tsv", "\n".join(rows))
    put("task_import", "short.tsv", "2026-01-15\n" + HEADER + "\n1\tA\tMA.STC\t\t1/2/2026\t0\t")
    put("task_import", "bad_dates.tsv", "31/02/2026\n" + HEADER +
        "\n1\tA\tMA.STC\t\t31/02/2026\t101\t\n2\tB\tMA.SXD\t\t15/13/2026\t-1\t"
        "\n3\tC\tMA.STC\t\t15.06.1850\t#1e308\t\n4\tD\tMA.STC\t\t2150-01-01\t#-0\t")


CSV_UTF8 = ("STT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Tiến độ (%)\r\n"
            "1;Báo cáo quyết toán vốn đầu tư năm 2025;MA.STC;\"Sở Xây dựng; MA.SKH\";31/07/2026;45%\r\n"
            "2;\"Rà soát hồ sơ \"\"giải phóng mặt bằng\"\"\nnhiều dòng\";UBND phường Bắc Sơn;;15/06/2026;0\r\n")


def csv_seeds():
    put("csv", "utf8_bom_semicolon.csv", b"\xef\xbb\xbf" + CSV_UTF8.encode())
    put("csv", "utf8_comma.csv", CSV_UTF8.replace(";", ",").replace("\"Sở Xây dựng, MA.SKH\"",
                                                                   "\"Sở Xây dựng, MA.SKH\""))
    # As Excel saves "CSV" on a Vietnamese Windows: Windows-1258, not UTF-8.
    put("csv", "windows1258.csv", CSV_UTF8.encode("cp1258", errors="replace"))
    put("csv", "tabs_unclosed.csv", "STT\tNhiệm vụ\n1\t\"chưa đóng\n2\tb\n")


def xlsx_seeds(books):
    for name, data in books.items():
        put("xlsx", name, data)
    put("xlsx", "xls_header.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(56))
    put("xlsx", "empty_zip.zip", b"PK\x05\x06" + bytes(18))
    # The parts of each workbook, for xlsx_parts_fuzz: sheet, shared strings, styles,
    # workbook, relationships, separated by a line "=====".
    order = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
             "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
    for name, data in books.items():
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        parts = [z.read(p) if p in names else b"" for p in order]
        put("xlsx_parts", name.replace(".xlsx", ".parts"), b"\n=====\n".join(parts))
    put("xlsx_parts", "edge_cells.parts",
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nhiệm vụ</t></is></c>'
        '<c r="XFD1" t="b"><v>1</v></c></row><row r="7"><c r="B7" t="d"><v>2026-07-31T00:00'
        '</v></c><c t="e"><v>#N/A</v></c><c s="1"><v>nan</v></c><c s="2"><v>46204</v></c>'
        '</row></sheetData></worksheet>\n=====\n<sst><si><r><t>a</t></r><r><t>b</t></r></si>'
        '</sst>\n=====\n<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[Red]0.0%"/>'
        '<numFmt numFmtId="165" formatCode="&quot;Ngày&quot; dd/mm/yyyy"/></numFmts><cellXfs>'
        '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')
    # A sheet name that is not UTF-8 (Latin-1 "Ö"): found in a read, and quoted in the
    # message when the sheet it names is missing.
    name = b'<workbook xmlns:r="r"><sheets><sheet name="Trang \xd6" r:id="rId1"/></sheets></workbook>'
    cell = b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>'
    put("xlsx_parts", "name_latin1.parts", b"\n=====\n".join([cell, b"<sst/>", b"<styleSheet/>", name]))
    put("xlsx_parts", "name_latin1_missing.parts", b"\n=====\n".join([
        b"<worksheet/>", b"<sst/>", b"<styleSheet/>", name,
        b'<Relationships><Relationship Id="rId1" Target="worksheets/none.xml"/></Relationships>']))


def attachment_seeds(books):
    put("attachment", "report.pdf", "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n")
    put("attachment", "image.png", b"\x89PNG\r\n\x1a\n" + bytes(16))
    put("attachment", "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    put("attachment", "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(24))
    put("attachment", "tasks.xlsx", books["tasks.xlsx"])
    put("attachment", "letter.docx", zip_bytes([
        ("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
        ("word/document.xml", "<w:document><w:body><w:p>Công văn</w:p></w:body></w:document>")]))
    put("attachment", "minutes.odt", zip_bytes([
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>")], zipfile.ZIP_STORED))
    # A zip that only names a Word folder: an installer is not a Word document.
    put("attachment", "setup_in_zip.zip", zip_bytes([("word/", ""), ("setup.exe", "MZ\x90\x00")]))
    put("attachment", "notes.txt", "Ghi chú cuộc họp ngày 15/06/2026.\n")
    put("attachment", "name_long.txt", "Báo cáo kết quả thực hiện nhiệm vụ " * 8 + ".pdf")
    put("attachment", "name_bidi.txt", "hoa-don\u202etxt.exe")
    put("attachment", "name_path.txt", "..\\..\\windows/system32/\"evil\".dll")


def http_seeds():
    reqs = {
        "get_list": "GET /api/v1/tasks?limit=20&offset=40&unit_id=3&due_before=2026-07-31"
                    "&q=gi%E1%BA%A3i+ng%C3%A2n&is_key=true HTTP/1.1\r\nHost: x\r\n"
                    "Cookie: theme=dark; dh_session=abc123\r\n\r\n",
        "patch_csrf": "PATCH /api/v1/tasks/42 HTTP/1.1\r\nHost: x\r\nCookie: dh_session=abc\r\n"
                      "X-CSRF-Token: csrf-1\r\nContent-Type: application/json\r\n"
                      "Content-Length: 18\r\n\r\n{\"title\":\"Mới\"}",
        "bearer_post": "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                       "dh_0123456789abcdef\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n",
        "head_part": "HEAD /api/v1/tasks/7/parts/9 HTTP/1.1\r\nHost: x\r\n"
                     "authorization: bearer x\r\n\r\n",
        "encoded": "GET /api/v1/tasks/%31%2F2?state=in%5Fprogress&timeliness=overdue HTTP/1.1"
                   "\r\nHost: x\r\n\r\n",
        "static": "GET //etc/passwd HTTP/1.0\r\n\r\n",
        "login": "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 43\r\n\r\n"
                 "{\"username\":\"admin\",\"password\":\"Demo@2026\"}",
    }
    for name, r in reqs.items():
        put("http_request", name + ".http", r)


def static_seeds():
    for i, t in enumerate(["/", "/assets/app.js", "/robots.txt", "/tasks/42?tab=parts",
                           "//etc/passwd", "/%2F..%2F..%2Fetc%2Fpasswd",
                           "/assets/%2e%2e/%2e%2e/secret.txt", "/assets/link.txt",
                           "/..%5Csecret.txt", "/assets/%c0%ae%c0%ae/secret.txt",
                           "/assets/app.js%00.html", "/assets/./app.js"]):
        put("static_files", f"{i:02d}.txt", t)


def text_seeds():
    for name, t in [("vi_nfc", "Giải ngân vốn đầu tư công – Sở Tài chính"),
                    ("vi_nfd", "Gia\u0309i nga\u0302n ĐẦU TƯ"),
                    ("spaces", "\u00a0 Ủy\u2003ban\t\nnhân  dân \u3000"),
                    ("bidi", "hoa-don\u202etxt.exe"),
                    ("mixed", "Ǆ ß İ ﬁ 𝔸 😀 한국어")]:
        put("text", name + ".txt", t)
    put("text", "overlong.bin", b"\xc0\xaf\xe0\x80\xaf/etc")
    put("text", "surrogate.bin", b"\xed\xa0\x80\xed\xbf\xbf")
    put("text", "cp1258.bin", "Giải ngân".encode("cp1258", errors="replace"))


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    books = workbooks()
    json_seeds()
    task_import_seeds()
    csv_seeds()
    xlsx_seeds(books)
    attachment_seeds(books)
    http_seeds()
    static_seeds()
    text_seeds()


if __name__ == "__main__":
    main()

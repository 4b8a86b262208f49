#!/usr/bin/env python3
"""Writes a Treasury disbursement file for the import bench (bench/investment_import.sh).

Usage: investment_import_gen.py CODES_FILE ROWS OUT.csv|OUT.xlsx

CODES_FILE holds one project code a line. Rows cycle over the projects, source NSDP-TT,
plan year 2025, paid between 02/01 and 28/12/2025, amounts with Vietnamese thousands dots.
The .xlsx is written by hand (inline strings, one sheet), as a constant-memory writer does,
so that millions of rows need no spreadsheet library.
"""
import sys
import zipfile

HEAD = ["project_code", "source_code", "plan_year", "paid_on", "amount"]


def rows(codes, n):
    for i in range(n):
        day = 2 + i % 27
        month = 1 + (i // 27) % 12
        amount = 1_000_000 + (i * 7919) % 900_000_000
        yield [codes[i % len(codes)], "NSDP-TT", "2025", f"{day:02d}/{month:02d}/2025",
               f"{amount:,}".replace(",", ".")]


def write_csv(path, codes, n):
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(HEAD) + "\n")
        for r in rows(codes, n):
            f.write(",".join(r) + "\n")


def cell(col, row, text):
    return f'<c r="{col}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(codes, n):
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    yield '<row r="1">' + "".join(cell("ABCDE"[k], 1, v) for k, v in enumerate(HEAD)) + "</row>"
    for i, r in enumerate(rows(codes, n), start=2):
        yield f'<row r="{i}">' + "".join(cell("ABCDE"[k], i, v) for k, v in enumerate(r)) + "</row>"
    yield "</sheetData></worksheet>"


def write_xlsx(path, codes, n):
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
                   f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Giai ngan" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for chunk in sheet_xml(codes, n):
                f.write(chunk.encode("utf-8"))


def main():
    codes = [c.strip() for c in open(sys.argv[1], encoding="utf-8") if c.strip()]
    n, out = int(sys.argv[2]), sys.argv[3]
    (write_xlsx if out.endswith(".xlsx") else write_csv)(out, codes, n)


if __name__ == "__main__":
    main()

// A .docx drawn as a page in Chromium, to look at when no converter to PDF is at hand
// (no LibreOffice here): word/document.xml read by the tests' own ZIP reader (no `unzip`
// on a bare Debian), its paragraphs and tables
// laid out in HTML inside the browser (alignment, bold, italic, capitals, sizes, indents,
// paragraph borders, table borders and column widths, merged cells), at 15 twips a pixel on
// an A4 sheet. A sketch of the layout, not Word's rendering.
import { unzip } from '../api/docx.mjs';

export function documentXml(docxBytes) {
  const xml = unzip(Buffer.from(docxBytes)).get('word/document.xml');
  if (!xml) throw new Error('the .docx holds no word/document.xml');
  return xml.toString('utf8');
}

// Runs in the page: replaces the body with the document drawn from `xml`.
function draw(xml) {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const kids = (el, name) => [...el.childNodes].filter((n) => n.localName === name && n.namespaceURI === W);
  const kid = (el, name) => (el ? kids(el, name)[0] : undefined);
  const val = (el, attr = 'val') => el?.getAttributeNS(W, attr) ?? el?.getAttribute(`w:${attr}`);
  const px = (twips) => `${Math.round(Number(twips) / 15)}px`;
  const run = (r) => {
    const pr = kid(r, 'rPr');
    const span = document.createElement('span');
    span.textContent = kids(r, 't').map((t) => t.textContent).join('') + (kid(r, 'br') ? '\n' : '');
    if (kid(pr, 'b')) span.style.fontWeight = 'bold';
    if (kid(pr, 'i')) span.style.fontStyle = 'italic';
    if (kid(pr, 'caps')) span.style.textTransform = 'uppercase';
    if (kid(pr, 'sz')) span.style.fontSize = `${Number(val(kid(pr, 'sz'))) / 2}pt`;
    return span;
  };
  const para = (p) => {
    const pr = kid(p, 'pPr');
    const out = document.createElement('p');
    const jc = val(kid(pr, 'jc'));
    out.style.textAlign = { center: 'center', right: 'right', both: 'justify' }[jc] ?? 'left';
    const ind = kid(pr, 'ind');
    if (ind) {
      out.style.marginLeft = px(val(ind, 'left') ?? 0);
      out.style.marginRight = px(val(ind, 'right') ?? 0);
    }
    const sp = kid(pr, 'spacing');
    out.style.marginTop = px(val(sp, 'before') ?? 0);
    out.style.marginBottom = px(val(sp, 'after') ?? 80);
    if (kid(kid(pr, 'pBdr'), 'bottom')) out.style.borderBottom = '1px solid #000';
    for (const r of kids(p, 'r')) out.append(run(r));
    return out;
  };
  const table = (tbl) => {
    const out = document.createElement('table');
    const borders = kid(kid(tbl, 'tblPr'), 'tblBorders');
    const lined = borders && val(kid(borders, 'insideV')) === 'single';
    out.style.borderCollapse = 'collapse';
    out.style.tableLayout = 'fixed';
    const cols = kids(kid(tbl, 'tblGrid'), 'gridCol').map((c) => Number(val(c, 'w')));
    out.style.width = px(cols.reduce((a, b) => a + b, 0));
    const group = document.createElement('colgroup');
    for (const w of cols) group.append(Object.assign(document.createElement('col'), { style: `width:${px(w)}` }));
    out.append(group);
    for (const tr of kids(tbl, 'tr')) {
      const row = document.createElement('tr');
      for (const tc of kids(tr, 'tc')) {
        const cell = document.createElement('td');
        const span = val(kid(kid(tc, 'tcPr'), 'gridSpan'));
        if (span) cell.colSpan = Number(span);
        cell.style.verticalAlign = 'top';
        cell.style.padding = '2px 4px';
        if (lined) cell.style.border = '1px solid #000';
        for (const p of kids(tc, 'p')) cell.append(para(p));
        row.append(cell);
      }
      out.append(row);
    }
    return out;
  };
  const sheet = document.createElement('main');
  sheet.style.cssText = 'width:794px;min-height:1123px;margin:16px auto;padding:76px 57px 76px 113px;box-sizing:border-box;' +
    'background:#fff;box-shadow:0 0 6px #888;font:14pt "Times New Roman",serif;white-space:pre-wrap;';
  for (const el of [...kid(doc.documentElement, 'body').children])
    if (el.localName === 'p') sheet.append(para(el));
    else if (el.localName === 'tbl') sheet.append(table(el));
  document.body.replaceChildren(sheet);
  document.body.style.background = '#ddd';
}

// Opens a blank page of `context`, draws the document, and returns the page.
export async function drawDocx(context, docxBytes) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 860, height: 1200 });
  await page.setContent('<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body></body></html>');
  await page.evaluate(draw, documentXml(docxBytes));
  return page;
}

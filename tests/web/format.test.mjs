// The formatting rules of web/src/core/format.ts, run in Node: the module is bundled
// with the esbuild that Vite ships, so no browser is needed.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const esbuild = createRequire(path.join(WEB, 'package.json'))('esbuild');

async function load() {
  const out = esbuild.buildSync({
    stdin: {
      contents: "export * from './src/core/format'; export { setLang } from './src/i18n';",
      resolveDir: WEB,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  // i18n touches localStorage and <html lang>; give it harmless stand-ins.
  globalThis.localStorage ??= { getItem: () => null, setItem: () => {} };
  globalThis.document ??= { documentElement: {} };
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const f = await load();

test('numbers, percentages and money in vi-VN', () => {
  f.setLang('vi');
  assert.equal(f.formatNumber(1234567.5), '1.234.567,5');
  assert.equal(f.formatInteger(1234567), '1.234.567');
  assert.equal(f.formatPercent(95.34), '95,3 %');
  assert.equal(f.formatMoneyTy(1_234_560_000_000), '1.234,56 tỷ đồng');
  assert.equal(f.formatMoneyDong(1_500_000), '1.500.000 đồng');
  assert.equal(f.formatNumber(null), '—');
});

test('numbers in English', () => {
  f.setLang('en');
  assert.equal(f.formatNumber(1234567.5), '1,234,567.5');
  assert.equal(f.formatPercent(95.34), '95.3%');
  f.setLang('vi');
});

test('dates are shown dd/mm/yyyy', () => {
  assert.equal(f.formatDate('2024-06-15'), '15/06/2024');
  assert.equal(f.formatDate(null), '—');
  assert.equal(f.formatDateTime('2024-06-15T07:05:00Z'), '15/06/2024 14:05');
  assert.equal(f.formatValidity('2025-03-01', '2025-06-30'), '01/03/2025 – 30/06/2025');
});

test('typed dates are read as dd/mm/yyyy and checked', () => {
  const cases = [
    ['15/06/2024', '2024-06-15'],
    ['5/6/2024', '2024-06-05'],
    ['15-06-2024', '2024-06-15'],
    ['15.06.2024', '2024-06-15'],
    [' 2024-06-15 ', '2024-06-15'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', null],
    ['31/04/2025', null],
    ['06/15/2024', null],
    ['15/06/24', null],
    ['', null],
    ['hôm nay', null],
  ];
  for (const [input, want] of cases) assert.equal(f.parseDateInput(input), want, input);
});

test('date arithmetic crosses months and years', () => {
  assert.equal(f.addDays('2025-07-01', -1), '2025-06-30');
  assert.equal(f.addDays('2024-12-31', 1), '2025-01-01');
  assert.match(f.todayIso(), /^\d{4}-\d{2}-\d{2}$/);
});

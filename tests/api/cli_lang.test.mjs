// The command line speaks its user's language: English when the environment's locale for
// messages (LC_ALL, else LC_MESSAGES, else LANG) starts with "en", Vietnamese otherwise. The
// same bad arguments given to the built binary under each locale; each is a usage error
// (exit 2) said on stderr in that language, naming the argument.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN } from './support.mjs';

// An in-memory database: the arguments are refused before anything is written.
const DB = ['--db', 'sqlite::memory:'];

const cases = [
  {
    what: 'a malformed audit anchor',
    args: ['audit', 'verify', ...DB, '--anchor', 'not-an-anchor'],
    vi: 'dieuhanh: --anchor có dạng SỐ_THỨ_TỰ:MÃ_BĂM, như lần kiểm tra trước đã in ra. [anchor]',
    en: 'dieuhanh: --anchor takes the form SEQ:HASH, as the previous check printed it. [anchor]',
  },
  {
    what: 'a role that does not exist',
    args: ['user', 'add', ...DB, '--username', 'x', '--role', 'chief', '--password-stdin'],
    input: 'Mat-khau@2026\n',
    vi: 'dieuhanh: Vai trò không có: chief [role]',
    en: 'dieuhanh: No such role: chief [role]',
  },
  {
    what: 'a file that cannot be opened',
    args: ['import', 'disbursements', ...DB, '/nonexistent/giai-ngan.csv'],
    vi: 'dieuhanh: Không mở được tệp /nonexistent/giai-ngan.csv. [file]',
    en: 'dieuhanh: Cannot open the file /nonexistent/giai-ngan.csv. [file]',
  },
];

// The locale variables as each row sets them (the others removed from the environment).
const locales = [
  { env: { LANG: 'en_US.UTF-8' }, lang: 'en' },
  { env: { LANG: 'vi_VN.UTF-8' }, lang: 'vi' },
  { env: { LANG: 'C.UTF-8' }, lang: 'vi' },
  { env: {}, lang: 'vi' },
  { env: { LANG: 'vi_VN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, lang: 'en' },
  { env: { LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' }, lang: 'vi' },
];

function run(args, input, locale) {
  const env = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return spawnSync(BIN, args, { input, encoding: 'utf8', env: { ...env, ...locale } });
}

describe('the command line in the user\'s language', () => {
  for (const c of cases) {
    for (const { env, lang } of locales) {
      it(`${c.what}, with ${JSON.stringify(env)}: ${lang}`, () => {
        const r = run(c.args, c.input, env);
        assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
        assert.equal(r.stderr.trim().split('\n').at(-1), c[lang]);
      });
    }
  }
});

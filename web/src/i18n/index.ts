// The two message catalogues and the current language. Vietnamese is the source
// catalogue; `en` is typed against it, so a key missing in either fails `tsc`.
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'dieuhanh.lang';
const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

// The session's language for the server too (http::RequestLang reads `dh_lang`), so that
// plain links (an Excel download, a printed report) come back in it as well.
function rememberForServer(lang: Lang): void {
  try {
    document.cookie = `dh_lang=${lang}; Path=/; SameSite=Strict; Max-Age=31536000`;
  } catch {
    // No cookies: the API client still sends Accept-Language.
  }
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'vi' || saved === 'en') {
      rememberForServer(saved);
      return saved;
    }
  } catch {
    // Storage can be disabled; Vietnamese is the default anyway.
  }
  return 'vi';
}

let current: Lang = initialLang();
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  document.documentElement.lang = lang;
  rememberForServer(lang);
  listeners.forEach((f) => f(lang));
}

export function onLangChange(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

// `t('units.count', { n: '12' })` replaces `{n}` in the message.
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = catalogues[current][key];
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.split(`{${name}}`).join(String(value));
    }
  }
  return text;
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

import { getLang, setLang, t, type Lang } from '../i18n';

const LANGS: { lang: Lang; label: string; name: string }[] = [
  { lang: 'vi', label: 'VI', name: 'Tiếng Việt' },
  { lang: 'en', label: 'EN', name: 'English' },
];

export function LanguageSwitch() {
  const current = getLang();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l.lang}
          type="button"
          lang={l.lang}
          aria-pressed={current === l.lang}
          aria-label={l.name}
          title={l.name}
          onClick={() => setLang(l.lang)}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}

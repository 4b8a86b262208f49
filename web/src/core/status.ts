// The one colour language of status (UI.md): red late/at risk, amber needs attention,
// green on track, grey no data. `info` is the neutral blue used for labels that are
// not a status (a unit's kind).
export type Tone = 'red' | 'amber' | 'green' | 'grey' | 'info';

// Fills for charts and markers; tags use the darker text/background pairs in CSS,
// which meet WCAG AA for text.
export const STATUS_COLOURS: Record<Tone, string> = {
  red: '#d4351c',
  amber: '#f47738',
  green: '#00703c',
  grey: '#6f777b',
  info: '#1d70b8',
};

export const TEXT_COLOUR = '#0b0c0c';
export const MUTED_COLOUR = '#505a5f';
export const FONT_FAMILY = "'Be Vietnam Pro', system-ui, sans-serif";

// Two shades per tone for charts that must tell two classes of one tone apart (done on
// time vs in time, done late vs overdue); each keeps 3:1 against white (WCAG 1.4.11).
export const STATUS_SHADES: Record<Tone, { dark: string; light: string }> = {
  red: { dark: '#8d1f0d', light: '#d4351c' },
  amber: { dark: '#b45309', light: '#e0701f' },
  green: { dark: '#005a30', light: '#4c9a2a' },
  grey: { dark: '#505a5f', light: '#6f777b' },
  info: { dark: '#0f385c', light: '#1d70b8' },
};

// Before and after of an audit entry, side by side, one row per field; changed
// fields are marked with a tag (text, not colour alone).
import { Tag } from '../core/ui';
import { t } from '../i18n';

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

export function JsonDiff(props: { before: unknown; after: unknown }) {
  const b = asRecord(props.before);
  const a = asRecord(props.after);
  if (!b && !a) {
    if (props.before === null && props.after === null) return <p class="muted">{t('audit.noData')}</p>;
    return (
      <div class="diff-raw grid-2">
        <pre>{show(props.before) || '—'}</pre>
        <pre>{show(props.after) || '—'}</pre>
      </div>
    );
  }
  const keys = Array.from(new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]));
  return (
    <div class="table-wrap">
      <table class="table diff">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const before = b ? b[k] : undefined;
            const after = a ? a[k] : undefined;
            // A field missing from `after` was not recorded by that action (a partial
            // after, e.g. a restructuring), so it is not shown as changed.
            const changed = !!a && k in a && JSON.stringify(before) !== JSON.stringify(after);
            return (
              <tr key={k} class={changed ? 'diff-changed' : undefined}>
                <th scope="row">
                  <span class="code">{k}</span> {changed && <Tag tone="amber">{t('audit.changed')}</Tag>}
                </th>
                <td>
                  <pre>{b && k in b ? show(before) : '—'}</pre>
                </td>
                <td>
                  <pre>{a && k in a ? show(after) : '—'}</pre>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// "Báo cáo tình hình thực hiện nhiệm vụ" of a directive or a unit as of a cut-off day: a
// button that opens a short form (the cut-off day, offered from the reporting regime, the
// number, place and signer, each optional), then downloads the .docx the server writes
// (GET /api/v1/reports/tasks.docx). The server's refusals show beside their field.
import { useState } from 'preact/hooks';
import { useAsOf } from '../app/asof';
import { errorFor, fieldId, type FieldError } from '../core/errors';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { DateField, ErrorSummary, TextField } from '../core/ui';
import { t } from '../i18n';
import { reportingCutoffs } from './cutoffs';

const FORM = 'task-report';
const FIELDS = ['number', 'place', 'signer_title', 'signer_name'] as const;
const MAX: Record<(typeof FIELDS)[number], number> = { number: 50, place: 100, signer_title: 100, signer_name: 100 };
const LABEL = { number: 'report.number', place: 'report.place', signer_title: 'report.signerTitle', signer_name: 'report.signerName' } as const;

async function download(url: string): Promise<FieldError[]> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    return [{ field: body?.error?.field ?? null, message: body?.error?.message ?? res.statusText }];
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'bao-cao.docx';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
  return [];
}

export function TaskReportPanel(props: { directiveId?: number; unitId?: number }) {
  const asOf = useAsOf();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(formatDate(asOf));
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const iso = parseDateInput(day);
    if (!iso || iso > todayIso()) return setErrors([{ field: 'as_of', message: t('asof.invalid') }]);
    const q = new URLSearchParams({ as_of: iso });
    if (props.directiveId) q.set('directive_id', String(props.directiveId));
    if (props.unitId) q.set('unit_id', String(props.unitId));
    for (const f of FIELDS) if (values[f]?.trim()) q.set(f, values[f].trim());
    setBusy(true);
    try {
      setErrors(await download(`/api/v1/reports/tasks.docx?${q}`));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="task-report">
      <button type="button" class="button button--secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('report.button')}
      </button>
      {open && (
        <section class="action-form" aria-labelledby="task-report-title">
          <h2 id="task-report-title">{t('report.title')}</h2>
          <p class="hint">{t('report.lead')}</p>
          <ErrorSummary form={FORM} errors={errors} />
          <form onSubmit={submit} noValidate>
            <DateField id={fieldId(FORM, 'as_of')} label={t('report.asOf')} required value={day} onValue={setDay} error={errorFor(errors, 'as_of')} />
            <p class="asof-cutoffs">
              {t('asof.cutoffs')}{' '}
              {reportingCutoffs().map((c, i) => (
                <>
                  {i > 0 && ' · '}
                  <button type="button" class="button button--link" onClick={() => setDay(formatDate(c.date))}>
                    {formatDate(c.date)}
                  </button>
                </>
              ))}
            </p>
            {FIELDS.map((f) => (
              <TextField
                key={f}
                id={fieldId(FORM, f)}
                label={t(LABEL[f])}
                hint={t('report.optional')}
                value={values[f] ?? ''}
                onValue={(v) => setValues({ ...values, [f]: v })}
                error={errorFor(errors, f)}
                maxLength={MAX[f]}
                width={f === 'number' ? 'short' : 'long'}
                autoComplete="off"
              />
            ))}
            <div class="form-actions">
              <button type="submit" class="button" disabled={busy}>
                {busy ? t('common.saving') : t('report.download')}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

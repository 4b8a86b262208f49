// Office: import tasks from an Excel or CSV file. The file is checked first (dry run);
// the per-row report says what to fix, and nothing is imported until the file is clean.
import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client';
import type { ImportResult } from '../api/types';
import { Link, navigate, useLocation } from '../app/router';
import { errorMessage, fieldId, type FieldError } from '../core/errors';
import { setFlash } from '../core/flash';
import { formatInteger } from '../core/format';
import { useDocumentTitle } from '../core/hooks';
import { ErrorSummary, FieldShell, Notice, PageHeader, SelectField } from '../core/ui';
import { t } from '../i18n';
import { orderGroups, useDirectives, useGroups } from './data';
import { directiveCitation } from './labels';

const FORM = 'import';
const MAX_BYTES = 20 * 1024 * 1024;

function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  return null;
}

export function ImportPage() {
  useDocumentTitle(t('import.title'));
  const loc = useLocation();
  const directives = useDirectives();
  const [directiveId, setDirectiveId] = useState(loc.query.get('directive_id') ?? '');
  const [groupId, setGroupId] = useState(loc.query.get('group_id') ?? '');
  const groups = useGroups(Number(directiveId) || undefined);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<{ file: File; result: ImportResult } | null>(null);
  const [unsupported, setUnsupported] = useState(false);

  const run = async (dryRun: boolean) => {
    const problems: FieldError[] = [];
    if (!file) problems.push({ field: 'file', message: t('import.fileRequired') });
    else if (!contentTypeOf(file)) problems.push({ field: 'file', message: t('import.fileType') });
    else if (file.size > MAX_BYTES) problems.push({ field: 'file', message: t('import.fileTooBig') });
    setErrors(problems);
    if (problems.length || !file) return;
    setBusy(true);
    setUnsupported(false);
    try {
      const result = await api.tasks.import(file, contentTypeOf(file)!, file.name, {
        directive_id: Number(directiveId) || undefined,
        group_id: (directiveId && Number(groupId)) || undefined,
        dry_run: dryRun || undefined,
      });
      if (!dryRun && result.ok) {
        setFlash(
          result.groups_created
            ? t('import.doneGroups', { n: formatInteger(result.imported ?? 0), groups: formatInteger(result.groups_created) })
            : t('import.done', { n: formatInteger(result.imported ?? 0) }),
        );
        navigate(directiveId ? `/tasks?directive_id=${directiveId}` : '/tasks');
        return;
      }
      setChecked({ file, result });
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 405)) setUnsupported(true);
      else setErrors([{ field: isApiError(err) && err.field ? err.field : 'file', message: errorMessage(err) }]);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  };

  const result = checked && checked.file === file ? checked.result : null;
  const rowErrors = result?.errors ?? [];
  const badRows = new Set(rowErrors.map((e) => e.row)).size;

  return (
    <div class="form-page form-page--wide">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <ErrorSummary form={FORM} errors={errors} />
      {unsupported && <Notice tone="error">{t('import.unsupported')}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
        noValidate
      >
        <SelectField
          id={fieldId(FORM, 'directive_id')}
          label={t('task.directive')}
          hint={t('import.directiveHint')}
          value={directiveId}
          onValue={(v) => {
            setDirectiveId(v);
            setGroupId('');
            setChecked(null);
          }}
          options={[{ value: '', label: t('taskForm.noDirective') }, ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: directiveCitation(d) }))]}
        />
        {directiveId && (groups.data?.length ?? 0) > 0 && (
          <SelectField
            id={fieldId(FORM, 'group_id')}
            label={t('task.group')}
            hint={t('import.groupHint')}
            value={groupId}
            onValue={(v) => {
              setGroupId(v);
              setChecked(null);
            }}
            options={[{ value: '', label: t('import.groupFromFile') }, ...orderGroups(groups.data ?? []).map((g) => ({ value: String(g.group.id), label: `${g.number}. ${g.group.title}` }))]}
          />
        )}
        <FieldShell id={fieldId(FORM, 'file')} label={t('import.file')} hint={t('import.fileHint')} error={errors.find((e) => e.field === 'file')?.message} required>
          <input
            id={fieldId(FORM, 'file')}
            type="file"
            class="file-input"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={`${fieldId(FORM, 'file')}-hint`}
            onChange={(e) => {
              setFile((e.target as HTMLInputElement).files?.[0] ?? null);
              setChecked(null);
            }}
          />
        </FieldShell>
        <details class="details">
          <summary>{t('import.columnsTitle')}</summary>
          <ul>
            <li>{t('import.colTitle')}</li>
            <li>{t('import.colLead')}</li>
            <li>{t('import.colCoordinators')}</li>
            <li>{t('import.colDeadline')}</li>
            <li>{t('import.colProgress')}</li>
            <li>{t('import.colGroups')}</li>
            <li>{t('import.colOther')}</li>
          </ul>
          <p>{t('import.templateHint')}</p>
        </details>
        <div class="form-actions">
          <button type="submit" class="button button--secondary" disabled={busy}>
            {busy ? t('import.checking') : t('import.check')}
          </button>
          {result?.ok && (
            <button type="button" class="button" disabled={busy} onClick={() => run(false)}>
              {t('import.submit', { n: formatInteger(result.valid_rows ?? 0) })}
            </button>
          )}
          <Link href="/tasks">{t('common.cancel')}</Link>
        </div>
      </form>
      {result && (
        <section class="section" aria-labelledby="import-report-title" id="import-report">
          <h2 id="import-report-title">{t('import.reportTitle', { name: checked!.file.name })}</h2>
          {result.ok ? (
            <Notice tone="success">
              <p>{t('import.clean', { n: formatInteger(result.valid_rows ?? 0) })}</p>
            </Notice>
          ) : (
            <>
              <Notice tone="error">
                <p>{t('import.dirty', { errors: formatInteger(rowErrors.length), rows: formatInteger(badRows) })}</p>
              </Notice>
              <div class="table-wrap">
                <table class="table table--stack">
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        {t('import.row')}
                      </th>
                      <th scope="col">{t('import.column')}</th>
                      <th scope="col">{t('import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rowErrors.map((e, i) => (
                      <tr key={i}>
                        <td class="num" data-label={t('import.row')}>
                          {formatInteger(e.row)}
                        </td>
                        <td data-label={t('import.column')} class="nowrap">
                          {e.column || '—'}
                        </td>
                        <td data-label={t('import.problem')}>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

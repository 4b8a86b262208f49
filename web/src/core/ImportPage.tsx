// The one import page: a sheet (.xlsx or .csv) is checked first (dry run), the per-row
// report says what to fix, and nothing is imported until the file is clean. A feature
// gives its endpoint, the file types it takes, its column help, its own fields (a
// directive, say) and its words; tasks use it now, investment and indicators next.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client';
import type { ImportResult, ImportRowError } from '../api/types';
import { Link } from '../app/router';
import { t } from '../i18n';
import { errorFor, errorMessage, fieldId, type FieldError } from './errors';
import { formatInteger } from './format';
import { useDocumentTitle } from './hooks';
import { DataTable, type Column } from './list';
import { ErrorSummary, FieldShell, Notice, PageHeader } from './ui';

// The form's id: fields are `import-file`, `import-<the feature's field>`.
export const IMPORT_FORM = 'import';

export type SheetType = 'xlsx' | 'csv';

const SHEET_TYPES: Record<SheetType, { ext: string; mime: string; hint: string }> = {
  xlsx: { ext: '.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hint: '.xlsx' },
  csv: { ext: '.csv', mime: 'text/csv; charset=utf-8', hint: '.csv (UTF-8)' },
};

export interface ImportSpec {
  // POSTed to with the file as the body, `dry_run=true` for the check.
  endpoint: string;
  accept: SheetType[];
  maxMegabytes: number;
  title: string;
  lead: string;
  fileLabel: string;
  // What each column holds, one line each, and a closing note (where to find a template).
  columns: string[];
  columnsNote?: string;
  // The feature's own fields, shown above the file, and their values for the query.
  fields?: ComponentChildren;
  query: Record<string, number | string | undefined>;
  cancelHref: string;
  words: {
    submit: (rows: string) => string;
    clean: (rows: string) => string;
    dirty: (errors: string, rows: string) => string;
    unsupported: string;
  };
  onImported: (result: ImportResult) => void;
}

function typeOf(file: File, accept: SheetType[]): SheetType | null {
  const name = file.name.toLowerCase();
  return accept.find((k) => name.endsWith(SHEET_TYPES[k].ext)) ?? null;
}

function checkFile(file: File | null, spec: ImportSpec): FieldError[] {
  const types = spec.accept.map((k) => SHEET_TYPES[k].ext).join(t('import.or'));
  const problem = !file
    ? t('import.fileRequired', { types })
    : !typeOf(file, spec.accept)
      ? t('import.fileType', { types })
      : file.size > spec.maxMegabytes * 1024 * 1024
        ? t('import.fileTooBig', { mb: formatInteger(spec.maxMegabytes) })
        : null;
  return problem ? [{ field: 'file', message: problem }] : [];
}

function reportColumns(): Column<ImportRowError>[] {
  return [
    { label: t('import.row'), num: true, cell: (e) => formatInteger(e.row) },
    { label: t('import.column'), class: 'nowrap', cell: (e) => e.column || '—' },
    { label: t('import.problem'), cell: (e) => e.message },
  ];
}

function Report(props: { name: string; result: ImportResult; spec: ImportSpec }) {
  const { result, spec } = props;
  const rowErrors = result.errors ?? [];
  return (
    <section class="section" aria-labelledby="import-report-title" id="import-report">
      <h2 id="import-report-title">{t('import.reportTitle', { name: props.name })}</h2>
      {result.ok ? (
        <Notice tone="success">
          <p>{spec.words.clean(formatInteger(result.valid_rows ?? 0))}</p>
        </Notice>
      ) : (
        <>
          <Notice tone="error">
            <p>{spec.words.dirty(formatInteger(rowErrors.length), formatInteger(new Set(rowErrors.map((e) => e.row)).size))}</p>
          </Notice>
          <DataTable rows={rowErrors} columns={reportColumns()} rowKey={(e) => `${e.row}:${e.column}:${e.message}`} />
        </>
      )}
    </section>
  );
}

export function ImportPage(props: { spec: ImportSpec }) {
  const spec = props.spec;
  useDocumentTitle(spec.title);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<{ file: File; query: string; result: ImportResult } | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const query = JSON.stringify(spec.query);
  const fileId = fieldId(IMPORT_FORM, 'file');

  const run = async (dryRun: boolean) => {
    const problems = checkFile(file, spec);
    setErrors(problems);
    if (problems.length || !file) return;
    setBusy(true);
    setUnsupported(false);
    try {
      const mime = SHEET_TYPES[typeOf(file, spec.accept)!].mime;
      const result = await api.imports.upload(spec.endpoint, file, mime, file.name, { ...spec.query, dry_run: dryRun || undefined });
      if (!dryRun && result.ok) return spec.onImported(result);
      setChecked({ file, query, result });
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 405)) setUnsupported(true);
      else setErrors([{ field: isApiError(err) && err.field ? err.field : 'file', message: errorMessage(err) }]);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  };

  // A report stands only for the file and the choices it was made with.
  const result = checked && checked.file === file && checked.query === query ? checked.result : null;
  const types = spec.accept.map((k) => SHEET_TYPES[k].hint).join(t('import.or'));

  return (
    <div class="form-page form-page--wide">
      <PageHeader title={spec.title} lead={spec.lead} />
      <ErrorSummary form={IMPORT_FORM} errors={errors} />
      {unsupported && <Notice tone="error">{spec.words.unsupported}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
        noValidate
      >
        {spec.fields}
        <FieldShell id={fileId} label={spec.fileLabel} hint={t('import.fileHint', { types, mb: formatInteger(spec.maxMegabytes) })} error={errorFor(errors, 'file')} required>
          <input
            id={fileId}
            type="file"
            class="file-input"
            accept={spec.accept.flatMap((k) => [SHEET_TYPES[k].ext, SHEET_TYPES[k].mime.split(';')[0]]).join(',')}
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </FieldShell>
        <details class="details">
          <summary>{t('import.columnsTitle')}</summary>
          <ul>
            {spec.columns.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
          {spec.columnsNote && <p>{spec.columnsNote}</p>}
        </details>
        <div class="form-actions">
          <button type="submit" class="button button--secondary" disabled={busy}>
            {busy ? t('import.checking') : t('import.check')}
          </button>
          {result?.ok && (
            <button type="button" class="button" disabled={busy} onClick={() => run(false)}>
              {spec.words.submit(formatInteger(result.valid_rows ?? 0))}
            </button>
          )}
          <Link href={spec.cancelHref}>{t('common.cancel')}</Link>
        </div>
      </form>
      {result && <Report name={checked!.file.name} result={result} spec={spec} />}
    </div>
  );
}

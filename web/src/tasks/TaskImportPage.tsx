// Office: import tasks from an Excel or CSV file into a directive, through the shared
// import page (core/ImportPage.tsx).
import { useState } from 'preact/hooks';
import { navigate, useLocation } from '../app/router';
import { fieldId } from '../core/errors';
import { setFlash } from '../core/flash';
import { formatInteger } from '../core/format';
import { IMPORT_FORM, ImportPage } from '../core/ImportPage';
import { SelectField } from '../core/ui';
import { t } from '../i18n';
import { orderGroups, useDirectives, useGroups } from './data';
import { directiveCitation } from './labels';

export function TaskImportPage() {
  const loc = useLocation();
  const directives = useDirectives();
  const [directiveId, setDirectiveId] = useState(loc.query.get('directive_id') ?? '');
  const [groupId, setGroupId] = useState(loc.query.get('group_id') ?? '');
  const [onMatch, setOnMatch] = useState('skip'); // tasksreport: rows matching tasks already there
  const groups = useGroups(Number(directiveId) || undefined);

  const fields = (
    <>
      <SelectField
        id={fieldId(IMPORT_FORM, 'directive_id')}
        label={t('task.directive')}
        hint={t('import.directiveHint')}
        value={directiveId}
        onValue={(v) => {
          setDirectiveId(v);
          setGroupId('');
        }}
        options={[{ value: '', label: t('taskForm.noDirective') }, ...(directives.data ?? []).map((d) => ({ value: String(d.id), label: directiveCitation(d) }))]}
      />
      {directiveId && (groups.data?.length ?? 0) > 0 && (
        <SelectField
          id={fieldId(IMPORT_FORM, 'group_id')}
          label={t('task.group')}
          hint={t('import.groupHint')}
          value={groupId}
          onValue={setGroupId}
          options={[{ value: '', label: t('import.groupFromFile') }, ...orderGroups(groups.data ?? []).map((g) => ({ value: String(g.group.id), label: `${g.number}. ${g.group.title}` }))]}
        />
      )}
      {directiveId && (
        <SelectField
          id={fieldId(IMPORT_FORM, 'on_match')}
          label={t('import.onMatch')}
          hint={onMatch === 'update' ? t('reimport.updateHint') : t('import.onMatchHint')}
          value={onMatch}
          onValue={setOnMatch}
          options={[
            { value: 'skip', label: t('import.onMatchSkip') },
            { value: 'update', label: t('reimport.update') }, // tasksa
            { value: 'create', label: t('import.onMatchCreate') },
          ]}
        />
      )}
    </>
  );

  return (
    <ImportPage
      spec={{
        endpoint: '/tasks/import',
        accept: ['xlsx', 'csv'],
        maxMegabytes: 20,
        title: t('import.title'),
        lead: t('import.lead'),
        fileLabel: t('import.file'),
        columns: [
          t('import.colTitle'),
          t('import.colLead'),
          t('import.colCoordinators'),
          t('taskStart.label'),
          t('import.colDeadline'),
          t('import.colProgress'),
          t('import.colGroups'),
          t('import.colOther'),
        ],
        columnsNote: t('import.templateHint'),
        fields,
        query: { directive_id: Number(directiveId) || undefined, group_id: (directiveId && Number(groupId)) || undefined, on_match: directiveId ? onMatch : undefined },
        cancelHref: '/tasks',
        words: {
          submit: (n) => t('import.submit', { n }),
          clean: (n) => t('import.clean', { n }),
          dirty: (errors, rows) => t('import.dirty', { errors, rows }),
          unsupported: t('import.unsupported'),
        },
        onImported: (result) => {
          const n = formatInteger(result.imported ?? 0);
          const updated = (result as { updated?: number }).updated ?? 0;
          if (updated) setFlash(`${t('import.done', { n })} ${t('reimport.updated', { n: formatInteger(updated) })}`);
          else if (result.skipped) setFlash(t('import.doneSkipped', { n, skipped: formatInteger(result.skipped) }));
          else setFlash(result.groups_created ? t('import.doneGroups', { n, groups: formatInteger(result.groups_created) }) : t('import.done', { n }));
          navigate(directiveId ? `/tasks?directive_id=${directiveId}` : '/tasks');
        },
      }}
    />
  );
}

// Import of indicator values from .xlsx or .csv through the shared import page: checked
// first, a per-row report, nothing imported until the file is clean.
import { navigate } from '../app/router';
import { setFlash } from '../core/flash';
import { formatInteger } from '../core/format';
import { ImportPage } from '../core/ImportPage';
import { t } from '../i18n';

export function ValueImportPage() {
  return (
    <ImportPage
      spec={{
        endpoint: '/indicator-values/import',
        accept: ['xlsx', 'csv'],
        maxMegabytes: 20,
        title: t('targets.importTitle'),
        lead: t('targets.importLead'),
        fileLabel: t('targets.importFile'),
        columns: [t('targets.importColIndicator'), t('targets.importColUnit'), t('targets.importColPeriod'), t('targets.importColValue'), t('targets.importColKind'), t('targets.importColSource')],
        columnsNote: t('targets.importNote'),
        query: {},
        cancelHref: '/targets/values',
        words: {
          submit: (n) => t('targets.importSubmit', { n }),
          clean: (n) => t('targets.importClean', { n }),
          dirty: (errors, rows) => t('targets.importDirty', { errors, rows }),
          unsupported: t('targets.importUnsupported'),
        },
        onImported: (result) => {
          setFlash(t('targets.imported', { n: formatInteger(result.imported ?? result.valid_rows ?? 0) }));
          navigate('/targets/values');
        },
      }}
    />
  );
}

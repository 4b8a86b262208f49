// One unit: what it is, where it sits as of the date, where it came from and what
// replaced it.
import { api } from '../api/client';
import type { UnitDetail, UnitLink } from '../api/types';
import { hrefWith, useAsOf } from '../app/asof';
import { Link } from '../app/router';
import { useCan } from '../auth/session';
import { Flash } from '../core/Flash';
import { addDays, formatDate, formatValidity } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorBox, Loading, PageHeader, Tag } from '../core/ui';
import { t } from '../i18n';
import { eventKindLabel, kindLabel, unitStatus } from './labels';
import { TaskReportPanel } from '../tasks/TaskReportPanel';

function LinksTable(props: { links: UnitLink[]; caption: string; empty: string; dateLabel: string; asOfFor: (l: UnitLink) => string; markPrimary?: boolean }) {
  return (
    <section class="section">
      <h2>{props.caption}</h2>
      {props.links.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('unit.name')}</th>
                <th scope="col">{t('unit.code')}</th>
                <th scope="col">{t('restructure.kind')}</th>
                <th scope="col">{props.dateLabel}</th>
              </tr>
            </thead>
            <tbody>
              {props.links.map((l) => (
                <tr key={`${l.event_id}-${l.id}`}>
                  <td data-label={t('unit.name')}>
                    <Link href={hrefWith(`/units/${l.id}`, props.asOfFor(l))}>{l.name}</Link>
                  </td>
                  <td data-label={t('unit.code')} class="code">{l.code}</td>
                  <td data-label={t('restructure.kind')}>
                    {eventKindLabel(l.event_kind)}{' '}
                    {l.primary && props.markPrimary && (
                      <Tag tone="info" title={t('unit.primaryHint')}>
                        {t('unit.primary')}
                      </Tag>
                    )}
                  </td>
                  <td data-label={props.dateLabel}>{formatDate(l.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// The parent on `asOf`, from the unit's parent history (the detail endpoint reports
// `parent_id` as of today).
function parentOn(unit: UnitDetail, asOf: string): { id: number; name: string } | null {
  const period = unit.parents.find((p) => (!p.valid_from || p.valid_from <= asOf) && (!p.valid_to || p.valid_to >= asOf));
  if (period) return period.parent_id === null ? null : { id: period.parent_id, name: period.parent_name ?? `#${period.parent_id}` };
  if (unit.parent_id === null) return null;
  const known = unit.parents.find((p) => p.parent_id === unit.parent_id);
  return { id: unit.parent_id, name: known?.parent_name ?? `#${unit.parent_id}` };
}

export function UnitDetailPage(props: { id: number }) {
  const asOf = useAsOf();
  const canWrite = useCan('units.write');
  const canAudit = useCan('audit.read');
  const canTasks = useCan('tasks.read');
  const res = useAsync(() => api.units.get(props.id, asOf), [props.id, asOf]);
  useDocumentTitle(res.data?.name ?? t('unit.detailTitle'));

  if (res.error) {
    return (
      <div>
        <PageHeader title={t('unit.detailTitle')} />
        <ErrorBox error={res.error} onRetry={res.reload} />
        <p>
          <Link href={hrefWith('/units', asOf)}>{t('unit.backToTree')}</Link>
        </p>
      </div>
    );
  }
  if (!res.data) return <Loading />;
  const u = res.data;
  const status = unitStatus(u, asOf);
  const parent = parentOn(u, asOf);
  const ended = !!u.valid_to && u.valid_to < asOf;

  return (
    <div>
      <p class="breadcrumb">
        <Link href={hrefWith('/units', asOf)}>{t('nav.units')}</Link>
        <span aria-hidden="true"> › </span>
        <span>{u.code}</span>
      </p>
      <PageHeader
        title={u.name}
        lead={
          <>
            <Tag tone={status.tone} title={status.reason}>
              {status.label}
            </Tag>{' '}
            <span class="muted">{status.reason}</span>
          </>
        }
        actions={
          <>
            {canWrite && !ended && (
              <>
                <Link class="button" href={hrefWith(`/units/${u.id}/edit`, asOf)}>
                  {t('unit.edit')}
                </Link>
                <Link class="button button--secondary" href={hrefWith('/units/restructure', asOf, { source: u.id })}>
                  {t('units.restructure')}
                </Link>
                <Link class="button button--secondary" href={hrefWith('/units/new', asOf, { parent_id: u.id })}>
                  {t('unit.addChild')}
                </Link>
                {!u.valid_to && (
                  <Link class="button button--warning" href={hrefWith(`/units/${u.id}/end`, asOf)}>
                    {t('unit.end')}
                  </Link>
                )}
              </>
            )}
            {canAudit && (
              <Link class="button button--secondary" href={`/audit?entity=unit&entity_id=${u.id}`}>
                {t('unit.history')}
              </Link>
            )}
          </>
        }
      />
      <Flash />
      {canTasks && <TaskReportPanel unitId={u.id} />}
      <dl class="summary-list">
        <div>
          <dt>{t('unit.code')}</dt>
          <dd class="code">{u.code}</dd>
        </div>
        <div>
          <dt>{t('unit.name')}</dt>
          <dd>{u.name}</dd>
        </div>
        <div>
          <dt>{t('unit.kind')}</dt>
          <dd>{kindLabel(u.kind)}</dd>
        </div>
        <div>
          <dt>{t('unit.parentAsOf', { date: formatDate(asOf) })}</dt>
          <dd>{parent ? <Link href={hrefWith(`/units/${parent.id}`, asOf)}>{parent.name}</Link> : t('unit.noParent')}</dd>
        </div>
        <div>
          <dt>{t('unit.validity')}</dt>
          <dd>{formatValidity(u.valid_from, u.valid_to)}</dd>
        </div>
      </dl>

      <LinksTable
        caption={t('unit.predecessors')}
        empty={t('unit.noPredecessors')}
        dateLabel={t('unit.linkDate')}
        links={u.predecessors}
        asOfFor={(l) => addDays(l.date, -1)}
      />
      <LinksTable
        caption={t('unit.successors')}
        empty={t('unit.noSuccessors')}
        dateLabel={t('unit.linkDate')}
        links={u.successors}
        asOfFor={(l) => l.date}
        markPrimary
      />

      <section class="section">
        <h2>{t('unit.parentHistory')}</h2>
        {u.parents.length === 0 ? (
          <p class="muted">{t('unit.noParentHistory')}</p>
        ) : (
          <div class="table-wrap">
            <table class="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('unit.parent')}</th>
                  <th scope="col">{t('unit.from')}</th>
                  <th scope="col">{t('unit.to')}</th>
                </tr>
              </thead>
              <tbody>
                {u.parents.map((p, i) => (
                  <tr key={i}>
                    <td data-label={t('unit.parent')}>
                      {p.parent_id !== null ? (
                        <Link href={hrefWith(`/units/${p.parent_id}`, p.valid_from ?? asOf)}>{p.parent_name ?? `#${p.parent_id}`}</Link>
                      ) : (
                        t('unit.noParent')
                      )}
                    </td>
                    <td data-label={t('unit.from')}>{formatDate(p.valid_from)}</td>
                    <td data-label={t('unit.to')}>{p.valid_to ? formatDate(p.valid_to) : t('unit.now')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

// One petition: what was asked, where it stands, the answer and the rating, the task it
// spawned, its history, and the actions the server allows now (allowed_actions), each
// opening its own small form.
import { useState } from 'preact/hooks';
import { Link } from '../app/router';
import { Flash } from '../core/Flash';
import { useForm, Form } from '../core/form';
import { formatDate } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { ErrorBox, Loading, Notice, RadioGroup, SelectField, TextAreaField, TextField } from '../core/ui';
import { hasKey, t, type MessageKey } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { petitionsApi, type PetitionDetail } from './api';
import { categoryLabel, Row, StateTag, TimelinessTag } from './parts';

type Unit = { id: number; code: string; name: string };
const today = () => new Date().toISOString().slice(0, 10);

// The fields of one action's form, and the body it sends.
function useActionFields(action: string, p: PetitionDetail) {
  const [unit, setUnit] = useState<Unit | null>(null);
  const [coordinators, setCoordinators] = useState<Unit | null>(null);
  const [text, setText] = useState(action === 'answer' ? p.answer_text ?? '' : '');
  const [choice, setChoice] = useState(action === 'answer' ? p.outcome || 'directed' : action === 'return' ? 'incomplete' : '');
  const [other, setOther] = useState('');
  const body = (): object => {
    switch (action) {
      case 'route': return { unit_id: unit?.id, coordinating_unit_ids: coordinators ? [coordinators.id] : [] };
      case 'forward': return { unit_id: unit?.id, reason: text };
      case 'return': return { reason: choice, note: text, authority: other, ...(other && choice === 'duplicate' ? { duplicate_of_id: Number(other), authority: '' } : {}) };
      case 'answer': return { text, outcome: choice };
      case 'rate': return { satisfied: choice === '' ? null : choice === 'yes', reason: text };
      case 'reopen': case 'resolve': return action === 'reopen' ? { reason: text } : { note: text };
      case 'task': return { directive_id: Number(other) || null };
      default: return {};
    }
  };
  return { unit, setUnit, coordinators, setCoordinators, text, setText, choice, setChoice, other, setOther, body };
}

function ActionFields(props: { action: string; p: PetitionDetail; f: ReturnType<typeof useForm>; v: ReturnType<typeof useActionFields> }) {
  const { action, f, v } = props;
  const tpl = useAsync(() => (action === 'answer' ? petitionsApi.templates(props.p.id) : Promise.resolve({ items: [], total: 0 })), [action]);
  if (action === 'route' || action === 'forward')
    return (
      <>
        <UnitPicker {...f.field('unit_id')} label={t(action === 'route' ? 'petitions.field.unit' : 'petitions.field.forwardTo')} required asOf={today()} value={v.unit} onChange={v.setUnit} />
        {action === 'route' && <UnitPicker {...f.field('coordinating_unit_ids')} label={t('petitions.field.coordinators')} asOf={today()} value={v.coordinators} onChange={v.setCoordinators} />}
        {action === 'forward' && <TextAreaField {...f.field('reason')} label={t('petitions.field.reason')} required value={v.text} onValue={v.setText} />}
      </>
    );
  if (action === 'return')
    return (
      <>
        <RadioGroup id={f.field('reason').id} error={f.field('reason').error} legend={t('petitions.field.returnReason')} required value={v.choice} onValue={v.setChoice}
          options={['incomplete', 'duplicate', 'outside_authority'].map((r) => ({ value: r, label: t(`petitions.return.${r}` as MessageKey) }))} />
        {v.choice === 'incomplete' && <TextAreaField {...f.field('note')} label={t('petitions.field.note')} value={v.text} onValue={v.setText} />}
        {v.choice === 'duplicate' && <TextField {...f.field('duplicate_of_id')} label={t('petitions.field.duplicateOf')} value={v.other} onValue={v.setOther} width="short" />}
        {v.choice === 'outside_authority' && <TextField {...f.field('authority')} label={t('petitions.field.authority')} value={v.other} onValue={v.setOther} />}
      </>
    );
  if (action === 'answer')
    return (
      <>
        {tpl.data && tpl.data.items.length > 0 && (
          <SelectField id="petition-template" label={t('petitions.templates')} value="" onValue={(id) => v.setText(tpl.data!.items.find((x) => String(x.id) === id)?.body ?? v.text)}
            options={[{ value: '', label: t('petitions.useTemplate') }, ...tpl.data.items.map((x) => ({ value: String(x.id), label: x.title ?? '' }))]} />
        )}
        <TextAreaField {...f.field('text')} label={t('petitions.field.answer')} required rows={6} value={v.text} onValue={v.setText} />
        <RadioGroup id={f.field('outcome').id} error={f.field('outcome').error} legend={t('petitions.field.outcome')} value={v.choice} onValue={v.setChoice}
          options={[{ value: 'directed', label: t('petitions.outcome.directed') }, { value: 'resolved', label: t('petitions.outcome.resolved') }]} />
      </>
    );
  if (action === 'rate')
    return (
      <>
        <RadioGroup id={f.field('satisfied').id} error={f.field('satisfied').error} legend={t('petitions.field.satisfied')} required value={v.choice} onValue={v.setChoice} inline
          options={[{ value: 'yes', label: t('petitions.rate.yes') }, { value: 'no', label: t('petitions.rate.no') }]} />
        <TextAreaField {...f.field('reason')} label={t('petitions.field.reason')} value={v.text} onValue={v.setText} />
      </>
    );
  if (action === 'reopen' || action === 'resolve')
    return <TextAreaField {...f.field(action === 'reopen' ? 'reason' : 'note')} label={t(action === 'reopen' ? 'petitions.field.reason' : 'petitions.field.note')} required={action === 'reopen'} value={v.text} onValue={v.setText} />;
  if (action === 'task') return <TextField {...f.field('directive_id')} label={t('petitions.field.directive')} required value={v.other} onValue={v.setOther} width="short" />;
  return null;
}

function ActionForm(props: { action: string; p: PetitionDetail; onDone: () => void; onCancel: () => void }) {
  const f = useForm(`petition-${props.action}`);
  const v = useActionFields(props.action, props.p);
  const onSubmit = f.submit(
    (problems) => {
      if ((props.action === 'route' || props.action === 'forward') && !v.unit) problems.push({ field: 'unit_id', message: t('petitions.required.unit') });
      if (props.action === 'answer' && !v.text.trim()) problems.push({ field: 'text', message: t('petitions.required.answer') });
      if (props.action === 'rate' && !v.choice) problems.push({ field: 'satisfied', message: t('petitions.required.satisfied') });
      if ((props.action === 'reopen' || props.action === 'forward') && !v.text.trim()) problems.push({ field: 'reason', message: t('petitions.required.reason') });
    },
    async () => {
      await petitionsApi.act(props.p.id, props.action, v.body());
      props.onDone();
    },
  );
  return (
    <div id={`${props.action}-section`} class="action-form">
      <Form state={f} onSubmit={onSubmit} submitLabel={t(`petitions.action.${props.action}` as MessageKey)} cancelHref={`/petitions/${props.p.id}`}>
        <ActionFields action={props.action} p={props.p} f={f} v={v} />
      </Form>
    </div>
  );
}

function Actions(props: { p: PetitionDetail; reload: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const actions = props.p.allowed_actions;
  if (!actions.length) return null;
  return (
    <section class="panel actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('petitions.actions')}</h2>
      <ul class="action-buttons">
        {actions.map((a) => (
          <li key={a}>
            <button type="button" class={`button ${a === open ? '' : 'button--secondary'}`} aria-expanded={a === open} onClick={() => setOpen(a === open ? null : a)}>
              {t(`petitions.action.${a}` as MessageKey)}
            </button>
          </li>
        ))}
      </ul>
      {open && <ActionForm key={open} action={open} p={props.p} onCancel={() => setOpen(null)} onDone={() => { setOpen(null); props.reload(); }} />}
    </section>
  );
}

function Facts(props: { p: PetitionDetail }) {
  const p = props.p;
  return (
    <dl class="summary-list">
      <Row label={t('petitions.field.business')}>{p.business_name}</Row>
      <Row label={t('petitions.field.category')}>{categoryLabel(p.category ?? '')}</Row>
      <Row label={t('petitions.field.filedOn')}>{formatDate(p.filed_on)}</Row>
      <Row label={t('petitions.field.unit')}>
        {p.responsible_unit_name ?? '—'}
        {p.coordinating_units && p.coordinating_units.length > 0 && <span class="block muted small">{t('petitions.field.coordinators')}: {p.coordinating_units.map((u) => u.name).join(', ')}</span>}
        {p.forwarded_from_unit_name && <span class="block muted small">{t('petitions.forwardedFrom', { unit: p.forwarded_from_unit_name, date: formatDate(p.forwarded_on) })}</span>}
      </Row>
      {p.due_on && <Row label={t('petitions.field.due')}>{formatDate(p.due_on)} <TimelinessTag p={p} /></Row>}
      {p.return_reason && <Row label={t('petitions.field.returnReason')}>{t(`petitions.return.${p.return_reason}` as MessageKey)} {p.authority || p.return_note} {p.duplicate_of_id && <Link href={`/petitions/${p.duplicate_of_id}`}>#{p.duplicate_of_id}</Link>}</Row>}
      {p.task && <Row label={t('petitions.task')}>{p.task.visible ? <Link href={`/tasks/${p.task.id}`}>{p.task.title}</Link> : `#${p.task.id}`} — {t('petitions.taskProgress', { percent: p.task.progress_percent ?? 0 })}</Row>}
    </dl>
  );
}

function Body(props: { p: PetitionDetail; reload: () => void }) {
  const p = props.p;
  return (
    <div class="task-detail">
      <nav class="breadcrumb"><Link href="/petitions">{t('petitions.title')}</Link></nav>
      <div class="page-header"><div>
        <h1 id="page-title" tabIndex={-1}>{p.title}</h1>
        <p class="task-tags"><StateTag state={p.state} /> <TimelinessTag p={p} />{p.published && <span class="tag tag--info">{t('petitions.published')}</span>}{(p.reopen_count ?? 0) > 0 && <span class="tag tag--grey">{t('petitions.reopened', { n: p.reopen_count ?? 0 })}</span>}</p>
      </div></div>
      <Flash />
      <Actions p={p} reload={props.reload} />
      <section class="section"><h2>{t('petitions.field.content')}</h2><p class="pre-line">{p.content}</p><Facts p={p} /></section>
      {p.answer_text && <section class="section"><h2>{t('petitions.answer')}</h2><p class="pre-line">{p.answer_text}</p>{p.outcome && <p class="muted">{t(`petitions.outcome.${p.outcome}` as MessageKey)}</p>}</section>}
      {p.satisfied !== null && p.satisfied !== undefined && <section class="section"><h2>{t('petitions.rating')}</h2><Notice tone={p.satisfied ? 'success' : 'error'}>{t(p.satisfied ? 'petitions.rate.yes' : 'petitions.rate.no')} {p.rating_reason}</Notice></section>}
      <section class="section"><h2>{t('petitions.history')}</h2>
        <ol class="timeline">{p.events.map((e) => <li key={e.id}><span class="timeline-date">{formatDate(e.happened_on)}</span> {hasKey(`petitions.event.${e.kind}`) ? t(`petitions.event.${e.kind}` as MessageKey) : e.kind}{e.unit_name ? ` — ${e.unit_name}` : ''}{e.note ? `: ${e.note}` : ''}</li>)}</ol>
      </section>
    </div>
  );
}

export function PetitionPage(props: { id: number }) {
  const res = useAsync(() => petitionsApi.get(props.id), [props.id]);
  useDocumentTitle(res.data?.title ?? t('petitions.title'));
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return <Body p={res.data} reload={res.reload} />;
}

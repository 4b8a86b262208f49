// One inspection plan: its visits (the investor or project visited, when, what was found) and
// the recommendations made tasks, each linking to its task. The lead unit's officers (the
// server's allowed_actions) record a visit's findings, make a recommendation a task and add
// a visit; each form shows its error summary and keeps what was typed.
import { useState } from 'preact/hooks';
import type { UnitRef } from '../api/types';
import { Link } from '../app/router';
import { Flash } from '../core/Flash';
import { setFlash } from '../core/flash';
import { useForm, type FormState } from '../core/form';
import { formatDate, parseDateInput, todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, Empty, ErrorBox, ErrorSummary, Loading, PageHeader, SelectField, Tag, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { TimelinessTag } from '../tasks/parts';
import { UnitPicker } from '../units/UnitPicker';
import { inspectionsApi, type PlanDetail, type Visit } from './inspections';
import { PlanStatusTag } from './InspectionsPage';
import './inspections.css';

type Task = Parameters<typeof TimelinessTag>[0]['task'] & { title: string };

// A form inside the page: its error summary, fields, submit and a button that closes it.
function InlineForm(props: { state: FormState; onSubmit: (e: Event) => void; submitLabel: string; onCancel: () => void; children: preact.ComponentChildren }) {
  return (
    <div class="inline-form">
      <ErrorSummary form={props.state.form} errors={props.state.errors} />
      <form onSubmit={props.onSubmit} noValidate>
        {props.children}
        <div class="form-actions">
          <button type="submit" class="button" disabled={props.state.busy}>
            {props.state.busy ? t('common.saving') : props.submitLabel}
          </button>
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            {t('invest.insp.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function FindingsForm(props: { visit: Visit; onDone: () => void; onCancel: () => void }) {
  const f = useForm(`findings-${props.visit.id}`);
  const [on, setOn] = useState(formatDate(props.visit.visited_on ?? todayIso()));
  const [findings, setFindings] = useState(props.visit.findings);
  const submit = f.submit(
    (problems) => {
      if (!parseDateInput(on)) problems.push({ field: 'visited_on', message: t('invest.insp.required.visitedOn') });
      if (!findings.trim()) problems.push({ field: 'findings', message: t('invest.insp.required.findings') });
    },
    async () => {
      await inspectionsApi.recordVisit(props.visit.id, { visited_on: parseDateInput(on)!, findings: findings.trim() });
      setFlash(t('invest.insp.findingsSaved'));
      props.onDone();
    },
  );
  return (
    <InlineForm state={f} onSubmit={submit} submitLabel={t('invest.insp.saveFindings')} onCancel={props.onCancel}>
      <DateField {...f.field('visited_on')} label={t('invest.insp.visitedOn')} required value={on} onValue={setOn} />
      <TextAreaField {...f.field('findings')} label={t('invest.insp.findings')} hint={t('invest.insp.findingsHint')} required rows={5} value={findings} onValue={setFindings} />
    </InlineForm>
  );
}

function RecommendForm(props: { visit: Visit; onDone: () => void; onCancel: () => void }) {
  const f = useForm(`recommend-${props.visit.id}`);
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const submit = f.submit(
    (problems) => {
      if (!title.trim()) problems.push({ field: 'title', message: t('invest.insp.required.recTitle') });
      if (!parseDateInput(deadline)) problems.push({ field: 'deadline', message: t('invest.insp.required.deadline') });
    },
    async () => {
      await inspectionsApi.recommend(props.visit.id, { title: title.trim(), deadline: parseDateInput(deadline)! });
      setFlash(t('invest.insp.recSaved', { title: title.trim() }));
      props.onDone();
    },
  );
  return (
    <InlineForm state={f} onSubmit={submit} submitLabel={t('invest.insp.recSave')} onCancel={props.onCancel}>
      <TextField {...f.field('title')} label={t('invest.insp.recTitle')} hint={t('invest.insp.recTitleHint')} required value={title} onValue={setTitle} />
      <DateField {...f.field('deadline')} label={t('invest.insp.recDeadline')} required value={deadline} onValue={setDeadline} />
    </InlineForm>
  );
}

function Recommendations(props: { visit: Visit }) {
  const list = props.visit.recommendations;
  if (list.length === 0) return <p class="muted">{t('invest.insp.noRecommendations')}</p>;
  return (
    <ul class="recommendations">
      {list.map((r) => {
        const task = r.task as unknown as Task;
        return (
          <li key={r.task_id}>
            <Link href={`/tasks/${r.task_id}`}>{task.title}</Link>
            {task.deadline && ` — ${t('invest.insp.recDeadline')} ${formatDate(task.deadline)}`} <TimelinessTag task={task} />
          </li>
        );
      })}
    </ul>
  );
}

function VisitCard(props: { visit: Visit; actions: string[]; reload: () => void }) {
  const v = props.visit;
  const [open, setOpen] = useState<'findings' | 'recommend' | null>(null);
  const done = () => {
    setOpen(null);
    props.reload();
  };
  const subject = v.project_id ? `${v.project_code ?? `#${v.project_id}`} — ${v.project_name ?? ''}` : t('invest.insp.wholeInvestor');
  return (
    <section class="panel visit" aria-labelledby={`visit-${v.id}`}>
      <h3 id={`visit-${v.id}`}>{v.investor_name ?? `#${v.investor_id}`}</h3>
      <p class="muted">{v.project_id ? <Link href={`/investment/projects/${v.project_id}`}>{subject}</Link> : subject}</p>
      <dl class="summary-list">
        <div><dt>{t('invest.insp.plannedOn')}</dt><dd>{formatDate(v.planned_on)}</dd></div>
        <div><dt>{t('invest.insp.visitedOn')}</dt><dd>{v.visited_on ? formatDate(v.visited_on) : <Tag tone="grey">{t('invest.insp.notVisited')}</Tag>}</dd></div>
      </dl>
      <h4>{t('invest.insp.findings')}</h4>
      {v.findings ? <p class="findings">{v.findings}</p> : <p class="muted">{t('invest.insp.noFindings')}</p>}
      <h4>{t('invest.insp.recommendations')}</h4>
      <Recommendations visit={v} />
      {open === 'findings' && <FindingsForm visit={v} onDone={done} onCancel={() => setOpen(null)} />}
      {open === 'recommend' && <RecommendForm visit={v} onDone={done} onCancel={() => setOpen(null)} />}
      {open === null && (
        <div class="action-buttons">
          {props.actions.includes('record_visit') && (
            <button type="button" class="button button--secondary" onClick={() => setOpen('findings')}>
              {v.visited_on ? t('invest.insp.editFindings') : t('invest.insp.recordFindings')}
            </button>
          )}
          {props.actions.includes('recommend') && (
            <button type="button" class="button button--secondary" onClick={() => setOpen('recommend')}>
              {t('invest.insp.recommend')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function AddVisitForm(props: { planId: number; onDone: () => void; onCancel: () => void }) {
  const f = useForm('add-visit');
  const [investor, setInvestor] = useState<UnitRef | null>(null);
  const [project, setProject] = useState('');
  const [on, setOn] = useState('');
  const projects = useAsync(() => (investor ? inspectionsApi.projectsOf(investor.id) : Promise.resolve(null)), [investor?.id]);
  const submit = f.submit(
    (problems) => {
      if (!investor) problems.push({ field: 'investor_id', message: t('invest.insp.required.investor') });
      if (!parseDateInput(on)) problems.push({ field: 'planned_on', message: t('invest.insp.required.plannedOn') });
    },
    async () => {
      await inspectionsApi.addVisit({ plan_id: props.planId, investor_id: investor!.id, project_id: project ? Number(project) : null, planned_on: parseDateInput(on)! });
      setFlash(t('invest.insp.visitAdded'));
      props.onDone();
    },
  );
  const options = [{ value: '', label: t('invest.insp.wholeInvestor') }, ...(projects.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))];
  return (
    <InlineForm state={f} onSubmit={submit} submitLabel={t('invest.insp.addVisit')} onCancel={props.onCancel}>
      <UnitPicker {...f.field('investor_id')} label={t('invest.insp.investor')} required asOf={todayIso()} value={investor} onChange={(u) => (setInvestor(u), setProject(''))} />
      <SelectField {...f.field('project_id')} label={t('invest.insp.project')} hint={t('invest.insp.projectHint')} value={project} onValue={setProject} options={options} disabled={!investor} />
      <DateField {...f.field('planned_on')} label={t('invest.insp.plannedOn')} required value={on} onValue={setOn} />
    </InlineForm>
  );
}

function Plan(props: { p: PlanDetail; reload: () => void }) {
  const { p } = props;
  const [adding, setAdding] = useState(false);
  // Each save reloads the plan and shows what it did in place of the previous notice (the
  // flash of the plan just made, or of the save before).
  const [saves, setSaves] = useState(0);
  const reload = () => {
    setSaves((n) => n + 1);
    props.reload();
  };
  return (
    <>
      <p>
        <Link href="/investment/inspections">← {t('invest.insp.back')}</Link>
      </p>
      <PageHeader
        title={p.title}
        lead={t('invest.insp.planLead', { year: p.year, decision: p.decision_number || '—', unit: p.lead_unit_name ?? '—' })}
      />
      <Flash key={saves} />
      <p>
        <PlanStatusTag status={p.status} /> {t('invest.insp.progress')}: {t('invest.insp.progressValue', { visited: p.visited, visits: p.visits })} ·{' '}
        {t('invest.insp.recommendations')}: {p.recommendations}
      </p>
      <h2>{t('invest.insp.visits')}</h2>
      {p.inspections.length === 0 && <Empty>{t('invest.insp.noVisits')}</Empty>}
      {p.inspections.map((v) => (
        <VisitCard key={v.id} visit={v} actions={p.allowed_actions} reload={reload} />
      ))}
      {p.allowed_actions.includes('add_visit') &&
        (adding ? (
          <section class="panel">
            <h3>{t('invest.insp.addVisit')}</h3>
            <AddVisitForm planId={p.id} onDone={() => (setAdding(false), reload())} onCancel={() => setAdding(false)} />
          </section>
        ) : (
          <button type="button" class="button button--secondary add-visit" onClick={() => setAdding(true)}>
            {t('invest.insp.addVisit')}
          </button>
        ))}
    </>
  );
}

export function InspectionPlanPage(props: { id: number }) {
  const s = useAsync(() => inspectionsApi.get(props.id), [props.id]);
  useDocumentTitle(s.data?.title ?? t('invest.insp.title'));
  if (s.error) return <ErrorBox error={s.error} onRetry={s.reload} />;
  if (!s.data) return <Loading />;
  return <Plan p={s.data} reload={s.reload} />;
}

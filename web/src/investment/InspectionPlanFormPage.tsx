// Lập kế hoạch kiểm tra: a new inspection plan (year, title, decision number, lead unit), as
// POST /inspection-plans takes it. The lead unit starts as the unit of the person's first
// role; the server decides whether they may plan for it and names the field it refuses.
// Once saved, the new plan's page opens, where its visits are added.
import { useState } from 'preact/hooks';
import type { Me, UnitRef } from '../api/types';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { setFlash } from '../core/flash';
import { FormPage, useForm } from '../core/form';
import { todayIso } from '../core/format';
import { useDocumentTitle } from '../core/hooks';
import { TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker } from '../units/UnitPicker';
import { inspectionsApi } from './inspections';

function firstRoleUnit(roles: Me['roles']): UnitRef | null {
  const r = roles.find((x) => x.unit_id !== null);
  return r ? { id: r.unit_id!, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null;
}

export function InspectionPlanFormPage() {
  useDocumentTitle(t('invest.insp.create'));
  const { me } = useSession();
  const f = useForm('inspection-plan');
  const [year, setYear] = useState(todayIso().slice(0, 4));
  const [title, setTitle] = useState('');
  const [decision, setDecision] = useState('');
  const [lead, setLead] = useState<UnitRef | null>(() => firstRoleUnit(me.roles));
  const onSubmit = f.submit(
    (problems) => {
      if (!/^\d{4}$/.test(year.trim())) problems.push({ field: 'year', message: t('invest.insp.required.year') });
      if (!title.trim()) problems.push({ field: 'title', message: t('invest.insp.required.title') });
      if (!lead) problems.push({ field: 'lead_unit_id', message: t('invest.insp.required.leadUnit') });
    },
    async () => {
      const body = { year: Number(year.trim()), title: title.trim(), decision_number: decision.trim(), lead_unit_id: lead!.id };
      const plan = await inspectionsApi.create(body);
      setFlash(t('invest.insp.created', { title: plan.title }));
      navigate(`/investment/inspections/${plan.id}`);
    },
  );
  return (
    <FormPage
      title={t('invest.insp.create')}
      lead={t('invest.insp.createLead')}
      state={f}
      onSubmit={onSubmit}
      submitLabel={t('invest.insp.createSubmit')}
      cancelHref="/investment/inspections"
    >
      <TextField {...f.field('year')} label={t('invest.insp.year')} hint={t('invest.insp.yearHint')} required value={year} onValue={setYear} width="short" inputMode="numeric" />
      <TextField {...f.field('title')} label={t('invest.insp.planTitle')} hint={t('invest.insp.planTitleHint')} required value={title} onValue={setTitle} width="long" />
      <TextField {...f.field('decision_number')} label={t('invest.insp.decision')} hint={t('invest.insp.decisionHint')} value={decision} onValue={setDecision} width="medium" />
      <UnitPicker {...f.field('lead_unit_id')} label={t('invest.insp.leadUnit')} hint={t('invest.insp.leadUnitHint')} required asOf={todayIso()} value={lead} onChange={setLead} />
    </FormPage>
  );
}

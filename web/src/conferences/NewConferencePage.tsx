// Tạo hội nghị: name, organising body, dates, place, the directive referred opinions become
// tasks under, and the drafts under discussion, each with its drafting unit, answer deadline
// and sections (one a line). Problems beside their fields, also those the server names
// ("documents[1].title").
import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { Form, useForm } from '../core/form';
import { parseDateInput } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { DateField, PageHeader, SelectField, TextAreaField, TextField } from '../core/ui';
import { t } from '../i18n';
import { conferencesApi, type NamedItem } from './api';

interface DraftRow { title: string; unit: string; due: string; sections: string }
const EMPTY: DraftRow = { title: '', unit: '', due: '', sections: '' };

const unitOptions = (units: NamedItem[]) => [{ value: '', label: '—' }, ...units.map((u) => ({ value: String(u.id), label: u.name }))];

function DraftFields(props: { f: ReturnType<typeof useForm>; i: number; row: DraftRow; units: NamedItem[]; onRow: (r: DraftRow) => void; onRemove?: () => void }) {
  const { f, i, row } = props;
  const at = (name: string) => f.field(`documents[${i}].${name}`);
  return (
    <fieldset class="fieldset conf-draft">
      <legend>{t('conf.draftN', { n: i + 1 })}</legend>
      <TextField {...at('title')} label={t('conf.draftTitle')} required value={row.title} onValue={(v) => props.onRow({ ...row, title: v })} />
      <SelectField {...at('drafting_unit_id')} label={t('conf.draftingUnit')} required value={row.unit}
        onValue={(v) => props.onRow({ ...row, unit: v })} options={unitOptions(props.units)} />
      <DateField {...at('answer_due_on')} label={t('conf.answerDueOn')} value={row.due} onValue={(v) => props.onRow({ ...row, due: v })} />
      <TextAreaField {...at('sections')} label={t('conf.sections')} hint={t('conf.sectionsHint')} rows={3} value={row.sections}
        onValue={(v) => props.onRow({ ...row, sections: v })} />
      {props.onRemove && (
        <button type="button" class="button button--secondary" onClick={props.onRemove}>{t('conf.removeDraft')}</button>
      )}
    </fieldset>
  );
}

export function NewConferencePage() {
  useDocumentTitle(t('conf.newTitle'));
  const f = useForm('conference');
  const units = useAsync(() => conferencesApi.units(), []);
  const directives = useAsync(() => conferencesApi.directives(), []);
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [place, setPlace] = useState('');
  const [directive, setDirective] = useState('');
  const [drafts, setDrafts] = useState<DraftRow[]>([{ ...EMPTY }]);
  const unitList = units.data?.items ?? [];
  const submit = f.submit(
    (problems) => {
      if (!name.trim()) problems.push({ field: 'name', message: t('conf.needName') });
      if (!body) problems.push({ field: 'body_unit_id', message: t('conf.needBody') });
      for (const [field, v] of [['starts_on', starts], ['ends_on', ends]] as const)
        if (!parseDateInput(v)) problems.push({ field, message: t('form.dateHint') });
      drafts.forEach((d, i) => {
        if (!d.title.trim()) problems.push({ field: `documents[${i}].title`, message: t('conf.needDraftTitle') });
        if (!d.unit) problems.push({ field: `documents[${i}].drafting_unit_id`, message: t('conf.needDraftingUnit') });
        if (d.due && !parseDateInput(d.due)) problems.push({ field: `documents[${i}].answer_due_on`, message: t('form.dateHint') });
      });
    },
    async () => {
      const c = await conferencesApi.create({
        name, body_unit_id: Number(body), starts_on: parseDateInput(starts), ends_on: parseDateInput(ends),
        place: place || undefined, directive_id: directive ? Number(directive) : undefined,
        documents: drafts.map((d) => ({
          title: d.title, drafting_unit_id: Number(d.unit), answer_due_on: d.due ? parseDateInput(d.due) : undefined,
          sections: d.sections.split('\n').map((x) => x.trim()).filter(Boolean),
        })),
      });
      navigate(`/conferences/${c.id}`);
    },
  );
  return (
    <>
      <PageHeader title={t('conf.newTitle')} lead={t('conf.newLead')} />
      <Form state={f} onSubmit={submit} submitLabel={t('conf.create')} cancelHref="/conferences">
        <TextField {...f.field('name')} label={t('conf.name')} required value={name} onValue={setName} />
        <SelectField {...f.field('body_unit_id')} label={t('conf.body')} required value={body} onValue={setBody} options={unitOptions(unitList)} />
        <div class="field-row">
          <DateField {...f.field('starts_on')} label={t('conf.startsOn')} required value={starts} onValue={setStarts} />
          <DateField {...f.field('ends_on')} label={t('conf.endsOn')} required value={ends} onValue={setEnds} />
        </div>
        <TextField {...f.field('place')} label={t('conf.place')} hint={t('conf.placeHint')} value={place} onValue={setPlace} width="medium" />
        <SelectField {...f.field('directive_id')} label={t('conf.directive')} hint={t('conf.directiveHint')} value={directive} onValue={setDirective}
          options={[{ value: '', label: '—' }, ...(directives.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.number} ${d.title}` }))]} />
        {drafts.map((d, i) => (
          <DraftFields key={i} f={f} i={i} row={d} units={unitList}
            onRow={(r) => setDrafts(drafts.map((x, j) => (j === i ? r : x)))}
            onRemove={drafts.length > 1 ? () => setDrafts(drafts.filter((_, j) => j !== i)) : undefined} />
        ))}
        <p>
          <button type="button" class="button button--secondary" onClick={() => setDrafts([...drafts, { ...EMPTY }])}>{t('conf.addDraft')}</button>
        </p>
      </Form>
    </>
  );
}

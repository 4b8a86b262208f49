// Keeping the indicator catalogue: a new indicator, or an indicator edited (its code stays).
// The labels are the server's own field names in its messages (Mã chỉ số, Tên chỉ số …), so a
// refusal — a code already used, a unit that does not exist — stands beside its field.
import { useState } from 'preact/hooks';
import { Link, navigate } from '../app/router';
import type { FieldError } from '../core/errors';
import { FormPage, Loaded, useForm } from '../core/form';
import { setFlash } from '../core/flash';
import { todayIso } from '../core/format';
import { useAsync, useDocumentTitle } from '../core/hooks';
import { SelectField, TextField } from '../core/ui';
import { t } from '../i18n';
import { UnitPicker, useUnitRef } from '../units/UnitPicker';
import { targetsApi } from './api';
import { indicatorName, labelOf } from './labels';
import { AGGREGATIONS, DIRECTIONS, PERIODICITIES, type Indicator, type IndicatorInput } from './types';

const FORM = 'indicator';
const GROUPS = ['economy', 'society', 'environment', 'administration', 'budget', 'investment'];
const COMPUTED = ['tasks.on_time_rate', 'investment.disbursement_rate'];

function options(prefix: string, values: string[]) {
  return values.map((v) => ({ value: v, label: labelOf(prefix, v) }));
}

function IndicatorForm(props: { indicator?: Indicator }) {
  const old = props.indicator;
  const form = useForm(FORM);
  const [code, setCode] = useState(old?.code ?? '');
  const [name, setName] = useState(old?.name ?? '');
  const [nameEn, setNameEn] = useState(old?.name_en ?? '');
  const [uom, setUom] = useState(old?.unit_of_measure ?? '');
  const [direction, setDirection] = useState<string>(old?.direction ?? 'higher_better');
  const [aggregation, setAggregation] = useState<string>(old?.aggregation ?? 'none');
  const [periodicity, setPeriodicity] = useState<string>(old?.periodicity ?? 'year');
  const [group, setGroup] = useState(old?.group ?? '');
  const [computed, setComputed] = useState(old?.computed ?? '');
  const [unit, setUnit] = useUnitRef(old?.responsible_unit_id ?? undefined);
  const back = old ? `/targets/indicators/${old.id}` : '/targets/indicators';

  const check = (problems: FieldError[]) => {
    if (!code.trim()) problems.push({ field: 'code', message: t('targets.indicatorCodeRequired') });
    if (!name.trim()) problems.push({ field: 'name', message: t('targets.indicatorNameRequired') });
    if (!unit) problems.push({ field: 'responsible_unit_id', message: t('targets.indicatorUnitRequired') });
  };
  const save = async () => {
    const body: IndicatorInput & { computed: string } = {
      code: code.trim(),
      name: name.trim(),
      name_en: nameEn.trim(),
      unit_of_measure: uom.trim(),
      direction: direction as IndicatorInput['direction'],
      aggregation: aggregation as IndicatorInput['aggregation'],
      periodicity: periodicity as IndicatorInput['periodicity'],
      responsible_unit_id: unit!.id,
      group,
      computed,
    };
    const saved = old ? await targetsApi.indicators.update(old.id, body) : await targetsApi.indicators.create(body);
    setFlash(t(old ? 'targets.indicatorSaved' : 'targets.indicatorCreated', { indicator: indicatorName(saved) }));
    navigate(`/targets/indicators/${saved.id}`);
  };

  return (
    <FormPage
      title={old ? t('targets.indicatorEditTitle', { indicator: indicatorName(old) }) : t('targets.indicatorNewTitle')}
      lead={t('targets.indicatorFormLead')}
      before={
        <p class="breadcrumb">
          <Link href="/targets/indicators">{t('targets.indicators')}</Link>
        </p>
      }
      state={form}
      onSubmit={form.submit(check, save)}
      submitLabel={old ? t('targets.indicatorSave') : t('targets.indicatorCreate')}
      cancelHref={back}
    >
      <TextField {...form.field('code')} label={t('targets.indicatorCode')} hint={t('targets.indicatorCodeHint')} required width="short" autoComplete="off" value={code} onValue={setCode} />
      <TextField {...form.field('name')} label={t('targets.indicatorNameVi')} required value={name} onValue={setName} />
      <TextField {...form.field('name_en')} label={t('targets.indicatorNameEn')} value={nameEn} onValue={setNameEn} />
      <TextField {...form.field('unit_of_measure')} label={t('targets.uom')} hint={t('targets.uomHint')} width="short" value={uom} onValue={setUom} />
      <SelectField {...form.field('direction')} label={t('targets.directionLabel')} required value={direction} onValue={setDirection} options={options('targets.direction', DIRECTIONS)} />
      <SelectField {...form.field('aggregation')} label={t('targets.aggregationLabel')} required value={aggregation} onValue={setAggregation} options={options('targets.aggregation', AGGREGATIONS)} />
      <SelectField {...form.field('periodicity')} label={t('targets.periodicityLabel')} required value={periodicity} onValue={setPeriodicity} options={options('targets.periodicity', PERIODICITIES)} />
      <UnitPicker {...form.field('responsible_unit_id')} label={t('targets.responsible')} required asOf={todayIso()} value={unit} onChange={setUnit} />
      <SelectField {...form.field('group')} label={t('targets.groupLabel')} value={group} onValue={setGroup} options={[{ value: '', label: t('form.choose') }, ...options('targets.group', GROUPS)]} />
      <SelectField
        {...form.field('computed')}
        label={t('targets.computedLabel')}
        hint={t('targets.computedHint')}
        value={computed}
        onValue={setComputed}
        options={[{ value: '', label: t('targets.computedNone') }, ...options('targets.computedSource', COMPUTED)]}
      />
    </FormPage>
  );
}

export function IndicatorNewPage() {
  useDocumentTitle(t('targets.indicatorNewTitle'));
  return <IndicatorForm />;
}

export function IndicatorEditPage(props: { id: number }) {
  const res = useAsync(() => targetsApi.indicators.get(props.id), [props.id]);
  useDocumentTitle(res.data ? t('targets.indicatorEditTitle', { indicator: indicatorName(res.data) }) : t('targets.indicators'));
  return <Loaded res={res}>{(i) => <IndicatorForm indicator={i} />}</Loaded>;
}

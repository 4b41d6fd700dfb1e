/** When the group meets: one fieldset per schedule, each a weekly, every-few-weeks, monthly or dates rule. */
import { DAYS, DAY_LABELS, ORDINALS, type Day, type Ordinal } from '../../../schema/vocab';
import { emptySchedule, type ScheduleDraft } from '../../../lib/authoring/entry-draft';
import { Checkboxes, Item, Radios, TextField } from './fields';
import { ListGroup, update, useFocusNewest } from './Repeatables';
import { t } from '../../../lib/text/messages';

const kinds = () => [
  { value: 'weekly', label: t('contribute.time.weekly') },
  { value: 'every', label: t('contribute.time.every'), hint: t('contribute.time.every.hint') },
  { value: 'monthly', label: t('contribute.time.monthly'), hint: t('contribute.time.monthly.hint') },
  { value: 'dates', label: t('contribute.time.dates'), hint: t('contribute.time.dates.hint') },
];
// The days' names are the site's words, read once the island's messages are set.
const dayOptions = () => DAYS.map((d) => ({ value: d, label: DAY_LABELS[d] }));
const weekOptions = () =>
  (Object.keys(ORDINALS) as Ordinal[]).map((w) => ({ value: w, label: t(`contribute.time.week.${w}`) }));

export function Schedules({
  schedules,
  onChange,
}: {
  schedules: ScheduleDraft[];
  onChange: (s: ScheduleDraft[]) => void;
}) {
  const keyOf = (i: number) => `schedules[${i}]`;
  useFocusNewest(schedules.length, keyOf, 'schedules');
  const set = (i: number, patch: Partial<ScheduleDraft>) => onChange(update(schedules, i, patch));
  return (
    <ListGroup fieldKey="schedules">
      {schedules.map((s, i) => {
        const k = `schedules[${i}]`;
        const daysKey = s.kind === 'monthly' ? `${k}.monthly` : `${k}.weekly`;
        return (
          <Item
            key={i}
            fieldKey={k}
            legend={schedules.length > 1 ? t('contribute.timeN', { n: i + 1 }) : t('contribute.time')}
            removeLabel={t('contribute.time.remove', { n: i + 1 })}
            onRemove={() => onChange(schedules.filter((_, j) => j !== i))}
          >
            <Radios
              fieldKey={`${k}.kind`}
              legend={t('contribute.time.often')}
              small
              options={kinds()}
              value={s.kind}
              onChange={(kind) => set(i, { kind: kind as ScheduleDraft['kind'] })}
            />
            {s.kind === 'monthly' && (
              <Checkboxes
                fieldKey={`${k}.monthly`}
                legend={t('contribute.time.weeks')}
                small
                options={weekOptions()}
                values={s.weeks}
                onChange={(weeks) => set(i, { weeks: weeks as Ordinal[] })}
                columns
              />
            )}
            {s.kind !== 'dates' && (
              <Checkboxes
                fieldKey={s.kind === 'monthly' ? `${k}.monthly-days` : daysKey}
                legend={t('contribute.time.days')}
                hint={s.kind === 'monthly' ? t('contribute.time.days.hint') : undefined}
                small
                options={dayOptions()}
                values={s.days}
                onChange={(days) => set(i, { days: days as Day[] })}
                columns
              />
            )}
            {s.kind === 'every' && (
              <>
                <TextField
                  fieldKey={`${k}.every`}
                  label={t('contribute.time.howMany')}
                  hint={t('contribute.time.howMany.hint')}
                  value={s.every}
                  onChange={(every) => set(i, { every })}
                  inputMode="numeric"
                  width="tiny"
                />
                <TextField
                  fieldKey={`${k}.from`}
                  label={t('contribute.time.countFrom')}
                  hint={t('contribute.time.countFrom.hint')}
                  type="date"
                  value={s.from}
                  onChange={(from) => set(i, { from })}
                  width="medium"
                />
              </>
            )}
            {s.kind === 'dates' && (
              <TextField
                fieldKey={`${k}.dates`}
                label={t('contribute.time.whichDates')}
                hint={t('contribute.time.whichDates.hint')}
                value={s.dates}
                onChange={(dates) => set(i, { dates })}
                spellCheck={false}
              />
            )}
            <div className="cf-row">
              <TextField
                fieldKey={`${k}.start`}
                label={t('contribute.time.start')}
                hint={t('contribute.time.start.hint')}
                type="time"
                value={s.start}
                onChange={(start) => set(i, { start })}
                width="short"
              />
              <TextField
                fieldKey={`${k}.end`}
                label={t('contribute.time.end')}
                hint={t('contribute.time.end.hint')}
                type="time"
                value={s.end}
                onChange={(end) => set(i, { end })}
                width="short"
              />
            </div>
            {s.kind !== 'every' && (
              <TextField
                fieldKey={`${k}.from`}
                label={t('contribute.time.from')}
                hint={t('contribute.time.from.hint')}
                type="date"
                value={s.from}
                onChange={(from) => set(i, { from })}
                width="medium"
              />
            )}
            <TextField
              fieldKey={`${k}.until`}
              label={t('contribute.time.until')}
              hint={t('contribute.time.until.hint')}
              type="date"
              value={s.until}
              onChange={(until) => set(i, { until })}
              width="medium"
            />
            <TextField
              fieldKey={`${k}.note`}
              label={t('contribute.time.note')}
              hint={t('contribute.time.note.hint')}
              value={s.note}
              onChange={(note) => set(i, { note })}
            />
          </Item>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...schedules, emptySchedule()])}
      >
        {t(schedules.length ? 'contribute.time.addAnother' : 'contribute.time.add')}
      </button>
    </ListGroup>
  );
}

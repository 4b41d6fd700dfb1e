/** When the group meets: one fieldset per schedule, each a weekly, every-few-weeks, monthly or dates rule. */
import { DAYS, DAY_LABELS, ORDINALS, type Day, type Ordinal } from '../../../schema/vocab';
import { emptySchedule, type ScheduleDraft } from '../../../lib/authoring/entry-draft';
import { Checkboxes, Item, Radios, TextField } from './fields';
import { ListGroup, update, useFocusNewest } from './Repeatables';

const KINDS = [
  { value: 'weekly', label: 'Every week' },
  { value: 'every', label: 'Every few weeks', hint: 'For example, every other Thursday' },
  { value: 'monthly', label: 'On set days of the month', hint: 'For example, the 2nd and 4th Monday' },
  { value: 'dates', label: 'On set dates', hint: 'One-off sessions or events' },
];
const DAY_OPTIONS = DAYS.map((d) => ({ value: d, label: DAY_LABELS[d] }));
const WEEK_LABELS: Record<Ordinal, string> = {
  '1st': '1st',
  '2nd': '2nd',
  '3rd': '3rd',
  '4th': '4th',
  '5th': '5th',
  last: 'Last',
};
const WEEK_OPTIONS = (Object.keys(ORDINALS) as Ordinal[]).map((w) => ({ value: w, label: WEEK_LABELS[w] }));

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
            legend={schedules.length > 1 ? `Time it meets ${i + 1}` : 'Time it meets'}
            removeLabel={`Remove time ${i + 1}`}
            onRemove={() => onChange(schedules.filter((_, j) => j !== i))}
          >
            <Radios
              fieldKey={`${k}.kind`}
              legend="How often?"
              small
              options={KINDS}
              value={s.kind}
              onChange={(kind) => set(i, { kind: kind as ScheduleDraft['kind'] })}
            />
            {s.kind === 'monthly' && (
              <Checkboxes
                fieldKey={`${k}.monthly`}
                legend="Which weeks of the month?"
                small
                options={WEEK_OPTIONS}
                values={s.weeks}
                onChange={(weeks) => set(i, { weeks: weeks as Ordinal[] })}
                columns
              />
            )}
            {s.kind !== 'dates' && (
              <Checkboxes
                fieldKey={s.kind === 'monthly' ? `${k}.monthly-days` : daysKey}
                legend="Which days?"
                hint={s.kind === 'monthly' ? 'Every week ticked above, on each day ticked here' : undefined}
                small
                options={DAY_OPTIONS}
                values={s.days}
                onChange={(days) => set(i, { days: days as Day[] })}
                columns
              />
            )}
            {s.kind === 'every' && (
              <>
                <TextField
                  fieldKey={`${k}.every`}
                  label="Every how many weeks?"
                  hint="2 for every other week"
                  value={s.every}
                  onChange={(every) => set(i, { every })}
                  inputMode="numeric"
                  width="tiny"
                />
                <TextField
                  fieldKey={`${k}.from`}
                  label="The date of one meeting, to count from"
                  hint="Any date it met or will meet, so we know which weeks"
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
                label="Which dates?"
                hint="Year-month-day, separated by commas: 2026-12-12, 2026-12-19"
                value={s.dates}
                onChange={(dates) => set(i, { dates })}
                spellCheck={false}
              />
            )}
            <div className="cf-row">
              <TextField
                fieldKey={`${k}.start`}
                label="Start time (optional)"
                hint="For example, 10:00"
                type="time"
                value={s.start}
                onChange={(start) => set(i, { start })}
                width="short"
              />
              <TextField
                fieldKey={`${k}.end`}
                label="End time (optional)"
                hint="For example, 11:30"
                type="time"
                value={s.end}
                onChange={(end) => set(i, { end })}
                width="short"
              />
            </div>
            {s.kind !== 'every' && (
              <TextField
                fieldKey={`${k}.from`}
                label="Starts on (optional)"
                hint="If it only runs from a date, like the start of term"
                type="date"
                value={s.from}
                onChange={(from) => set(i, { from })}
                width="medium"
              />
            )}
            <TextField
              fieldKey={`${k}.until`}
              label="Ends on (optional)"
              hint="If it stops on a date, like the end of term"
              type="date"
              value={s.until}
              onChange={(until) => set(i, { until })}
              width="medium"
            />
            <TextField
              fieldKey={`${k}.note`}
              label="Anything else about when? (optional)"
              hint="For example, Term time only, or Not on bank holidays"
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
        {schedules.length ? 'Add another time it meets' : 'Add a time it meets'}
      </button>
    </ListGroup>
  );
}

/** Sections of the contribute form that stand on their own: who it is for, and what it costs. */
import { AUDIENCES, AUDIENCE_LABELS } from '../../../schema/vocab';
import type { EntryDraft } from '../../../lib/authoring/entry-draft';
import { useContext } from 'react';
import { Checkboxes, Examples, Radios, TextField, type Option } from './fields';
import { Amounts } from './Repeatables';
import { t } from '../../../lib/text/messages';

/** Sets one field of the draft. */
export type SetDraft = <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => void;

export const option =
  (labels: Record<string, string>) =>
  (value: string): Option => ({ value, label: labels[value] ?? value });

/** Ages, audience and eligibility. */
export function WhoFor({ draft, set }: { draft: EntryDraft; set: SetDraft }) {
  const examples = useContext(Examples);
  return (
    <>
      <div className="cf-row">
        <TextField
          fieldKey="min_age"
          label={t('contribute.minAge')}
          hint={t('contribute.inYears')}
          value={draft.minAge}
          onChange={(v) => set('minAge', v)}
          inputMode="numeric"
          width="tiny"
        />
        <TextField
          fieldKey="max_age"
          label={t('contribute.maxAge')}
          hint={t('contribute.inYears')}
          value={draft.maxAge}
          onChange={(v) => set('maxAge', v)}
          inputMode="numeric"
          width="tiny"
        />
      </div>
      <Checkboxes
        fieldKey="audience"
        legend={t('contribute.audience')}
        hint={t('contribute.audience.hint')}
        options={AUDIENCES.map(option(AUDIENCE_LABELS))}
        values={draft.audience}
        onChange={(v) => set('audience', v)}
        columns
      />
      <TextField
        fieldKey="eligibility"
        label={t('contribute.eligibility')}
        hint={t('contribute.eligibility.hint', {
          example: examples.eligibility ?? t('contribute.eligibility.example', { place: examples.place }),
        })}
        value={draft.eligibility}
        onChange={(v) => set('eligibility', v)}
      />
    </>
  );
}

/** Free, pay what you can (amounts suggested, optional), paid (with amounts) or not known, and a note. */
export function CostFields({ draft, set }: { draft: EntryDraft; set: SetDraft }) {
  return (
    <>
      <h2>{t('contribute.cost')}</h2>
      <Radios
        fieldKey="cost"
        legend={t('contribute.cost.question')}
        options={[
          { value: 'free', label: t('contribute.cost.free') },
          { value: 'pwyc', label: t('contribute.cost.pwyc') },
          { value: 'paid', label: t('contribute.cost.paid') },
          { value: 'unknown', label: t('contribute.cost.unknown') },
        ]}
        value={draft.cost}
        onChange={(v) => set('cost', v as EntryDraft['cost'])}
      />
      {(draft.cost === 'paid' || draft.cost === 'pwyc') && (
        <Amounts amounts={draft.amounts} onChange={(v) => set('amounts', v)} />
      )}
      {draft.cost !== 'unknown' && (
        <TextField
          fieldKey="cost.note"
          label={t('contribute.cost.note')}
          hint={t('contribute.cost.note.hint')}
          value={draft.costNote}
          onChange={(v) => set('costNote', v)}
        />
      )}
    </>
  );
}

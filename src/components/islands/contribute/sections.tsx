/** Sections of the contribute form that stand on their own: who it is for, and what it costs. */
import { AUDIENCES, AUDIENCE_LABELS } from '../../../schema/vocab';
import type { EntryDraft } from '../../../lib/authoring/entry-draft';
import { useContext } from 'react';
import { Checkboxes, Examples, Radios, TextField, type Option } from './fields';
import { Amounts } from './Repeatables';

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
          label="Youngest age (optional)"
          hint="In years"
          value={draft.minAge}
          onChange={(v) => set('minAge', v)}
          inputMode="numeric"
          width="tiny"
        />
        <TextField
          fieldKey="max_age"
          label="Oldest age (optional)"
          hint="In years"
          value={draft.maxAge}
          onChange={(v) => set('maxAge', v)}
          inputMode="numeric"
          width="tiny"
        />
      </div>
      <Checkboxes
        fieldKey="audience"
        legend="Is it especially for anyone? (optional)"
        hint="Everyone else is still welcome, unless you say otherwise below"
        options={AUDIENCES.map(option(AUDIENCE_LABELS))}
        values={draft.audience}
        onChange={(v) => set('audience', v)}
        columns
      />
      <TextField
        fieldKey="eligibility"
        label="Rules about who can take part (optional)"
        hint={`For example, ${examples.eligibility ?? `Carers living in ${examples.place}`}`}
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
      <h2>Cost</h2>
      <Radios
        fieldKey="cost"
        legend="Does it cost anything?"
        options={[
          { value: 'free', label: 'No, it is free' },
          { value: 'pwyc', label: 'Pay what you can, or a donation only' },
          { value: 'paid', label: 'Yes' },
          { value: 'unknown', label: 'I do not know' },
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
          label="Anything else about cost? (optional)"
          hint="For example, Donations welcome, or Concessions available"
          value={draft.costNote}
          onChange={(v) => set('costNote', v)}
        />
      )}
    </>
  );
}

/** Printing the list as a support plan, with a name and a note that are only ever printed. */
import { t } from '../../../lib/text/messages';

interface Props {
  person: string;
  note: string;
  onPerson: (value: string) => void;
  onNote: (value: string) => void;
}

export default function PrintPanel({ person, note, onPerson, onNote }: Props) {
  return (
    <section className="my-list__print no-print" aria-labelledby="print-heading">
      <h2 id="print-heading">{t('list.print.heading')}</h2>
      <p>{t('list.print.text')}</p>
      <label htmlFor="print-name">{t('list.print.name')}</label>
      <p className="hint" id="print-hint">
        {t('list.print.hint')}
      </p>
      <input
        id="print-name"
        type="text"
        autoComplete="off"
        aria-describedby="print-hint"
        value={person}
        onChange={(e) => onPerson(e.target.value)}
      />
      <label htmlFor="print-note">{t('list.print.noteLabel')}</label>
      <textarea
        id="print-note"
        autoComplete="off"
        aria-describedby="print-hint"
        rows={3}
        value={note}
        onChange={(e) => onNote(e.target.value)}
      />
      <p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('list.print.button')}
        </button>
      </p>
    </section>
  );
}

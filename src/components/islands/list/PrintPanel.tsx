/** Printing the list as a support plan, with a name and a note that are only ever printed. */

interface Props {
  person: string;
  note: string;
  onPerson: (value: string) => void;
  onNote: (value: string) => void;
}

export default function PrintPanel({ person, note, onPerson, onNote }: Props) {
  return (
    <section className="my-list__print no-print" aria-labelledby="print-heading">
      <h2 id="print-heading">Print a support plan</h2>
      <p>
        An A4 page with each group's times, next dates, address, contacts and how to join, and a QR code back to this
        list.
      </p>
      <label htmlFor="print-name">Name (not saved)</label>
      <p className="hint" id="print-hint">
        Optional. Only printed on the page: never saved on this device or put in a link.
      </p>
      <input
        id="print-name"
        type="text"
        autoComplete="off"
        aria-describedby="print-hint"
        value={person}
        onChange={(e) => onPerson(e.target.value)}
      />
      <label htmlFor="print-note">Note (not saved)</label>
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
          Print support plan
        </button>
      </p>
    </section>
  );
}

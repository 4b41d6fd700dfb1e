/**
 * "Add a group": a form for every field of an entry, checked with the same schema and validator
 * as `npm run validate` (on exactly the file that will be proposed), a live preview of the entry
 * page, and "Propose on GitHub", which opens GitHub's new-file page with the entry filled in.
 *
 * Messages follow the GOV.UK pattern: each field's message sits above its input and is tied to it
 * with aria-describedby; a field is checked once it has been left (or ticked), everything is
 * checked on "Check the details", and then an error summary at the top links to each field.
 * Checking is debounced while typing.
 *
 * Used with client:only (it cannot work without JavaScript; the page says what to do instead).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  ACCESSIBILITY,
  ACCESSIBILITY_LABELS,
  BOROUGH_WIDE,
  DELIVERY_LABELS,
  DELIVERY_MODES,
  JOIN_LABELS,
  JOIN_ROUTES,
  LANGUAGES,
  LANGUAGE_CODES,
  STATUSES,
  STATUS_LABELS,
  type Status,
} from '../../../schema/vocab';
import { emptyDraft, draftId, tidyDraft, withNeighbourhood, type EntryDraft } from '../../../lib/authoring/entry-draft';
import { entryIdFromName } from '../../../lib/authoring/entry-id';
import { londonDate } from '../../../lib/calendar/london';
import { Examples, Fields, Checkboxes, Radios, TextArea, TextField, Message, type FieldContext } from './fields';
import { Contacts, Venues } from './Repeatables';
import { Schedules } from './ScheduleFields';
import { CostFields, WhoFor, option } from './sections';
import CategoryPicker from './CategoryPicker';
import ErrorSummary from './ErrorSummary';
import { useTaken } from './useTaken';
import { afterPress, focusAnchor, keepInPlace, type Anchor } from './pointer';
import { Preview } from './Preview';
import { Proposal } from './Proposal';
import { formContext, isShown, type BookContext, type CheckResult, type FormMessage } from './keys';
import { loadChecker, startChecker, type Checker } from './checker';
import { useCheck } from './useCheck';
import { wholeAreaName } from '../../../lib/book/area';
import './contribute.css';

export interface ContributeFormProps extends BookContext {
  /** site.yaml `repository` and `branch`. */
  repository: string;
  branch: string;
  correctionsEmail: string;
  /** Ids of the entries already in the book; when absent (very big books) the form asks the site. */
  existingIds?: string[];
}

const SUMMARY_MAX = 160;

export default function ContributeForm(props: ContributeFormProps) {
  const book: BookContext = props;
  const { ctx, examples } = useMemo(() => formContext(props), [props]);
  const existing = useMemo(
    () => (props.existingIds ? new Set(props.existingIds.map((i) => i.toLowerCase())) : undefined),
    [props.existingIds],
  );
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft(londonDate(new Date())));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [ready, setReady] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const id = draftId(draft);
  const taken = useTaken(id, existing);
  const { result, checkNow: check } = useCheck(draft, touched, book, ctx, taken, existing);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const baseTitle = useRef<string>('');

  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);

  const errors = result.messages.filter((m) => m.severity === 'error');
  const showSummary = submitted && errors.length > 0;
  useEffect(() => {
    if (!baseTitle.current) baseTitle.current = document.title.replace(/^Error: /, '');
    document.title = showSummary ? `Error: ${baseTitle.current}` : baseTitle.current;
  }, [showSummary]);

  const set = useCallback(
    <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => setDraft((d) => ({ ...d, [key]: value })),
    [],
  );
  // A field left: tidy what was typed (https:// before www., postcodes in capitals), then show its
  // messages; but only once a tap or click in progress has landed, keeping the focused element
  // where it is on screen while the messages make room (./pointer.ts).
  const anchor = useRef<Anchor | undefined>(undefined);
  const touch = useCallback(
    (key: string) =>
      afterPress(() => {
        anchor.current = focusAnchor();
        setTimeout(() => (anchor.current = undefined), 500);
        setDraft(tidyDraft);
        setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
      }),
    [],
  );
  useLayoutEffect(() => {
    if (anchor.current) keepInPlace(anchor.current);
  });
  const fields: FieldContext = useMemo(
    () => ({
      shown: (key: string) => {
        const idVisible = key === 'id' && (touched.has('name') || touched.has('id'));
        return idVisible || isShown(key, touched, submitted) ? result.messages.filter((m) => m.key === key) : [];
      },
      touch,
    }),
    [result, touched, submitted, touch],
  );

  /** Checks now (not debounced); shows the summary or the proposal. */
  const checkNow = (checker?: Checker): CheckResult => {
    const r = check(checker);
    setSubmitted(true);
    return r;
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void loadChecker()
      .then(checkNow, () => checkNow())
      .then((r) => {
        if (r.errors) {
          setReady(false);
          setSummaryFocus((n) => n + 1);
        } else {
          setReady(true);
          setFocusKey((n) => n + 1);
        }
      });
  };
  const beforeOpen = () => {
    const r = checkNow();
    if (r.errors) {
      setReady(false);
      setSummaryFocus((n) => n + 1);
      return false;
    }
    return true;
  };

  const summaryCount = draft.summary.trim().length;
  const [announcedCount, setAnnouncedCount] = useState('');
  const countText =
    summaryCount <= SUMMARY_MAX
      ? `You have ${SUMMARY_MAX - summaryCount} characters remaining`
      : `You have ${summaryCount - SUMMARY_MAX} characters too many`;
  useEffect(() => {
    const t = setTimeout(() => setAnnouncedCount(countText), 1000);
    return () => clearTimeout(t);
  }, [countText]);

  const tick = (area: string) => setDraft((d) => withNeighbourhood(d, area)); // a point picked on the map
  const tops = props.categories.filter((c) => !c.parent);
  const childrenOf = (id: string) => props.categories.filter((c) => c.parent === id);
  const autoId = entryIdFromName(draft.name);
  const inPerson = draft.delivery.includes('in-person');
  const summaryErrors: FormMessage[] = [];
  for (const m of errors) if (!summaryErrors.some((s) => s.key === m.key)) summaryErrors.push(m);

  return (
    <Fields.Provider value={fields}>
      <Examples.Provider value={examples}>
        {showSummary && <ErrorSummary messages={summaryErrors} ref={summaryRef} />}
        <div className="cf-layout">
          <form className="cf-form" noValidate onSubmit={onSubmit} onFocus={startChecker} aria-label="Add a group">
            <Message fieldKey="form" />
            <h2>About the group</h2>
            <TextField
              fieldKey="name"
              label="Name of the group"
              hint={`As people know it, for example ${props.examples.group}`}
              value={draft.name}
              onChange={(v) => set('name', v)}
            />
            <TextField
              fieldKey="id"
              label="Web address of its page"
              hint={`Made from the name. It becomes /entries/${id || '…'}/ and the file name; it cannot easily change later.`}
              value={draft.id || autoId}
              onChange={(v) => set('id', v === autoId ? '' : v)}
              spellCheck={false}
              width="medium"
            />
            <TextArea
              fieldKey="summary"
              label="Summary"
              hint="One sentence saying what happens. It is shown in search results."
              value={draft.summary}
              onChange={(v) => set('summary', v)}
              rows={2}
              describedBy="cf-summary-count"
            >
              <p
                id="cf-summary-count"
                className={summaryCount > SUMMARY_MAX ? 'cf-count cf-count--over' : 'cf-count'}
                aria-hidden="true"
              >
                {countText}
              </p>
              <p className="visually-hidden" aria-live="polite">
                {announcedCount}
              </p>
            </TextArea>
            <TextField
              fieldKey="organisation"
              label="Organisation that runs it (optional)"
              value={draft.organisation}
              onChange={(v) => set('organisation', v)}
            />

            <CategoryPicker
              tops={tops}
              childrenOf={childrenOf}
              values={draft.categories}
              onChange={(v) => set('categories', v)}
            />
            <Checkboxes
              fieldKey="neighbourhoods"
              legend="Where does it serve?"
              hint="Tick the neighbourhoods its members come from, or the whole area"
              options={props.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
              exclusive={{ value: BOROUGH_WIDE, label: wholeAreaName(props.place) }}
              values={draft.neighbourhoods}
              onChange={(v) => set('neighbourhoods', v)}
              columns
            />

            <h2>Taking part</h2>
            <Checkboxes
              fieldKey="join"
              legend="How do people take part?"
              hint="Tick all that apply"
              options={JOIN_ROUTES.map(option(JOIN_LABELS))}
              values={draft.join}
              onChange={(v) => set('join', v)}
            />
            <Checkboxes
              fieldKey="delivery"
              legend="How is it delivered?"
              hint="Tick all that apply"
              options={DELIVERY_MODES.map(option(DELIVERY_LABELS))}
              values={draft.delivery}
              onChange={(v) => set('delivery', v)}
            />
            <WhoFor draft={draft} set={set} />
            <CostFields draft={draft} set={set} />

            <h2>Where</h2>
            {inPerson ? (
              <Venues venues={draft.venues} onChange={(v) => set('venues', v)} picker={props.picker} onArea={tick} />
            ) : (
              <p className="hint">
                No venue is needed: it is not delivered in person. (Tick "In person" above to add one.)
              </p>
            )}

            <h2>When</h2>
            <p className="hint">
              Leave this out if it is by appointment only. Add one time for each pattern, for example every Tuesday
              morning and the last Friday evening of the month.
            </p>
            <Schedules schedules={draft.schedules} onChange={(v) => set('schedules', v)} />

            <h2>Contact</h2>
            <p className="hint">
              Use the group's own phone number or email where you can. Only give a person's own number or email if they
              have agreed to it being published.
            </p>
            <Contacts contacts={draft.contacts} onChange={(v) => set('contacts', v)} />
            <TextField
              fieldKey="website"
              label="Website (optional)"
              hint="Its address, like https://example.org or www.example.org"
              type="url"
              value={draft.website}
              onChange={(v) => set('website', v)}
              spellCheck={false}
            />

            <h2>Accessibility and languages</h2>
            <Checkboxes
              fieldKey="accessibility"
              legend="What does it have? (optional)"
              hint="Only tick what you know is there"
              options={ACCESSIBILITY.map(option(ACCESSIBILITY_LABELS))}
              values={draft.accessibility}
              onChange={(v) => set('accessibility', v)}
              columns
            />
            <Checkboxes
              fieldKey="languages"
              legend="Languages spoken"
              options={LANGUAGE_CODES.map((c) => ({ value: c, label: LANGUAGES[c] }))}
              values={draft.languages}
              onChange={(v) => set('languages', v)}
              columns
            />

            <h2>Description</h2>
            <TextArea
              fieldKey="body"
              label="Describe it for someone thinking of going (optional)"
              hint="What happens, what to bring, what to expect. Leave a blank line between paragraphs. You can make a list with lines starting - and a link like [our website](https://example.org). No pictures or HTML."
              value={draft.description}
              onChange={(v) => set('description', v)}
              rows={7}
            />

            <h2>Status</h2>
            <Radios
              fieldKey="status"
              legend="Is it running?"
              options={STATUSES.map(option(STATUS_LABELS))}
              value={draft.status}
              onChange={(v) => set('status', v as Status)}
              inline
            />
            <TextField
              fieldKey="alert"
              label="A notice to show at the top (optional)"
              hint="For example, Closed over Christmas, back 6 January"
              value={draft.alert}
              onChange={(v) => set('alert', v)}
            />

            <h2>Checking the details</h2>
            <TextField
              fieldKey="last_verified"
              label="When were these details checked with the group?"
              hint="Today, if you have just checked them with the group"
              type="date"
              value={draft.lastVerified}
              onChange={(v) => set('lastVerified', v)}
              width="medium"
            />
            <TextField
              fieldKey="verified_by"
              label="Who checked them? (optional)"
              hint={`A team or role, for example ${props.examples.verified_by}`}
              value={draft.verifiedBy}
              onChange={(v) => set('verifiedBy', v)}
            />

            <button type="submit" className="button cf-submit">
              Check the details
            </button>
          </form>

          <section className="cf-preview" aria-labelledby="cf-preview-heading">
            <h2 id="cf-preview-heading">Preview</h2>
            <p className="hint">How the entry page will look.</p>
            <div className="cf-preview__frame" tabIndex={0} role="region" aria-label="Preview of the entry page">
              <Preview draft={draft} book={book} />
            </div>
          </section>
        </div>
        {ready && result.errors === 0 && (
          <Proposal
            id={result.id}
            path={result.path}
            text={result.text}
            repository={props.repository}
            branch={props.branch}
            correctionsEmail={props.correctionsEmail}
            onBeforeOpen={beforeOpen}
            focusKey={focusKey}
          />
        )}
        {ready && result.errors > 0 && (
          <p className="notice notice--warning cf-recheck">
            Something changed and needs fixing before it can be sent. Correct the fields marked above, then press "Check
            the details" again.
          </p>
        )}
      </Examples.Provider>
    </Fields.Provider>
  );
}

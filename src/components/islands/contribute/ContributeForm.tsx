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
import { setMessages, t, type Catalogue } from '../../../lib/text/messages';
import './contribute.css';

export interface ContributeFormProps extends BookContext {
  /** site.yaml `repository` and `branch`. */
  repository: string;
  branch: string;
  correctionsEmail: string;
  /** Ids of the entries already in the book; when absent (very big books) the form asks the site. */
  existingIds?: string[];
  /** The form's words (`contribute.` in src/lib/text/messages-en.ts), from the page. */
  messages: Catalogue;
}

const SUMMARY_MAX = 160;

export default function ContributeForm(props: ContributeFormProps) {
  setMessages(props.messages);
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
    if (!baseTitle.current) baseTitle.current = document.title;
    document.title = showSummary ? t('contribute.errorTitle', { title: baseTitle.current }) : baseTitle.current;
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
        setTouched((was) => (was.has(key) ? was : new Set(was).add(key)));
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
      ? t('contribute.summary.left', { count: SUMMARY_MAX - summaryCount })
      : t('contribute.summary.over', { count: summaryCount - SUMMARY_MAX });
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncedCount(countText), 1000);
    return () => clearTimeout(timer);
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
          <form
            className="cf-form"
            noValidate
            onSubmit={onSubmit}
            onFocus={startChecker}
            aria-label={t('contribute.form')}
          >
            <Message fieldKey="form" />
            <h2>{t('contribute.about')}</h2>
            <TextField
              fieldKey="name"
              label={t('contribute.name')}
              hint={t('contribute.name.hint', { example: props.examples.group })}
              value={draft.name}
              onChange={(v) => set('name', v)}
            />
            <TextField
              fieldKey="id"
              label={t('contribute.id')}
              hint={t('contribute.id.hint', { id: id || '…' })}
              value={draft.id || autoId}
              onChange={(v) => set('id', v === autoId ? '' : v)}
              spellCheck={false}
              width="medium"
            />
            <TextArea
              fieldKey="summary"
              label={t('contribute.summary')}
              hint={t('contribute.summary.hint')}
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
              label={t('contribute.organisation')}
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
              legend={t('contribute.neighbourhoods')}
              hint={t('contribute.neighbourhoods.hint')}
              options={props.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
              exclusive={{ value: BOROUGH_WIDE, label: wholeAreaName(props.place) }}
              values={draft.neighbourhoods}
              onChange={(v) => set('neighbourhoods', v)}
              columns
            />

            <h2>{t('contribute.takingPart')}</h2>
            <Checkboxes
              fieldKey="join"
              legend={t('contribute.join')}
              hint={t('contribute.tickAll')}
              options={JOIN_ROUTES.map(option(JOIN_LABELS))}
              values={draft.join}
              onChange={(v) => set('join', v)}
            />
            <Checkboxes
              fieldKey="delivery"
              legend={t('contribute.delivery')}
              hint={t('contribute.tickAll')}
              options={DELIVERY_MODES.map(option(DELIVERY_LABELS))}
              values={draft.delivery}
              onChange={(v) => set('delivery', v)}
            />
            <WhoFor draft={draft} set={set} />
            <CostFields draft={draft} set={set} />

            <h2>{t('contribute.where')}</h2>
            {inPerson ? (
              <Venues venues={draft.venues} onChange={(v) => set('venues', v)} picker={props.picker} onArea={tick} />
            ) : (
              <p className="hint">{t('contribute.noVenue')}</p>
            )}

            <h2>{t('contribute.when')}</h2>
            <p className="hint">{t('contribute.when.hint')}</p>
            <Schedules schedules={draft.schedules} onChange={(v) => set('schedules', v)} />

            <h2>{t('contribute.contact')}</h2>
            <p className="hint">{t('contribute.contact.hint')}</p>
            <Contacts contacts={draft.contacts} onChange={(v) => set('contacts', v)} />
            <TextField
              fieldKey="website"
              label={t('contribute.website')}
              hint={t('contribute.website.hint')}
              type="url"
              value={draft.website}
              onChange={(v) => set('website', v)}
              spellCheck={false}
            />

            <h2>{t('contribute.access')}</h2>
            <Checkboxes
              fieldKey="accessibility"
              legend={t('contribute.accessibility')}
              hint={t('contribute.accessibility.hint')}
              options={ACCESSIBILITY.map(option(ACCESSIBILITY_LABELS))}
              values={draft.accessibility}
              onChange={(v) => set('accessibility', v)}
              columns
            />
            <Checkboxes
              fieldKey="languages"
              legend={t('contribute.languages')}
              options={LANGUAGE_CODES.map((c) => ({ value: c, label: LANGUAGES[c] }))}
              values={draft.languages}
              onChange={(v) => set('languages', v)}
              columns
            />

            <h2>{t('contribute.description')}</h2>
            <TextArea
              fieldKey="body"
              label={t('contribute.body')}
              hint={t('contribute.body.hint')}
              value={draft.description}
              onChange={(v) => set('description', v)}
              rows={7}
            />

            <h2>{t('contribute.status')}</h2>
            <Radios
              fieldKey="status"
              legend={t('contribute.running')}
              options={STATUSES.map(option(STATUS_LABELS))}
              value={draft.status}
              onChange={(v) => set('status', v as Status)}
              inline
            />
            <TextField
              fieldKey="alert"
              label={t('contribute.alert')}
              hint={t('contribute.alert.hint')}
              value={draft.alert}
              onChange={(v) => set('alert', v)}
            />

            <h2>{t('contribute.checking')}</h2>
            <TextField
              fieldKey="last_verified"
              label={t('contribute.lastVerified')}
              hint={t('contribute.lastVerified.hint')}
              type="date"
              value={draft.lastVerified}
              onChange={(v) => set('lastVerified', v)}
              width="medium"
            />
            <TextField
              fieldKey="verified_by"
              label={t('contribute.verifiedBy')}
              hint={t('contribute.verifiedBy.hint', { example: props.examples.verified_by })}
              value={draft.verifiedBy}
              onChange={(v) => set('verifiedBy', v)}
            />

            <button type="submit" className="button cf-submit">
              {t('contribute.check')}
            </button>
          </form>

          <section className="cf-preview" aria-labelledby="cf-preview-heading">
            <h2 id="cf-preview-heading">{t('contribute.preview')}</h2>
            <p className="hint">{t('contribute.preview.hint')}</p>
            <div className="cf-preview__frame" tabIndex={0} role="region" aria-label={t('contribute.preview.label')}>
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
        {ready && result.errors > 0 && <p className="notice notice--warning cf-recheck">{t('contribute.recheck')}</p>}
      </Examples.Provider>
    </Fields.Provider>
  );
}

/**
 * The contribute form's check of its draft, with the checker (./model.ts `checkDraft`: the same
 * schema and validator as `npm run validate`), which loads when the form is first used
 * (./checker.ts). Until it has loaded nothing is checked and no message shows; "Check the details"
 * waits for it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SchemaContext } from '../../../schema/context';
import { draftId, type EntryDraft } from '../../../lib/authoring/entry-draft';
import { useChecker, type Checker } from './checker';
import type { BookContext, CheckResult } from './keys';
import { t } from '../../../lib/text/messages';

const CHECK_DELAY = 300;

/** What "Check the details" gives when the checker could not be loaded (offline on a first visit). */
function notLoaded(r: CheckResult): CheckResult {
  const message = t('contribute.notLoaded');
  return { ...r, messages: [{ key: 'form', severity: 'error', message }], errors: 1 };
}

export function useCheck(
  draft: EntryDraft,
  touched: ReadonlySet<string>,
  book: BookContext,
  ctx: SchemaContext,
  taken: boolean | undefined,
  existing: ReadonlySet<string> | undefined,
) {
  const checker = useChecker();
  const [result, setResult] = useState<CheckResult>(() => ({
    id: draftId(draft),
    path: '',
    text: '',
    messages: [],
    errors: 0,
  }));

  // Check as they type, but not on every key press.
  useEffect(() => {
    if (!checker) return;
    const t = setTimeout(() => setResult(checker.checkDraft(draft, book, ctx, taken, existing)), CHECK_DELAY);
    return () => clearTimeout(t);
  }, [checker, draft, taken, book, ctx, existing]);
  // When a field is left (touched), check at once and before the browser paints or hit-tests again:
  // otherwise its message would speak of the value before the last change, for a moment, and
  // appearing and vanishing it moves the form under the pointer (a click could miss its box).
  const checkedTouched = useRef(touched);
  useLayoutEffect(() => {
    if (!checker || checkedTouched.current === touched) return;
    checkedTouched.current = touched;
    setResult(checker.checkDraft(draft, book, ctx, taken, existing));
  }, [checker, draft, touched, taken, book, ctx, existing]);

  /** Checks now (not debounced), with `check` or the checker once loaded. */
  const checkNow = (check: Checker | undefined = checker): CheckResult => {
    const r = check ? check.checkDraft(draft, book, ctx, taken, existing) : notLoaded(result);
    setResult(r);
    return r;
  };
  return { result, checkNow };
}

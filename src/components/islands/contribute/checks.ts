/**
 * What the contribute form loads on first use (./checker.ts): its checker (./model.ts) and the
 * schema's parts the preview reads a schedule and a cost with.
 */
export { checkDraft } from './model';
export { costSchema, scheduleSchema } from '../../../schema/entry';

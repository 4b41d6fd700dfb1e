/**
 * Small pieces of language shared by every place that writes words for people: lists in the
 * site's words (the messages `facts.list.`), and the English ones the validator's messages
 * (written for maintainers, in English) still use (`plural`).
 */
import { t } from './messages';

/** "a", "a and b", "a, b and c" (`facts.list.and`). */
export function joinAnd(items: readonly string[]): string {
  return joinWith(items, 'facts.list.and');
}

/** "a", "a or b", "a, b or c" (`facts.list.or`). */
export function joinOr(items: readonly string[]): string {
  return joinWith(items, 'facts.list.or');
}

function joinWith(items: readonly string[], key: 'facts.list.and' | 'facts.list.or'): string {
  if (items.length <= 1) return items.join('');
  return t(key, { items: items.slice(0, -1).join(t('facts.list.separator')), last: items[items.length - 1]! });
}

/** "1 group", "2 groups", "0 groups"; `many` for irregular plurals ("entry", "entries"). English: the validator's. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Small pieces of English shared by every place that writes words for people. */

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return joinWith(items, 'and');
}

/** "a", "a or b", "a, b or c". */
export function joinOr(items: readonly string[]): string {
  return joinWith(items, 'or');
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** "1 group", "2 groups", "0 groups"; `many` for irregular plurals ("entry", "entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What every part of reading an HSDS service shares (./hsds.ts): the small readers of JSON values,
 * the lines the book's export adds to `description`, HTML taken out of text, and the state one
 * service's reading carries from section to section. Pure.
 */
import type { EntryInput } from './entry-input';
import type { Candidate, ImportBook } from './context';
import type { Json, SourceRecord } from './record';

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
export const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : [];
export const dateOnly = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
};

export function joinPath(segs: (string | number)[]): string {
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

/** The lines the book's export adds to `description` for facts ORUK has no field for. */
const GAP_LINE = /^(How to join|Who it is for|How it is delivered|Languages|Accessibility|Contact): (.*)$/;

export interface Gaps {
  summary: string;
  rest: string[];
  lines: Map<string, string[]>;
}

export function splitDescription(text: string): Gaps {
  const [first, ...paras] = text.split(/\n\s*\n/);
  const lines = new Map<string, string[]>();
  const rest: string[] = [];
  for (const para of paras) {
    const kept: string[] = [];
    for (const line of para.split('\n')) {
      const m = GAP_LINE.exec(line.trim());
      if (m) lines.set(m[1], [...(lines.get(m[1]) ?? []), m[2]]);
      else kept.push(line);
    }
    if (kept.join('').trim()) rest.push(kept.join('\n').trim());
  }
  return { summary: first.trim(), rest, lines };
}

const TAG = /<\/?[a-z!][^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text with HTML tags taken out (line breaks for paragraphs and `<br>`) and the common entities read. */
export function plainFromHtml(text: string): string {
  return text
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<br\s*\/?>|<\/li>/gi, '\n')
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e])
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The document with HTML taken out of its text (entries are plain text), and the paths it was taken from. */
export function withoutHtml(v: unknown, path: string, changed: string[]): unknown {
  if (typeof v === 'string') {
    if (!/<\/?[a-z!][^>]*>/i.test(v)) return v;
    changed.push(path);
    return plainFromHtml(v);
  }
  if (Array.isArray(v)) return v.map((x, i) => withoutHtml(x, `${path}[${i}]`, changed));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, withoutHtml(x, path ? `${path}.${k}` : k, changed)]),
    );
  return v;
}

/** One service's reading, shared by its sections: the document, its record, the candidate so far. */
export interface ServiceRead {
  doc: Json;
  r: SourceRecord;
  c: Candidate;
  e: Partial<EntryInput>;
  /** Text for the entry's body, in order. */
  body: string[];
  gaps: Gaps;
  book: ImportBook;
  /** The service's name, as the feed writes it. */
  name: string | undefined;
}

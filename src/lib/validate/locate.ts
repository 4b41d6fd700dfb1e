/**
 * Positions in the front matter: the `yaml` package's document with a line counter maps a path
 * such as `venues[0].postcode` to the line and column of its key or value. Used only for files
 * that have problems (js-yaml, which the build uses, gives no positions).
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { formatPath, type Anchor, type Pending, type Problem, type Seg } from './problems';
import { isRealDate } from '../../schema/primitives';

export interface YamlSource {
  text: string;
  /** File line of the YAML's first line. */
  firstLine: number;
  /** Columns before the YAML's first line starts (3 after an opening `---`). */
  firstLineShift: number;
}

/** Finds positions in the YAML, building a `yaml` Document the first time it is asked. */
export class Locator {
  private doc: ReturnType<typeof parseDocument> | undefined;
  private lc: LineCounter | undefined;
  private failed = false;

  /** `positioned` false: `locate` answers the top of the YAML without building the Document. */
  constructor(
    private readonly src: YamlSource,
    private readonly positioned = true,
  ) {}

  private ensure(): boolean {
    if (this.doc || this.failed) return !this.failed;
    try {
      this.lc = new LineCounter();
      this.doc = parseDocument(this.src.text, {
        lineCounter: this.lc,
        uniqueKeys: false,
        prettyErrors: false,
        strict: false,
      });
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }

  get top(): { line: number; column: number } {
    return { line: this.src.firstLine, column: 1 };
  }

  private pos(node: unknown): { line: number; column: number } | undefined {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range || !this.lc) return undefined;
    const p = this.lc.linePos(range[0]);
    return { line: this.src.firstLine + p.line - 1, column: p.col + (p.line === 1 ? this.src.firstLineShift : 0) };
  }

  /** Position of a path: the key or the value at its end, or the deepest part of it that exists. */
  locate(path: readonly Seg[], anchor: Anchor): { line: number; column: number } {
    if (!this.positioned || !this.ensure()) return this.top;
    let best = this.top;
    let node: unknown = this.doc!.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
        if (!pair) break;
        const keyPos = this.pos(pair.key) ?? best;
        if (last) {
          if (anchor === 'key') return keyPos;
          const v = pair.value;
          if (isScalar(v) && v.range && v.range[1] > v.range[0]) return this.pos(v) ?? keyPos;
          if ((isSeq(v) || isMap(v)) && v.flow) return this.pos(v) ?? keyPos;
          if (isAlias(v)) return this.pos(v) ?? keyPos;
          return keyPos;
        }
        best = keyPos;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined || isPair(item)) break;
        best = this.pos(item) ?? best;
        node = item;
        if (last) return best;
      } else {
        break;
      }
    }
    return best;
  }

  problem(file: string, p: Pending): Problem {
    const { line, column } = this.locate(p.path, p.anchor);
    return { file, line, column, field: p.field, message: p.message, severity: p.severity };
  }

  /** Every repeated key (its second and later occurrences), for js-yaml's "duplicated mapping key". */
  duplicateKeys(): { key: string; field: string; line: number; column: number; firstLine: number }[] {
    const found: { key: string; field: string; line: number; column: number; firstLine: number }[] = [];
    if (!this.ensure()) return found;
    this.walk(this.doc!.contents, [], (node, path) => {
      if (!isMap(node)) return;
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = this.pos(pair.key);
        if (!at) continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, at.line);
        else found.push({ key, field: formatPath([...path, key]), line: at.line, column: at.column, firstLine: first });
      }
    });
    return found;
  }

  /** Plain scalars that js-yaml reads as a Date, when the date (or time) written does not exist. */
  impossibleDates(): { path: Seg[]; source: string }[] {
    const found: { path: Seg[]; source: string }[] = [];
    if (!this.ensure()) return found;
    this.walk(this.doc!.contents, [], (node, path) => {
      if (
        isScalar(node) &&
        node.type === 'PLAIN' &&
        typeof node.source === 'string' &&
        isImpossibleYamlTimestamp(node.source)
      ) {
        found.push({ path, source: node.source });
      }
    });
    return found;
  }

  private walk(node: unknown, path: Seg[], visit: (node: unknown, path: Seg[]) => void, depth = 0): void {
    if (depth > 200) return;
    visit(node, path);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        this.walk(pair.value, [...path, key], visit, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => this.walk(item, [...path, i], visit, depth + 1));
    }
  }
}

const YAML_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const YAML_TIMESTAMP =
  /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$/;

/** True for text js-yaml turns into a Date even though that day (or time) does not exist. */
export function isImpossibleYamlTimestamp(text: string): boolean {
  let m = YAML_DATE.exec(text);
  if (m) return !isRealDate(text) || Number(m[1]) < 100;
  m = YAML_TIMESTAMP.exec(text);
  if (!m) return false;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return !isRealDate(date) || Number(m[1]) < 100 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60;
}

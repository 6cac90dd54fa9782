/**
 * Reads JSON written by strangers (map bundles) so that no file can hang or crash the page.
 *
 * The size, the nesting and the number of keys are measured by one linear scan before JSON.parse
 * allocates anything; the parsed value is then walked for keys that name an object's prototype
 * machinery and for texts too long to show. Nothing here recurses, so no input reaches the stack
 * limit, and every problem comes back as a `place: reason` line, like `formatIssues` writes them.
 */
import { MAX_BUNDLE_BYTES } from './bundle-format.ts';

export type JsonLimits = {
  /** UTF-8 bytes of the whole text. */
  maxBytes: number;
  /** Arrays and objects inside one another: a root array or object is level 1, a bare scalar 0. */
  maxDepth: number;
  /** UTF-16 code units of one string value or object key, once its escapes are decoded. */
  maxStringLength: number;
  /** Object keys plus array items, counted over the whole value. */
  maxKeys: number;
};

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({
  maxBytes: MAX_BUNDLE_BYTES,
  maxDepth: 32,
  // Room for a long article's Markdown; each field of the graph has its own, smaller limit.
  maxStringLength: 5_000_000,
  maxKeys: 2_000_000,
});

export type UntrustedJson = { ok: true; value: unknown } | { ok: false; problems: string[] };

/** More lines than this would bury the first ones, which usually explain the rest. */
const MAX_PROBLEMS = 50;

/** Keys that reach prototypes as soon as later code copies or merges the value. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const KB = 1024;
const MB = KB * KB;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function tenths(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A size for people: "734 bytes", "512 kB", "23.4 MB" (binary units, as MAX_BUNDLE_BYTES is). */
export function describeSize(bytes: number): string {
  if (!(bytes >= KB)) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const kilobytes = tenths(bytes / KB);
  return kilobytes < KB ? `${kilobytes} kB` : `${tenths(bytes / MB)} MB`;
}

/**
 * "the file is 23.4 MB; the limit is 20 MB", in exact bytes when the rounded sizes would read the
 * same (20 MB and one byte is not "20 MB"), or are not what was measured (more than was received).
 */
export function overLimit(bytes: number, limit: number, atLeast = false): string {
  let size = describeSize(bytes);
  let most = describeSize(limit);
  if (size === most) {
    size = `${count(bytes)} bytes`;
    most = `${count(limit)} bytes (${most})`;
  }
  return `the file is ${atLeast ? 'more than ' : ''}${size}; the limit is ${most}`;
}

/** What TextEncoder would produce, without allocating a copy of a file that may be refused. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: two code units, four bytes
      i++;
    } else {
      bytes += 2; // three bytes, also for a lone surrogate, which is written as U+FFFD
    }
  }
  return bytes;
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

type Shape = { tooDeep: boolean; entries: number };

/**
 * Nesting and the number of keys and items, outside string literals. For any text JSON.parse
 * accepts, keys are the colons and items are the commas inside arrays plus one per non-empty
 * array. The scan stops as soon as nesting is too deep, so its stack never outgrows maxDepth.
 */
function measure(text: string, maxDepth: number): Shape {
  const isArray: boolean[] = [false];
  let depth = 0;
  let entries = 0;
  let arrayJustOpened = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (arrayJustOpened && !isJsonWhitespace(code)) {
      arrayJustOpened = false;
      if (code !== CLOSE_ARRAY) entries++;
    }
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth++;
      if (depth > maxDepth) return { tooDeep: true, entries };
      isArray[depth] = code === OPEN_ARRAY;
      arrayJustOpened = code === OPEN_ARRAY;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      if (depth > 0) depth--;
    } else if (code === COLON) {
      entries++;
    } else if (code === COMMA && isArray[depth] === true) {
      entries++;
    }
  }
  return { tooDeep: false, entries };
}

type Label = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const SHOWN_KEY_LENGTH = 40;

/**
 * `a.b[3].c` as formatIssues writes places. Keys that are not plain names are quoted and cut
 * short, because a stranger's key may hold line breaks or run to thousands of characters.
 */
function formatPlace(labels: readonly Label[]): string {
  let place = '';
  for (const label of labels) {
    if (typeof label === 'number') {
      place += `[${label}]`;
    } else if (label.length > SHOWN_KEY_LENGTH) {
      place += `[${JSON.stringify(`${label.slice(0, SHOWN_KEY_LENGTH)}…`)}]`;
    } else if (IDENTIFIER.test(label)) {
      place += place ? `.${label}` : label;
    } else {
      place += `[${JSON.stringify(label)}]`;
    }
  }
  return place || '(root)';
}

class Problems {
  private readonly lines: string[] = [];
  private hidden = 0;

  add(line: string): void {
    if (this.lines.length < MAX_PROBLEMS) this.lines.push(line);
    else this.hidden++;
  }

  list(): string[] {
    if (this.hidden === 0) return this.lines;
    const noun = this.hidden === 1 ? 'problem' : 'problems';
    return [...this.lines, `…and ${count(this.hidden)} more ${noun}`];
  }
}

/** An array or object being walked, with the index of its next item or key. */
type Frame =
  | { items: readonly unknown[]; next: number }
  | { object: Readonly<Record<string, unknown>>; keys: readonly string[]; next: number };

function frameFor(value: object): Frame {
  return Array.isArray(value)
    ? { items: value, next: 0 }
    : { object: value as Record<string, unknown>, keys: Object.keys(value), next: 0 };
}

/** Every forbidden key and overlong text, in the order they appear in the file. */
function inspect(root: unknown, maxLength: number): string[] {
  const problems = new Problems();
  const tooLong = (what: string, length: number) =>
    `the ${what} is ${count(length)} characters; the limit is ${count(maxLength)}`;
  // labels[i] is where stack[i + 1] sits inside stack[i]: the place of the top container.
  const labels: Label[] = [];
  const stack: Frame[] = [];
  const look = (value: unknown, label: Label | null) => {
    if (label !== null) labels.push(label);
    if (typeof value === 'string' && value.length > maxLength) {
      problems.add(`${formatPlace(labels)}: ${tooLong('text', value.length)}`);
    }
    if (value !== null && typeof value === 'object') stack.push(frameFor(value));
    else if (label !== null) labels.pop();
  };

  look(root, null);
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    if ('items' in frame) {
      if (frame.next < frame.items.length) {
        const index = frame.next++;
        look(frame.items[index], index);
        continue;
      }
    } else {
      const key = frame.keys[frame.next++];
      if (key !== undefined) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.add(`${formatPlace([...labels, key])}: this key is not allowed`);
        }
        if (key.length > maxLength) {
          problems.add(`${formatPlace([...labels, key])}: ${tooLong('key', key.length)}`);
        }
        // An own `__proto__` made by JSON.parse shadows the accessor, so this reads the data.
        look(frame.object[key], key);
        continue;
      }
    }
    stack.pop();
    labels.pop();
  }
  return problems.list();
}

function refuse(problem: string): UntrustedJson {
  return { ok: false, problems: [`(file): ${problem}`] };
}

/**
 * Where JSON.parse stopped, in words: a line and a column to look at, never the engine's message
 * (which names tokens, in the engine's own phrasing and language).
 */
function jsonFaultInWords(json: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  const ended = /end of (?:JSON )?input|unterminated/i.test(message);
  if (ended || (at && Number(at[1]) >= json.trimEnd().length)) {
    return 'it ends before it is complete, as if it were cut short';
  }
  if (at) {
    const before = json.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `something is wrong at line ${count(line)}, column ${count(column)}`;
  }
  return 'it does not begin as JSON does, with { or [';
}

/**
 * Parses a file from an unknown source within limits. Never throws: any text yields either the
 * parsed value or every problem found (at most 50 lines and a count of the rest).
 */
export function parseUntrustedJson(text: string, limits: Partial<JsonLimits> = {}): UntrustedJson {
  const limit: JsonLimits = { ...DEFAULT_JSON_LIMITS, ...limits };
  if (typeof text !== 'string') return refuse('the file is not text');

  const bytes = utf8Length(text);
  if (bytes > limit.maxBytes) {
    return refuse(overLimit(bytes, limit.maxBytes));
  }
  // Editors on Windows may save a byte order mark, which JSON.parse would reject.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/[^\t\n\r ]/.test(json)) return refuse('the file is empty');

  const shape = measure(json, limit.maxDepth);
  if (shape.tooDeep) {
    const levels = limit.maxDepth === 1 ? 'level' : 'levels';
    return refuse(`nesting is deeper than ${count(limit.maxDepth)} ${levels}`);
  }
  if (shape.entries > limit.maxKeys) {
    return refuse(
      `the file holds ${count(shape.entries)} keys and array items; the limit is ${count(limit.maxKeys)}`,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return refuse(
      `not valid JSON, the form a map file is written in: ${jsonFaultInWords(json, error)}`,
    );
  }
  const problems = inspect(value, limit.maxStringLength);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

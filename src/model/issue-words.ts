import type { z } from 'zod';

/**
 * zod's issues said in words a teacher reads, for the checks that have no words of their own: a
 * schema's own message (`must not be empty`) always wins over these, and these over zod's
 * phrasing (`Invalid option: expected one of "thesis"|…`).
 */

const KINDS_OF_VALUE: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'null (nothing)',
};

const kindOfValue = (name: string) =>
  Object.hasOwn(KINDS_OF_VALUE, name) ? (KINDS_OF_VALUE[name] as string) : name;

/** What a value is, as words: its kind, never its whole text (which may be huge). */
function kindOf(value: unknown): string {
  if (value === null) return kindOfValue('null');
  if (Array.isArray(value)) return kindOfValue('array');
  if (typeof value === 'number' && !Number.isInteger(value)) return `${value}`;
  return kindOfValue(typeof value);
}

/** A short value as the file writes it, a long one cut, so that one line stays one line. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return String(value);
  const cut = [...text];
  const short = cut.length > 40 ? `${cut.slice(0, 39).join('')}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

/** A list of allowed values as a sentence ends: "a, b or c". */
function either(values: readonly unknown[]): string {
  const words = values.map((value) => (typeof value === 'string' ? value : shown(value)));
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const count = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`;

const FORMATS: Readonly<Record<string, string>> = {
  url: 'should be a web address that starts with http:// or https://',
  date: 'should be a date written as year-month-day, such as 2026-03-23',
  datetime: 'should be a date and time such as 2026-03-23T09:30:00Z',
  email: 'should be an email address',
};

export const issueInWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      return `should be ${kindOfValue(issue.expected)}, not ${kindOf(issue.input)}`;
    }
    case 'invalid_value': {
      const values = issue.values;
      if (issue.input === undefined) {
        return values.length === 1
          ? `is missing; it should be ${either(values)}`
          : `is missing; it should be one of: ${either(values)}`;
      }
      return values.length === 1
        ? `is ${shown(issue.input)}; it should be ${either(values)}`
        : `is ${shown(issue.input)}, which is not one of those allowed here: ${either(values)}`;
    }
    case 'too_small': {
      const least = issue.minimum;
      if (issue.origin === 'string') {
        return least === 1
          ? 'must not be empty'
          : `must have at least ${count(least, 'character', 'characters')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return least === 1
          ? 'must not be empty: list at least one'
          : `must list at least ${count(least, 'item', 'items')}`;
      }
      return issue.inclusive ? `must be ${least} or more` : `must be more than ${least}`;
    }
    case 'too_big': {
      const most = issue.maximum;
      if (issue.origin === 'string')
        return `must be at most ${count(most, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `must list at most ${count(most, 'item', 'items')}`;
      }
      return issue.inclusive ? `must be ${most} or less` : `must be less than ${most}`;
    }
    case 'invalid_format':
      return Object.hasOwn(FORMATS, issue.format)
        ? FORMATS[issue.format]
        : 'is not written the way it should be';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => shown(key)).join(', ');
      return issue.keys.length === 1
        ? `has a field this format does not have: ${keys}; remove it, or check its spelling`
        : `has fields this format does not have: ${keys}; remove them, or check their spelling`;
    }
    case 'invalid_union':
      return 'is none of the forms allowed here';
    case 'invalid_key':
    case 'invalid_element':
      return 'holds a value that is not allowed here';
    default:
      return undefined;
  }
};

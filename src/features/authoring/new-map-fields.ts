import { sectionedMarkdown } from '../../model/draft';

/** What the teacher types into "New map…", field by field. */
export type NewMapFields = {
  text: string;
  title: string;
  author: string;
  source: string;
  published: string;
};

export type FieldErrors = Partial<Record<keyof NewMapFields, string>>;

const MAX_TITLE = 300;

/** Whether a date is a real day written as the schema asks: YYYY-MM-DD. */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** Whether an address is one the schema accepts: http or https. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What keeps the fields from starting a map, in words, by field. */
export function checkNewMap(fields: NewMapFields): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.text.trim() === '') errors.text = 'Paste the article, or open its file.';
  const title = fields.title.trim();
  if (title === '') errors.title = 'Give the article’s title.';
  else if (title.length > MAX_TITLE) {
    errors.title = `The title can be at most ${MAX_TITLE} characters.`;
  }
  if (fields.author.trim().length > MAX_TITLE) {
    errors.author = `The author can be at most ${MAX_TITLE} characters.`;
  }
  const source = fields.source.trim();
  if (source !== '' && !isWebAddress(source)) {
    errors.source = 'Give a web address starting with http:// or https://, or leave it empty.';
  }
  const published = fields.published.trim();
  if (published !== '' && !isDate(published)) {
    errors.published = 'Give the date as year-month-day, such as 2026-03-15, or leave it empty.';
  }
  return errors;
}

/** The title an article's text gives on its first line (`# Title`), if any. */
export const titleOfText = (text: string): string | null => sectionedMarkdown(text).title;

/** How many sections the text makes: its headings, or one section when it has none. */
export function sectionsOfText(text: string): number {
  const { markdown } = sectionedMarkdown(text);
  const headings = markdown.split('\n').filter((line) => line.startsWith('## ')).length;
  return headings === 0 ? 1 : headings + (/^## /.test(markdown) ? 0 : 1);
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * What a web page's paste kept, in words: its headings as sections (and, pasted into an empty
 * box, its lone first `#` heading as the title), smaller headings as subheadings.
 */
export function pastedNote(markdown: string, alone: boolean): string {
  const sectioned = sectionedMarkdown(markdown);
  const lines = sectioned.markdown.split('\n');
  const sections = lines.filter((line) => line.startsWith('## ')).length;
  const smaller = lines.filter((line) => /^#{3,6} /.test(line)).length;
  const kept =
    sections === 0
      ? 'no heading to make sections of'
      : sections === 1
        ? '1 heading kept as a section'
        : `${sections} headings kept as sections`;
  const extra = [
    smaller > 0 ? `${count(smaller, 'smaller one', 'smaller ones')} as subheadings` : '',
    alone && sectioned.title ? 'the title taken from its first' : '',
  ].filter(Boolean);
  return `Pasted from a web page: ${[kept, ...extra].join(', ')}.`;
}

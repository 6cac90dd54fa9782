const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** A link from content only when it goes to the web or to e-mail: never `javascript:` or `data:`. */
export function safeHref(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return ALLOWED.has(new URL(value).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Faults thrown while a stranger's file is checked, said in words a teacher can act on. The
 * exception's own text (its name, a stack, an engine's phrasing) never reaches the page.
 */

const TOO_LARGE = /call stack|too much recursion|invalid (?:array|string) length|out of memory/i;

/** Whether a fault comes from a value too large or too deeply nested for the checker. */
export function isExhaustion(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && TOO_LARGE.test(error.message));
}

/** Why a step could not finish, as the end of a sentence such as "the graph could not be checked: …". */
export function faultInWords(error: unknown): string {
  if (isExhaustion(error)) {
    return 'it is too large or too deeply nested to check; make it smaller or flatter';
  }
  return 'the app met a fault it did not expect while checking it; please report the file';
}

type YamlFault = { name?: unknown; code?: unknown; linePos?: unknown; message?: unknown };

/** Where a YAML fault is, as "line 3, column 7", when the parser says. */
function yamlPlace(error: YamlFault): string {
  const [start] = Array.isArray(error.linePos) ? (error.linePos as unknown[]) : [];
  if (start === null || typeof start !== 'object') return '';
  const { line, col } = start as { line?: unknown; col?: unknown };
  return typeof line === 'number' && typeof col === 'number'
    ? ` (line ${line}, column ${col} of the front matter)`
    : '';
}

/** Why the article's YAML front matter could not be read. */
export function yamlFaultInWords(error: unknown): string {
  const fault = (error ?? {}) as YamlFault;
  const message = typeof fault.message === 'string' ? fault.message : '';
  if (/alias/i.test(message)) {
    return 'it repeats its aliases (*name) so many times that reading it would never end';
  }
  if (isExhaustion(error) || TOO_LARGE.test(message)) {
    return `it is nested too deeply${yamlPlace(fault)}`;
  }
  if (fault.name === 'YAMLParseError' || fault.name === 'YAMLWarning') {
    return `it is not valid YAML${yamlPlace(fault)}`;
  }
  return faultInWords(error);
}

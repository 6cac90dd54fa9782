import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type FormEvent,
} from 'react';
import { markdownOfHtml, pastedHtmlTooLarge, type PastedHtml } from '../../model/pasted-html';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { useAtlasStore } from '../../store/atlas-store';
import { listDrafts, startNewDraft } from './draft-actions';
import {
  checkNewMap,
  pastedNote,
  sectionsOfText,
  titleOfText,
  type FieldErrors,
  type NewMapFields,
} from './new-map-fields';
import './authoring.css';

const empty: NewMapFields = { text: '', title: '', author: '', source: '', published: '' };

/** Larger article files are refused before they are read. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => React.ReactNode;
};

/** A labelled field with its hint and, once the form is sent, what is wrong with it. */
function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className="new-map__field">
      <label htmlFor={id} className="new-map__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="new-map__hint">
          {hint}
        </p>
      ) : null}
      {children({
        ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error ? (
        <p id={`${id}-error`} className="form-problem">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * "New map…": an article pasted or opened from a file, with its title, author, source and date,
 * becomes a draft to make a map of. The drafts kept in this browser are a button away.
 */
export function NewMapDialog() {
  const open = useAtlasStore((s) => s.newMapOpen);
  const setOpen = useAtlasStore((s) => s.setNewMapOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [fields, setFields] = useState<NewMapFields>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [kept, setKept] = useState(0);
  const [pasted, setPasted] = useState<string | null>(null);
  const caret = useRef<number | null>(null);
  const setDraftsOpen = useAtlasStore((s) => s.setDraftsOpen);
  useModalDialog(ref, open, { initialFocus: textRef });

  useEffect(() => {
    if (!open) return;
    let current = true;
    void listDrafts().then((list) => {
      if (current) setKept(list.ok ? list.drafts.length : 0);
    });
    return () => {
      current = false;
    };
  }, [open]);

  function change(name: keyof NewMapFields, value: string) {
    const next = { ...fields, [name]: value };
    // The article's own `# Title` line fills an empty title, until the teacher types one.
    if (name === 'text' && (fields.title === '' || fields.title === titleOfText(fields.text))) {
      next.title = titleOfText(value) ?? (fields.title === '' ? '' : fields.title);
    }
    setFields(next);
    if (sent) setErrors(checkNewMap(next));
  }

  // Where the caret goes once a paste the browser could not insert itself is in the box.
  useLayoutEffect(() => {
    const at = caret.current;
    if (at === null || !textRef.current) return;
    caret.current = null;
    textRef.current.setSelectionRange(at, at);
  }, [fields.text]);

  /** A web page's HTML is pasted as Markdown that keeps its headings; plain text as it is. */
  function paste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData('text/html');
    if (!html) {
      setPasted(null);
      return;
    }
    const tooLarge = pastedHtmlTooLarge(html);
    const result: PastedHtml = tooLarge
      ? { kind: 'too-large', reason: tooLarge }
      : markdownOfHtml(new DOMParser().parseFromString(html, 'text/html').body);
    if (result.kind !== 'markdown') {
      setPasted(
        result.kind === 'plain'
          ? null
          : `Pasted as plain text: the web page is too large to keep its headings (${result.reason}).`,
      );
      return;
    }
    event.preventDefault();
    const box = event.currentTarget;
    const { selectionStart, selectionEnd, value } = box;
    // Inserted as typing is, the paste stays in the browser's own undo; where it cannot be, the
    // box's text is set instead.
    const inserted =
      typeof document.execCommand === 'function' &&
      document.execCommand('insertText', false, result.markdown);
    if (!inserted) {
      caret.current = selectionStart + result.markdown.length;
      change('text', value.slice(0, selectionStart) + result.markdown + value.slice(selectionEnd));
    }
    setPasted(pastedNote(result.markdown, value.trim() === ''));
  }

  async function openFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setErrors({ ...errors, text: 'That file is larger than 5 MB; open a shorter article.' });
      return;
    }
    const text = await file.text();
    const next = {
      ...fields,
      text,
      title: fields.title || titleOfText(text) || file.name.replace(/\.(md|markdown|txt)$/i, ''),
    };
    setFields(next);
    if (sent) setErrors(checkNewMap(next));
  }

  function start(event: FormEvent) {
    event.preventDefault();
    setSent(true);
    const found = checkNewMap(fields);
    setErrors(found);
    const first = (Object.keys(found) as (keyof NewMapFields)[])[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const result = startNewDraft(
      {
        title: fields.title,
        author: fields.author,
        source: fields.source,
        published: fields.published,
      },
      fields.text,
    );
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setFields(empty);
    setPasted(null);
    setSent(false);
    setProblem(null);
    setOpen(false);
  }

  const sections = fields.text.trim() ? sectionsOfText(fields.text) : 0;
  return (
    <dialog
      ref={ref}
      className="new-map"
      aria-labelledby={`${id}-heading`}
      onClose={() => setOpen(false)}
      onCancel={() => setOpen(false)}
    >
      <h2 id={`${id}-heading`}>Make a new map</h2>
      <p className="new-map__lead">
        Paste the article, or open it as a Markdown or text file. Its headings (lines starting with
        # or ##, or a web page’s own headings when it is copied from one) become the map’s sections.
        Everything is kept in this browser as you work.
      </p>
      {kept > 0 ? (
        <p className="new-map__drafts">
          {kept === 1 ? 'One draft is' : `${kept} drafts are`} kept in this browser.{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              setDraftsOpen(true);
            }}
          >
            Your drafts…
          </button>
        </p>
      ) : null}
      <form noValidate onSubmit={start}>
        <Field
          id={`${id}-text`}
          label="The article"
          hint="Markdown or plain text; paragraphs are separated by an empty line."
          error={errors.text}
        >
          {(described) => (
            <textarea
              ref={textRef}
              id={`${id}-text`}
              className="new-map__text"
              rows={8}
              value={fields.text}
              onChange={(event) => change('text', event.target.value)}
              onPaste={paste}
              {...described}
            />
          )}
        </Field>
        {pasted ? (
          <p className="new-map__hint" aria-live="polite">
            {pasted}
          </p>
        ) : null}
        <div className="new-map__file-row">
          <label htmlFor={`${id}-file`} className="new-map__label">
            Or open a file (.md or .txt)
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            onChange={(event) => {
              void openFile(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
        {sections > 0 ? (
          <p className="new-map__hint" aria-live="polite">
            {sections === 1 ? 'One section.' : `${sections} sections.`}
          </p>
        ) : null}
        <div className="new-map__grid">
          <Field id={`${id}-title`} label="Title (required)" error={errors.title}>
            {(described) => (
              <input
                id={`${id}-title`}
                type="text"
                value={fields.title}
                onChange={(event) => change('title', event.target.value)}
                {...described}
              />
            )}
          </Field>
          <Field id={`${id}-author`} label="Author" error={errors.author}>
            {(described) => (
              <input
                id={`${id}-author`}
                type="text"
                value={fields.author}
                onChange={(event) => change('author', event.target.value)}
                {...described}
              />
            )}
          </Field>
          <Field
            id={`${id}-source`}
            label="Source address"
            hint="Where the article was published, if it is on the web."
            error={errors.source}
          >
            {(described) => (
              <input
                id={`${id}-source`}
                type="url"
                inputMode="url"
                placeholder="https://example.org/article"
                value={fields.source}
                onChange={(event) => change('source', event.target.value)}
                {...described}
              />
            )}
          </Field>
          <Field
            id={`${id}-published`}
            label="Date published"
            hint="Year-month-day, such as 2026-03-15."
            error={errors.published}
          >
            {(described) => (
              <input
                id={`${id}-published`}
                type="text"
                inputMode="numeric"
                placeholder="2026-03-15"
                value={fields.published}
                onChange={(event) => change('published', event.target.value)}
                {...described}
              />
            )}
          </Field>
        </div>
        {problem ? (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="new-map__actions">
          <button type="submit" className="button button--primary">
            Start the map
          </button>
          <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

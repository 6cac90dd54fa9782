import { useEffect, useId, useRef, useState } from 'react';
import { planInWords, type ArticleEditPlan } from '../../model/article-edit';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { useAtlasStore } from '../../store/atlas-store';
import { ConfirmDialog } from './confirm-dialog';
import { applyDraftArticle, planDraftArticle } from './draft-actions';
import { forgetKeptArticle, keepArticle, readKeptArticle } from './kept-article-text';
import { sectionsOfText } from './new-map-fields';
import './authoring.css';

/** The draft bar's "Edit article" button, which takes the focus back when the editor closes. */
export const EDIT_ARTICLE_BUTTON = 'draft-edit-article';

/** Longer texts are not kept on each key: the browser's storage would refuse them anyway. */
const MAX_KEPT = 1_000_000;

type Checked = Extract<ArticleEditPlan, { ok: true }>;

function PlanSummary({ plan, headingId }: { plan: Checked; headingId: string }) {
  return (
    <section className="article-editor__plan" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        What applying the changes does
      </h3>
      <ul>
        {planInWords(plan).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.orphans.length > 0 ? (
        <>
          <h4>Can no longer be found</h4>
          <ul className="article-editor__orphans">
            {plan.orphans.flatMap((orphan) =>
              orphan.passages.map((lost) => (
                <li key={`${orphan.conceptId}-${lost.index}`}>
                  <strong>{orphan.label || orphan.conceptId}</strong>:{' '}
                  <span className="article-editor__quote">“{lost.passage.exact}”</span>{' '}
                  {lost.reason}
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * Editing the draft's article under its map: the Markdown in a large box, its `##` headings the
 * sections. Before anything changes, "Check the changes" says in words what applying them does
 * to the passages and the sections; "Apply the changes" makes it one change, which Undo takes
 * back. What is typed is kept in this browser until it is applied or discarded, and leaving with
 * changes asks first.
 */
function ArticleEditor({ draftId, markdown }: { draftId: string; markdown: string }) {
  const open = useAtlasStore((s) => s.articleEditorOpen);
  const setOpen = useAtlasStore((s) => s.setArticleEditorOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [text, setText] = useState(markdown);
  const [restored, setRestored] = useState(false);
  const [notKept, setNotKept] = useState(false);
  const [plan, setPlan] = useState<ArticleEditPlan | null>(null);
  const [confirming, setConfirming] = useState(false);
  useModalDialog(ref, open, { initialFocus: textRef });

  // Each time it opens, the editor starts from what was typed and not applied, else the article.
  const [shown, setShown] = useState(false);
  if (open !== shown) {
    setShown(open);
    if (open) {
      const kept = readKeptArticle(draftId);
      const again = kept !== null && kept !== markdown;
      setText(again ? kept : markdown);
      setRestored(again);
      setPlan(null);
      setNotKept(false);
    }
  }

  const changed = text !== markdown;
  // Text the browser could not keep is not left silently: the page asks before it is left.
  useEffect(() => {
    if (!open || !changed || !notKept) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [open, changed, notKept]);

  function change(value: string) {
    setText(value);
    setPlan(null);
    if (value === markdown) forgetKeptArticle(draftId);
    else setNotKept(value.length > MAX_KEPT || !keepArticle(draftId, value));
  }

  function close() {
    setOpen(false);
    setConfirming(false);
    document.getElementById(EDIT_ARTICLE_BUTTON)?.focus();
  }

  function discard() {
    forgetKeptArticle(draftId);
    setText(markdown);
    setRestored(false);
    close();
  }

  function cancel() {
    if (changed) setConfirming(true);
    else discard();
  }

  // The words about the plan take the focus once shown, so that they are read before Apply.
  const focusPlan = useRef(false);
  useEffect(() => {
    if (!plan || !focusPlan.current) return;
    focusPlan.current = false;
    document.getElementById(plan.ok ? `${id}-plan` : `${id}-problem`)?.focus();
  }, [plan, id]);

  function check() {
    focusPlan.current = true;
    setPlan(planDraftArticle(text));
  }

  function apply() {
    const applied = applyDraftArticle(text);
    if (!applied) return;
    if (!applied.ok) {
      focusPlan.current = true;
      setPlan(applied);
      return;
    }
    forgetKeptArticle(draftId);
    setRestored(false);
    close();
  }

  const sections = text.trim() ? sectionsOfText(text) : 0;
  const checked = plan?.ok ? plan : null;
  return (
    <>
      <dialog
        ref={ref}
        className="new-map article-editor"
        aria-labelledby={`${id}-heading`}
        onCancel={(event) => {
          event.preventDefault();
          if (!confirming) cancel();
        }}
      >
        <h2 id={`${id}-heading`}>Edit the article</h2>
        <p className="new-map__lead">
          Change its words, its paragraphs and its headings. When the changes are applied, every
          passage is looked for again, its exact words first, then words close to them where it
          stood; a passage that can no longer be found is kept and listed under “Passages to fix”.
          Nothing is removed, and Undo brings the old text back.
        </p>
        {restored ? (
          <p className="article-editor__restored" role="status">
            Your changes from before, not yet applied, are back in the box.
          </p>
        ) : null}
        <div className="new-map__field">
          <label htmlFor={`${id}-text`} className="new-map__label">
            The article
          </label>
          <p id={`${id}-hint`} className="new-map__hint">
            Markdown: paragraphs are separated by an empty line, and a line starting with ## heads a
            section. A section whose heading stays keeps its concepts.
          </p>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="new-map__text article-editor__text"
            rows={16}
            value={text}
            aria-describedby={`${id}-hint${notKept ? ` ${id}-not-kept` : ''}`}
            onChange={(event) => change(event.target.value)}
          />
          <p className="new-map__hint" aria-live="polite">
            {sections === 1 ? 'One section.' : `${sections} sections.`}
            {changed ? ' Changed, not yet applied.' : ''}
          </p>
          {notKept ? (
            <p id={`${id}-not-kept`} className="form-problem">
              This browser could not keep the text as you type it: apply the changes, or copy the
              text, before leaving the page.
            </p>
          ) : null}
        </div>
        {checked ? <PlanSummary plan={checked} headingId={`${id}-plan`} /> : null}
        {plan && !plan.ok ? (
          <p id={`${id}-problem`} className="form-problem" role="alert" tabIndex={-1}>
            {plan.problem}
          </p>
        ) : null}
        <div className="new-map__actions">
          {checked && !checked.unchanged ? (
            <button type="button" className="button button--primary" onClick={apply}>
              Apply the changes
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={!changed}
              onClick={check}
            >
              Check the changes
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={cancel}>
            Cancel
          </button>
        </div>
      </dialog>
      <ConfirmDialog
        open={confirming}
        title="Discard your changes to the article?"
        confirm="Discard the changes"
        onConfirm={discard}
        onCancel={() => {
          setConfirming(false);
          textRef.current?.focus();
        }}
      >
        <p>The text you changed has not been applied to the map. Discarded, it is gone.</p>
      </ConfirmDialog>
    </>
  );
}

/** The article editor of the open draft. */
export function ArticleEditorDialog() {
  const draftId = useAtlasStore((s) => s.draft?.id);
  const markdown = useAtlasStore((s) => s.draft?.markdown);
  if (draftId === undefined || markdown === undefined) return null;
  return <ArticleEditor key={draftId} draftId={draftId} markdown={markdown} />;
}

import '../../shared/zod-setup';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { ArrowLeftRight } from 'lucide-react';
import type { Atlas } from '../../model/atlas';
import type { Draft } from '../../model/draft';
import {
  phraseSuggestions,
  relationKindMeanings,
  relationProblems,
  relationSentence,
  type RelationField,
  type RelationFields,
} from '../../model/draft-links';
import { kindStyles, relationKindLabels } from '../../model/kinds';
import { relationKinds, type RelationKind } from '../../model/schema';
import { buildSearchIndex } from '../../model/search-index';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { useAtlasStore, type RelationRequest } from '../../store/atlas-store';
import { saveRelation } from './draft-actions';
import './authoring.css';

/** Opens "Link to…" for the selected concept of the draft, if one is selected. */
export function linkSelectedConcept(): boolean {
  const { draft, selectedId, openRelationForm } = useAtlasStore.getState();
  if (!draft || !draft.concepts.some((concept) => concept.id === selectedId)) return false;
  openRelationForm({ kind: 'link', source: selectedId as string });
  return true;
}

const linkKeys: KeyGroup = {
  title: 'Making a map: relations',
  keys: [
    {
      keys: ['L'],
      does: 'Link the selected concept to another (“Link to…”)',
      test: (event) =>
        event.key.toLowerCase() === 'l' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        useAtlasStore.getState().selectedId !== null,
      perform: () => void linkSelectedConcept(),
    },
  ],
};

const nameOf = (draft: Draft, id: string) =>
  draft.concepts.find((concept) => concept.id === id)?.label.trim() || id;

type StepProps = {
  draft: Draft;
  titleId: string;
  /** The field that takes the focus when the dialog opens. */
  focusRef: RefObject<HTMLElement | null>;
  onCancel: () => void;
};

/** How many results the list shows at most: the search finds the best first. */
const MAX_RESULTS = 50;

/**
 * "Link to…": the draft's other concepts, found as the map's search finds them (labels, other
 * names, summaries and passages, typos forgiven), in the article's order before anything is typed.
 * The arrow keys move through the list and Enter chooses, as in the search box.
 */
function LinkTo({
  draft,
  atlas,
  source,
  titleId,
  focusRef,
  onCancel,
  onChoose,
}: StepProps & { atlas: Atlas; source: string; onChoose: (target: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const index = useMemo(() => buildSearchIndex(atlas.graph, atlas.article, atlas.anchors), [atlas]);
  const others = useMemo(
    () =>
      draft.concepts
        .filter((concept) => concept.id !== source)
        .sort((a, b) => (atlas.order.get(a.id) ?? 0) - (atlas.order.get(b.id) ?? 0)),
    [draft, atlas, source],
  );
  const found = useMemo(() => {
    if (query.trim() === '') return others;
    const byId = new Map(others.map((concept) => [concept.id, concept]));
    return index.ids(query, MAX_RESULTS + 1).flatMap((hit) => byId.get(hit) ?? []);
  }, [index, others, query]);
  const shown = found.slice(0, MAX_RESULTS);
  const current = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    focusRef.current?.focus();
  }, [focusRef]);

  const count =
    others.length === 0
      ? 'The map has no other concept yet: make another from the article’s words first.'
      : shown.length === 0
        ? 'No concept matches.'
        : `${shown.length} concept${shown.length === 1 ? '' : 's'}${query.trim() ? ' match' : ''}.`;

  return (
    <>
      <h2 id={titleId}>Link “{nameOf(draft, source)}” to…</h2>
      <p id={`${id}-hint`} className="relation-form__hint">
        Choose the concept that “{nameOf(draft, source)}” is related to; then write the relation.
      </p>
      <div className="relation-form__field">
        <label className="relation-form__label" htmlFor={`${id}-search`}>
          Find a concept
        </label>
        <input
          ref={focusRef as RefObject<HTMLInputElement | null>}
          id={`${id}-search`}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-describedby={`${id}-hint ${id}-count`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive(Math.max(0, Math.min(shown.length - 1, current + step)));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const chosen = shown[current];
              if (chosen) onChoose(chosen.id);
            }
          }}
        />
      </div>
      <ul id={`${id}-list`} className="relation-form__results" role="listbox" aria-label="Concepts">
        {shown.map((concept, i) => (
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- an option of a combobox: the keys go to the box, which points at the active option
          <li
            key={concept.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className="relation-form__result"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(concept.id)}
          >
            <span className="relation-form__result-label">
              {concept.label.trim() || concept.id}
            </span>
            <span className="visually-hidden">,</span>{' '}
            <span className="relation-form__result-kind">{kindStyles[concept.kind].label}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-count`} className="relation-form__hint" role="status">
        {count}
      </p>
      <div className="relation-form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

const fieldNames: Record<RelationField, string> = {
  source: 'From',
  target: 'To',
  label: 'Linking phrase',
  kind: 'Kind of link',
};

/**
 * The relation form: the two concepts, the linking phrase (with the phrases the map already uses
 * offered first), the kind, and the proposition read back as a sentence before it is saved. What
 * keeps it from being saved is said beside its field: a phrase or a kind not given only once Save
 * is pressed, the rest as soon as it is so.
 */
function RelationForm({
  draft,
  initial,
  editing,
  titleId,
  focusRef,
  onCancel,
  onBack,
}: StepProps & { initial: RelationFields; editing?: string; onBack?: () => void }) {
  const id = useId();
  const [fields, setFields] = useState(initial);
  const [tried, setTried] = useState(false);
  const phraseRef = focusRef as RefObject<HTMLInputElement | null>;
  const problems = useMemo(
    () => relationProblems(draft, fields, editing),
    [draft, fields, editing],
  );
  const unfilled = (field: RelationField) =>
    (field === 'label' && fields.label.trim() === '') || (field === 'kind' && fields.kind === '');
  const shown = problems.filter((problem) => tried || !unfilled(problem.field));
  const ofField = (field: RelationField) => shown.filter((problem) => problem.field === field);
  const suggestions = phraseSuggestions(draft, fields.label);
  const fieldId = (field: RelationField) => `${id}-${field}`;

  useEffect(() => {
    focusRef.current?.focus();
  }, [focusRef]);

  const described = (field: RelationField, hint?: boolean) => {
    const ids = [
      hint ? `${fieldId(field)}-hint` : '',
      ofField(field).length ? `${fieldId(field)}-problem` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: fieldId(field),
      ...(ids ? { 'aria-describedby': ids } : {}),
      ...(ofField(field).length ? { 'aria-invalid': true as const } : {}),
    };
  };
  const problemOf = (field: RelationField) =>
    ofField(field).length ? (
      <p id={`${fieldId(field)}-problem`} className="form-problem">
        {ofField(field)
          .map((problem) => problem.message)
          .join(' ')}
      </p>
    ) : null;

  const concepts = [...draft.concepts].sort((a, b) =>
    (a.label.trim() || a.id).localeCompare(b.label.trim() || b.id),
  );
  const conceptSelect = (field: 'source' | 'target') => (
    <div className="relation-form__field">
      <label className="relation-form__label" htmlFor={fieldId(field)}>
        {fieldNames[field]}
      </label>
      <select
        value={fields[field]}
        onChange={(event) => setFields({ ...fields, [field]: event.target.value })}
        {...described(field)}
      >
        {concepts.map((concept) => (
          <option key={concept.id} value={concept.id}>
            {concept.label.trim() || concept.id}
          </option>
        ))}
      </select>
      {problemOf(field)}
    </div>
  );

  const phrase = fields.label.trim().replace(/\s+/g, ' ');
  const sentence = phrase
    ? relationSentence(draft, fields)
    : `${nameOf(draft, fields.source)} … ${nameOf(draft, fields.target)}`;
  const meaning =
    fields.kind === ''
      ? 'Say what the phrase claims: the kind decides how the map and the quiz read the relation.'
      : `“${nameOf(draft, fields.source)}” ${relationKindMeanings[fields.kind]} “${nameOf(draft, fields.target)}”.`;

  return (
    <form
      className="relation-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        const left = saveRelation(fields, editing);
        const first = left[0];
        if (first) document.getElementById(fieldId(first.field))?.focus();
      }}
    >
      <h2 id={titleId}>{editing === undefined ? 'New relation' : 'Edit the relation'}</h2>
      <div className="relation-form__ends">
        {conceptSelect('source')}
        <button
          type="button"
          className="button button--quiet relation-form__swap"
          aria-label="Swap the two concepts"
          title="Swap the two concepts"
          onClick={() => setFields({ ...fields, source: fields.target, target: fields.source })}
        >
          <ArrowLeftRight size={18} aria-hidden="true" focusable="false" />
        </button>
        {conceptSelect('target')}
      </div>
      <div className="relation-form__field">
        <label className="relation-form__label" htmlFor={fieldId('label')}>
          {fieldNames.label}
        </label>
        <p id={`${fieldId('label')}-hint`} className="relation-form__hint">
          The words that join the two into a sentence, read from the first to the second.
        </p>
        <input
          ref={phraseRef}
          type="text"
          autoComplete="off"
          value={fields.label}
          onChange={(event) => setFields({ ...fields, label: event.target.value })}
          {...described('label', true)}
        />
        {problemOf('label')}
        {suggestions.length > 0 ? (
          <div
            className="relation-form__suggestions"
            role="group"
            aria-labelledby={`${id}-suggestions`}
          >
            <p id={`${id}-suggestions`} className="relation-form__hint">
              {draft.relations.length > 0
                ? 'Suggested (the phrases this map uses come first):'
                : 'Suggested:'}
            </p>
            {suggestions.map((suggestion) => (
              <button
                key={suggestion.phrase}
                type="button"
                className="button button--quiet relation-form__suggestion"
                onClick={() => {
                  setFields({ ...fields, label: suggestion.phrase, kind: suggestion.kind });
                  phraseRef.current?.focus();
                }}
              >
                {suggestion.phrase}{' '}
                <span className="visually-hidden">
                  {`(kind: ${relationKindLabels[suggestion.kind]}${
                    suggestion.uses > 0
                      ? `, used ${suggestion.uses} time${suggestion.uses === 1 ? '' : 's'}`
                      : ''
                  })`}
                </span>
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div className="relation-form__field">
        <label className="relation-form__label" htmlFor={fieldId('kind')}>
          {fieldNames.kind}
        </label>
        <select
          value={fields.kind}
          onChange={(event) =>
            setFields({ ...fields, kind: event.target.value as RelationKind | '' })
          }
          {...described('kind', true)}
        >
          <option value="">Choose the kind…</option>
          {relationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {relationKindLabels[kind]}: the first {relationKindMeanings[kind]} the second
            </option>
          ))}
        </select>
        <p id={`${fieldId('kind')}-hint`} className="relation-form__hint">
          {meaning}
        </p>
        {problemOf('kind')}
      </div>
      <div className="relation-form__readback">
        <p className="relation-form__label" id={`${id}-reads-label`}>
          The map will read
        </p>
        <p id={`${id}-reads`} className="relation-form__sentence">
          {sentence}
        </p>
      </div>
      <div className="relation-form__actions">
        <button
          type="submit"
          className="button button--primary"
          aria-describedby={`${id}-reads-label ${id}-reads`}
        >
          Save the relation
        </button>
        {onBack ? (
          <button type="button" className="button" onClick={onBack}>
            Choose another concept
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The fields a request starts the form with: none while "Link to…" still looks for a target. */
function initialFields(
  draft: Draft,
  request: RelationRequest,
  target: string | null,
): { fields: RelationFields; editing?: string } | null {
  if (request.kind === 'edit') {
    const relation = draft.relations.find((candidate) => candidate.id === request.relationId);
    if (!relation) return null;
    const { source, target: to, label, kind } = relation;
    return { fields: { source, target: to, label, kind }, editing: relation.id };
  }
  const to = request.kind === 'new' ? request.target : target;
  return to === null
    ? null
    : { fields: { source: request.source, target: to, label: '', kind: '' } };
}

function DialogBody({
  request,
  titleId,
  focusRef,
}: {
  request: RelationRequest;
  titleId: string;
  focusRef: RefObject<HTMLElement | null>;
}) {
  const draft = useAtlasStore((s) => s.draft);
  const atlas = useAtlasStore((s) => s.atlas);
  const close = useAtlasStore((s) => s.closeRelationForm);
  const [target, setTarget] = useState<string | null>(null);
  if (!draft || !atlas) return null;
  const start = initialFields(draft, request, target);
  if (start) {
    return (
      <RelationForm
        key={`${start.fields.source}>${start.fields.target}`}
        draft={draft}
        initial={start.fields}
        {...(start.editing === undefined ? {} : { editing: start.editing })}
        titleId={titleId}
        focusRef={focusRef}
        onCancel={close}
        {...(request.kind === 'link' ? { onBack: () => setTarget(null) } : {})}
      />
    );
  }
  if (request.kind !== 'link') return null;
  return (
    <LinkTo
      draft={draft}
      atlas={atlas}
      source={request.source}
      titleId={titleId}
      focusRef={focusRef}
      onCancel={close}
      onChoose={setTarget}
    />
  );
}

const requestKey = (request: RelationRequest) =>
  request.kind === 'edit' ? `edit ${request.relationId}` : `${request.kind} ${request.source}`;

/**
 * The dialog that relates two of the draft's concepts: opened by "Link to…" (the button in the
 * concept's form, or L), by a line drawn from one concept to another on the map, or by "Edit" in
 * a concept's list of relations. Closing it gives the focus back where it was.
 */
export function RelationDialog() {
  const request = useAtlasStore((s) => s.relationForm);
  const close = useAtlasStore((s) => s.closeRelationForm);
  const ref = useRef<HTMLDialogElement>(null);
  const focusRef = useRef<HTMLElement | null>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();
  const open = request !== null;
  usePageKeys(linkKeys);

  // Before the dialog's own effects move the focus into it.
  useLayoutEffect(() => {
    if (open) {
      returnTo.current = document.activeElement;
      return;
    }
    const back = returnTo.current;
    returnTo.current = null;
    if (!back) return;
    // What had the focus may have gone with the change saved (a form drawn anew): the concept's
    // form takes it then.
    const target = back.isConnected ? back : document.getElementById('concept-details');
    if (target instanceof HTMLElement) target.focus();
  }, [open]);
  useModalDialog(ref, open, { initialFocus: focusRef });

  return (
    <dialog
      ref={ref}
      className="relation-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {request ? (
        <DialogBody
          key={requestKey(request)}
          request={request}
          titleId={titleId}
          focusRef={focusRef}
        />
      ) : null}
    </dialog>
  );
}

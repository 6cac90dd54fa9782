import { PanelTop } from './panel-top';
import '../../shared/zod-setup';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Draft } from '../../model/draft';
import {
  addStep,
  addStepConcepts,
  addTour,
  moveStep,
  removeStep,
  removeTour,
  selectionConcepts,
  updateStep,
  updateTour,
} from '../../model/draft-tour-edits';
import { tourProblems, type DraftTour, type TourProblem } from '../../model/tour-draft';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { endEditGroup } from '../../store/slices/draft-slice';
import { TOURS_TOGGLE } from './draft-bar';
import { movedWords } from './step-order';
import { tourProblemText } from './tour-problem-text';
import { TourStepCard } from './tour-step-card';
import { useStepDrag } from './use-step-drag';
import './authoring.css';

/** The keys of the steps' own controls, listed under `?` while the editor is open. */
const tourKeys: KeyGroup = {
  title: 'Making a tour',
  keys: [
    {
      keys: ['Alt+↑', 'Alt+↓'],
      does: 'Move a step up or down, from its title or its arrow buttons',
    },
  ],
};

/** The id of the tours editor's heading, which takes the focus when the editor opens. */
export const TOUR_EDITOR_HEADING = 'tour-editor-heading';

/** The concepts a new step takes from the map now (see `selectionConcepts`). */
function useSelection(): string[] {
  const atlas = useAtlasStore((s) => s.atlas);
  const selection = useAtlasStore(
    useShallow((s) => ({
      selectedId: s.selectedId,
      focusDepth: s.focusDepth,
      hiddenKinds: s.hiddenKinds,
      hiddenSections: s.hiddenSections,
    })),
  );
  return useMemo(() => (atlas ? selectionConcepts(atlas, selection) : []), [atlas, selection]);
}

/** What "Add step" takes, in words. */
function selectionWords(selection: readonly string[], labels: ReadonlyMap<string, string>) {
  const [first] = selection;
  if (first === undefined) {
    return 'Nothing is selected on the map: choose a concept on the map, in the outline or by search, and Add step makes a step of it.';
  }
  const name = `“${labels.get(first) || first}”`;
  const more = selection.length - 1;
  if (more === 0) return `Add step makes a step of the selected concept, ${name}.`;
  return `Add step makes a step of the selected concept, ${name}, and the ${more === 1 ? 'concept' : `${more} concepts`} around it that the focus shows.`;
}

/** Makes a tour: its title is all it needs to start. */
function NewTourForm({ first, onMade }: { first: boolean; onMade: (tourId: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function make(event: FormEvent) {
    event.preventDefault();
    const { draft, editDraft } = useAtlasStore.getState();
    if (!draft) return;
    if (title.trim() === '') {
      setProblem('Give the tour a title.');
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    const made = addTour(draft, title);
    endEditGroup();
    editDraft(made.draft);
    setTitle('');
    setProblem(null);
    onMade(made.tourId);
  }
  return (
    <form className="tour-editor__new" noValidate onSubmit={make}>
      <label className="concept-form__label" htmlFor={`${id}-title`}>
        {first ? 'Title of the tour' : 'Title of a new tour'}
      </label>
      <div className="tour-editor__row">
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          {...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})}
        />
        <button type="submit" className="button">
          Make the tour
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="form-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

type TourFormProps = {
  draft: Draft;
  tour: DraftTour;
  /** Says something to screen readers (and shows it), such as where a moved step now stands. */
  say: (words: string) => void;
};

/** One tour of the draft: its title and description, its steps, and Present. */
function TourForm({ draft, tour, say }: TourFormProps) {
  const id = useId();
  const editDraft = useAtlasStore((s) => s.editDraft);
  const goToStep = useAtlasStore((s) => s.goToStep);
  const presentable = useAtlasStore((s) => s.atlas?.tours.some((t) => t.id === tour.id) ?? false);
  const selection = useSelection();
  const [openStep, setOpenStep] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const labels = useMemo(
    () => new Map(draft.concepts.map((concept) => [concept.id, concept.label.trim()])),
    [draft.concepts],
  );
  const problems = useMemo(
    () => tourProblems(tour, new Set(draft.concepts.map((concept) => concept.id))),
    [tour, draft.concepts],
  );

  const stepFieldId = (stepId: string) => (field: string) => `${id}-${stepId}-${field}`;
  const tourFieldId = (field: string) => `${id}-${field}`;

  // The focus follows a step that moved, was added or was asked for by a problem's link, once
  // it is drawn where it now stands.
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  });

  const change = (next: Draft, group?: string) => {
    if (group === undefined) endEditGroup();
    editDraft(next, group);
  };

  const move = (stepId: string, to: number, focus: string | null) => {
    const step = tour.steps.find((candidate) => candidate.id === stepId);
    if (!step) return;
    change(moveStep(useAtlasStore.getState().draft ?? draft, tour.id, stepId, to));
    focusNext.current = focus;
    say(movedWords(step.title, to, tour.steps.length));
  };
  const { drag, handle } = useStepDrag(list, (stepId, to) =>
    move(stepId, to, stepFieldId(stepId)('toggle')),
  );

  function add() {
    const made = addStep(draft, tour.id, selection);
    change(made.draft);
    setOpenStep(made.stepId);
    focusNext.current = stepFieldId(made.stepId)('title');
    say(
      `Added step ${tour.steps.length + 1}${
        selection.length === 0
          ? ', without concepts yet'
          : ` with ${selection.length === 1 ? 'one concept' : `${selection.length} concepts`}`
      }.`,
    );
  }

  function focusProblem(problem: TourProblem) {
    if (problem.step === undefined) {
      const field = problem.field === 'steps' ? 'add' : problem.field;
      document.getElementById(tourFieldId(field))?.focus();
      return;
    }
    const step = tour.steps[problem.step - 1];
    if (!step) return;
    setOpenStep(step.id);
    focusNext.current = stepFieldId(step.id)(problem.field);
  }

  const others = drag ? tour.steps.filter((step) => step.id !== drag.stepId) : [];
  const dragStateOf = (stepId: string) => {
    if (!drag) return null;
    if (stepId === drag.stepId) return 'dragged' as const;
    // Where it stands already: no landing place to show.
    if (tour.steps.findIndex((step) => step.id === drag.stepId) === drag.index) return null;
    const at = others.findIndex((step) => step.id === stepId);
    if (at === drag.index) return 'drop-before' as const;
    if (at === others.length - 1 && drag.index === others.length) return 'drop-after' as const;
    return null;
  };

  const tourProblemsOnly = problems.filter((problem) => problem.step === undefined);
  const described = (field: 'title' | 'description', hint?: boolean) => {
    const own = tourProblemsOnly.filter((problem) => problem.field === field);
    const ids = [
      hint ? `${tourFieldId(field)}-hint` : '',
      own.length ? `${tourFieldId(field)}-problem` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: tourFieldId(field),
      ...(ids ? { 'aria-describedby': ids } : {}),
      ...(own.length ? { 'aria-invalid': true as const } : {}),
    };
  };
  const fieldProblems = (field: 'title' | 'description') => {
    const own = tourProblemsOnly.filter((problem) => problem.field === field);
    return own.length ? (
      <p id={`${tourFieldId(field)}-problem`} className="form-problem">
        {own.map(tourProblemText).join(' ')}
      </p>
    ) : null;
  };

  return (
    <section className="tour-editor__tour" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Tour “{tour.title.trim() || tour.id}”</h3>
      {problems.length > 0 ? (
        <div className="concept-form__problems" aria-labelledby={`${id}-problems`}>
          <h4 id={`${id}-problems`}>Before this tour can be presented</h4>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                <button
                  type="button"
                  className="concept-form__problem-link"
                  onClick={() => focusProblem(problem)}
                >
                  {tourProblemText(problem)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="concept-form__ok">This tour is ready to present.</p>
      )}
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={tourFieldId('title')}>
          Title
        </label>
        <input
          type="text"
          value={tour.title}
          onChange={(event) =>
            change(updateTour(draft, tour.id, { title: event.target.value }), `${tour.id}.title`)
          }
          {...described('title')}
        />
        {fieldProblems('title')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={tourFieldId('description')}>
          Description
        </label>
        <p id={`${tourFieldId('description')}-hint`} className="concept-form__hint">
          What the tour is about, shown when a tour is chosen to present: at most 300 characters.
        </p>
        <textarea
          rows={2}
          value={tour.description}
          onChange={(event) =>
            change(
              updateTour(draft, tour.id, { description: event.target.value }),
              `${tour.id}.description`,
            )
          }
          {...described('description', true)}
        />
        {fieldProblems('description')}
      </div>

      <h4 className="tour-editor__steps-heading">Steps ({tour.steps.length})</h4>
      {tour.steps.length > 1 ? (
        <p className="concept-form__hint">
          To change the order, drag a step by its handle, or use its arrow buttons (or Alt+↑ and
          Alt+↓ on its title).
        </p>
      ) : null}
      {tour.steps.length > 0 ? (
        <ol ref={list} className="tour-steps">
          {tour.steps.map((step, index) => {
            const fieldId = stepFieldId(step.id);
            return (
              <TourStepCard
                key={step.id}
                step={step}
                index={index}
                count={tour.steps.length}
                open={openStep === step.id}
                problems={problems.filter((problem) => problem.step === index + 1)}
                labels={labels}
                selectionSize={selection.length}
                dragState={dragStateOf(step.id)}
                handle={handle(step.id, index)}
                fieldId={fieldId}
                onToggle={() => setOpenStep(openStep === step.id ? null : step.id)}
                onMove={(to) => {
                  const active = document.activeElement?.id;
                  const ownButton =
                    active === fieldId('up') || active === fieldId('down') ? active : null;
                  move(step.id, to, ownButton ?? fieldId('toggle'));
                }}
                onRemove={() => {
                  change(removeStep(draft, tour.id, step.id));
                  const next = tour.steps[index + 1] ?? tour.steps[index - 1];
                  focusNext.current = next ? stepFieldId(next.id)('toggle') : tourFieldId('add');
                  say(`Removed step ${index + 1}. Undo brings it back.`);
                }}
                onEdit={(field, value) =>
                  change(
                    updateStep(draft, tour.id, step.id, { [field]: value }),
                    `${tour.id}.${step.id}.${field}`,
                  )
                }
                onRemoveConcept={(conceptId) => {
                  change(
                    updateStep(draft, tour.id, step.id, {
                      concepts: step.concepts.filter((other) => other !== conceptId),
                    }),
                  );
                  focusNext.current = fieldId('concepts');
                  say(`Removed “${labels.get(conceptId) || conceptId}” from step ${index + 1}.`);
                }}
                onAddSelection={() => {
                  change(addStepConcepts(draft, tour.id, step.id, selection));
                  say(`Added the selection to step ${index + 1}.`);
                }}
              />
            );
          })}
        </ol>
      ) : (
        <p className="concept-form__hint">No steps yet.</p>
      )}
      <p id={`${id}-selection`} className="tour-editor__selection">
        {selectionWords(selection, labels)}
      </p>
      <div className="tour-editor__row">
        <button
          type="button"
          id={tourFieldId('add')}
          className="button button--primary"
          aria-describedby={`${id}-selection`}
          onClick={add}
        >
          Add step
        </button>
      </div>
      <div className="tour-editor__row tour-editor__tour-actions">
        <button
          type="button"
          className="button"
          aria-disabled={!presentable}
          aria-describedby={presentable ? undefined : `${id}-present-hint`}
          onClick={() => {
            if (presentable) goToStep(tour.id, 1);
            else say('Fix what is listed above first, then Present shows the tour.');
          }}
        >
          Present
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            change(removeTour(draft, tour.id));
            say(`Deleted the tour “${tour.title.trim() || tour.id}”. Undo brings it back.`);
          }}
        >
          Delete the tour
        </button>
      </div>
      {presentable ? null : (
        <p id={`${id}-present-hint`} className="concept-form__hint">
          Present shows the tour once nothing is listed above to fix.
        </p>
      )}
    </section>
  );
}

/**
 * The tours editor, in the details panel while a draft is open: make a tour, add steps from the
 * concepts selected on the map, write what the class reads and what the teacher says, reorder
 * the steps by dragging or from the keyboard, and present it. Every change is kept at once, and
 * can be undone.
 */
export function TourEditor() {
  const draft = useAtlasStore((s) => s.draft);
  const [chosen, setChosen] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  usePageKeys(tourKeys);
  useEffect(() => heading.current?.focus(), []);
  if (!draft) return null;
  const tours = draft.tours ?? [];
  const tour = tours.find((candidate) => candidate.id === chosen) ?? tours[0];
  // A message said again is said anew: the live region hears a change.
  const say = (words: string) => setSaid((last) => (last === words ? `${words}\u00a0` : words));
  return (
    <section
      id="concept-details"
      tabIndex={-1}
      className="concept-form tour-editor"
      aria-labelledby={TOUR_EDITOR_HEADING}
    >
      <PanelTop headingId={TOUR_EDITOR_HEADING} headingRef={heading} toggleId={TOURS_TOGGLE}>
        Tours of this map
      </PanelTop>
      <p className="concept-form__hint">
        A tour walks the class through the map step by step, each step showing a few concepts with a
        text the class reads and the talking points you say.
      </p>
      {tours.length > 1 ? (
        <div className="concept-form__field">
          <label className="concept-form__label" htmlFor={`${id}-tour`}>
            Tour to edit
          </label>
          <select
            id={`${id}-tour`}
            value={tour?.id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {tours.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title.trim() || candidate.id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {tour ? <TourForm key={tour.id} draft={draft} tour={tour} say={say} /> : null}
      <NewTourForm
        first={tours.length === 0}
        onMade={(tourId) => {
          setChosen(tourId);
          say('Made the tour. Select a concept on the map, then Add step.');
        }}
      />
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </section>
  );
}

import { ArrowDown, ArrowUp, GripVertical } from 'lucide-react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { DraftTourStep, TourField, TourProblem } from '../../model/tour-draft';
import { tourProblemText } from './tour-problem-text';

/** The pointer handlers that drag a step by its handle (see useStepDrag). */
export type DragHandle = {
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  onPointerCancel: () => void;
  onLostPointerCapture: () => void;
};

export type StepCardProps = {
  step: DraftTourStep;
  index: number;
  count: number;
  /** The step's fields are shown, to edit. */
  open: boolean;
  problems: readonly TourProblem[];
  /** The label each concept of the draft has, by id. */
  labels: ReadonlyMap<string, string>;
  /** How many concepts "Add the selection" would add. */
  selectionSize: number;
  /** How the step is drawn while steps are dragged: lifted, or a landing place before or after it. */
  dragState: 'dragged' | 'drop-before' | 'drop-after' | null;
  handle: DragHandle;
  /** The id of a field of the step, which a problem's link focuses. */
  fieldId: (field: TourField | 'toggle' | 'up' | 'down') => string;
  onToggle: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onEdit: (field: 'title' | 'text' | 'notes', value: string) => void;
  onRemoveConcept: (conceptId: string) => void;
  onAddSelection: () => void;
};

/**
 * One step of a tour: its number and title, the buttons that move it, and when opened its
 * fields, the concepts it shows and what it still needs. Alt+↑ and Alt+↓ on its title or its
 * arrow buttons move it.
 */
export function TourStepCard(props: StepCardProps) {
  const { step, index, count, open, problems, labels, fieldId } = props;
  const label = step.title.trim() || 'Untitled step';
  const number = index + 1;
  const described = (field: TourField, hint?: boolean) => {
    const own = problems.filter((problem) => problem.field === field);
    const ids = [
      hint ? `${fieldId(field)}-hint` : '',
      own.length ? `${fieldId(field)}-problem` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: fieldId(field),
      ...(ids ? { 'aria-describedby': ids } : {}),
      ...(own.length ? { 'aria-invalid': true as const } : {}),
    };
  };
  const fieldProblems = (field: TourField) => {
    const own = problems.filter((problem) => problem.field === field);
    return own.length ? (
      <p id={`${fieldId(field)}-problem`} className="form-problem">
        {own.map(tourProblemText).join(' ')}
      </p>
    ) : null;
  };
  const moveKeys = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to >= 0 && to < count) props.onMove(to);
  };
  const classes = [
    'tour-step',
    open ? 'is-open' : '',
    props.dragState ? `is-${props.dragState}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-step-id={step.id}>
      <div className="tour-step__head">
        <span
          className="tour-step__handle"
          title="Drag to move the step"
          aria-hidden="true"
          {...props.handle}
        >
          <GripVertical size={18} />
        </span>
        <h4 className="tour-step__title">
          <button
            type="button"
            id={fieldId('toggle')}
            className="tour-step__toggle"
            aria-expanded={open}
            aria-controls={`${fieldId('toggle')}-fields`}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onClick={props.onToggle}
            onKeyDown={moveKeys}
          >
            <span className="tour-step__number">Step {number}</span> {label}
            {problems.length > 0 ? (
              <span className="tour-step__todo"> ({problems.length} to fix)</span>
            ) : null}
          </button>
        </h4>
        <span className="tour-step__moves">
          <button
            type="button"
            id={fieldId('up')}
            className="button tour-step__move"
            aria-disabled={index === 0}
            aria-keyshortcuts="Alt+ArrowUp"
            title="Move up (Alt+↑)"
            onKeyDown={moveKeys}
            onClick={() => {
              if (index > 0) props.onMove(index - 1);
            }}
          >
            <ArrowUp size={16} aria-hidden="true" />
            <span className="visually-hidden">Move step {number} up</span>
          </button>
          <button
            type="button"
            id={fieldId('down')}
            className="button tour-step__move"
            aria-disabled={index === count - 1}
            aria-keyshortcuts="Alt+ArrowDown"
            title="Move down (Alt+↓)"
            onKeyDown={moveKeys}
            onClick={() => {
              if (index < count - 1) props.onMove(index + 1);
            }}
          >
            <ArrowDown size={16} aria-hidden="true" />
            <span className="visually-hidden">Move step {number} down</span>
          </button>
        </span>
      </div>
      <div id={`${fieldId('toggle')}-fields`} className="tour-step__fields" hidden={!open}>
        {open ? (
          <>
            <div className="concept-form__field">
              <label className="concept-form__label" htmlFor={fieldId('title')}>
                Title
              </label>
              <p id={`${fieldId('title')}-hint`} className="concept-form__hint">
                The step’s heading on the screen: at most 50 characters.
              </p>
              <input
                type="text"
                value={step.title}
                onChange={(event) => props.onEdit('title', event.target.value)}
                {...described('title', true)}
              />
              {fieldProblems('title')}
            </div>
            <div className="concept-form__field">
              <label className="concept-form__label" htmlFor={fieldId('text')}>
                Text for the class
              </label>
              <p id={`${fieldId('text')}-hint`} className="concept-form__hint">
                What the class reads on the screen: one or two sentences, at most 220 characters.
              </p>
              <textarea
                rows={3}
                value={step.text}
                onChange={(event) => props.onEdit('text', event.target.value)}
                {...described('text', true)}
              />
              {fieldProblems('text')}
            </div>
            <div className="concept-form__field">
              <label className="concept-form__label" htmlFor={fieldId('notes')}>
                Talking points
              </label>
              <p id={`${fieldId('notes')}-hint`} className="concept-form__hint">
                What you say: one point a line, ending with a question for the class. At most 700
                characters; the presenter view shows them.
              </p>
              <textarea
                rows={4}
                value={step.notes}
                onChange={(event) => props.onEdit('notes', event.target.value)}
                {...described('notes', true)}
              />
              {fieldProblems('notes')}
            </div>
            <div className="concept-form__field">
              <h5 className="concept-form__label" id={fieldId('concepts')} tabIndex={-1}>
                Concepts shown ({step.concepts.length})
              </h5>
              {step.concepts.length > 0 ? (
                <ul className="tour-step__concepts">
                  {step.concepts.map((conceptId) => {
                    const name = labels.get(conceptId) || conceptId;
                    return (
                      <li key={conceptId}>
                        <span>{name}</span>
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => props.onRemoveConcept(conceptId)}
                        >
                          Remove{' '}
                          <span className="visually-hidden">
                            “{name}” from step {number}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {fieldProblems('concepts')}
              <div>
                <button
                  type="button"
                  className="button"
                  aria-disabled={props.selectionSize === 0}
                  onClick={() => {
                    if (props.selectionSize > 0) props.onAddSelection();
                  }}
                >
                  Add the selection <span className="visually-hidden">to step {number}</span>
                </button>
              </div>
            </div>
            <div>
              <button type="button" className="button" onClick={props.onRemove}>
                Remove step {number}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </li>
  );
}

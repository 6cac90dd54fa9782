import '../../shared/zod-setup';
import { useDeferredValue, useId, useMemo } from 'react';
import {
  updateConcept,
  removeConcept,
  type ConceptEdit,
  type DraftConcept,
} from '../../model/draft';
import { conceptProblems, type ConceptField, type FieldProblem } from '../../model/draft-problems';
import { kindStyles } from '../../model/kinds';
import { conceptKinds, type ConceptKind } from '../../model/schema';
import { useAtlasStore } from '../../store/atlas-store';
import { ConceptPlace, ConceptRelations } from './concept-relations';
import { LostPassageActions, usePassagesToFix } from './passages-to-fix';
import './authoring.css';

const fieldNames: Record<ConceptField, string> = {
  label: 'Label',
  kind: 'Kind',
  summary: 'Summary',
  aliases: 'Other names',
  zh: 'Chinese term',
  note: 'Note',
  tier: 'Importance',
  passages: 'Passage',
};

/** A problem said for a teacher: the field (and which item of it), then the reason. */
function problemText({ field, item, message }: FieldProblem): string {
  const name = `${fieldNames[field]}${item === undefined ? '' : ` ${item}`}`;
  return message.startsWith('must') ? `${name} ${message}.` : `${name}: ${message}.`;
}

const tierNames = {
  '': 'As its kind and links make it',
  '1': '1: carries the argument',
  '2': '2: fills it in',
  '3': '3: illustrates it',
} as const;

type Props = { concept: DraftConcept };

/**
 * The details panel of a draft: the selected concept as a form. Every change is kept at once
 * (and can be undone); what keeps the concept from opening as part of a map is listed as it is
 * typed, each problem a link to its field.
 */
function ConceptFormFor({ concept }: Props) {
  const draft = useAtlasStore((s) => s.draft);
  const editDraft = useAtlasStore((s) => s.editDraft);
  const select = useAtlasStore((s) => s.select);
  const showPassage = useAtlasStore((s) => s.showPassage);
  const id = useId();
  const lostOnes = usePassagesToFix().filter((lost) => lost.conceptId === concept.id);
  // Checked as the user types, once the key's frame is drawn: on a large draft the rules take a
  // moment, and the field shows each key at once.
  const checked = useDeferredValue(draft);
  const problems = useMemo(
    () => (checked ? conceptProblems(checked, concept.id) : []),
    [checked, concept.id],
  );
  if (!draft) return null;
  const fieldId = (field: ConceptField) => `${id}-${field}`;
  const problemId = (field: ConceptField) => `${id}-${field}-problem`;
  const ofField = (field: ConceptField) => problems.filter((problem) => problem.field === field);

  const edit = (field: ConceptField, change: ConceptEdit) =>
    editDraft(updateConcept(draft, concept.id, change), `${concept.id}.${field}`);

  /** The attributes that tie a field to its problems. */
  const described = (field: ConceptField, hint?: string) => {
    const ids = [
      hint ? `${fieldId(field)}-hint` : '',
      ofField(field).length ? problemId(field) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: fieldId(field),
      ...(ids ? { 'aria-describedby': ids } : {}),
      ...(ofField(field).length ? { 'aria-invalid': true as const } : {}),
    };
  };

  const fieldProblems = (field: ConceptField) =>
    ofField(field).length ? (
      <p id={problemId(field)} className="form-problem">
        {ofField(field).map(problemText).join(' ')}
      </p>
    ) : null;

  const section = draft.sections.find((candidate) => candidate.id === concept.section);
  return (
    <section
      id="concept-details"
      tabIndex={-1}
      className="concept-form"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`}>Edit the concept “{concept.label || concept.id}”</h2>
      {section ? (
        <p className="concept-form__hint">
          In{' '}
          {section.order === 0 && draft.sections.length > 1
            ? 'the introduction'
            : `“${section.title}”`}
          , where its first passage stands.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="concept-form__problems" role="status" aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`}>Before this concept can be opened as part of a map</h3>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                <button
                  type="button"
                  className="concept-form__problem-link"
                  onClick={() => document.getElementById(fieldId(problem.field))?.focus()}
                >
                  {problemText(problem)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="concept-form__ok" role="status">
          This concept is ready.
        </p>
      )}
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('label')}>
          Label
        </label>
        <input
          type="text"
          value={concept.label}
          onChange={(event) => edit('label', { label: event.target.value })}
          {...described('label')}
        />
        {fieldProblems('label')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('kind')}>
          Kind
        </label>
        <select
          value={concept.kind}
          onChange={(event) => edit('kind', { kind: event.target.value as ConceptKind })}
          {...described('kind')}
        >
          {conceptKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindStyles[kind].label}: {kindStyles[kind].description}
            </option>
          ))}
        </select>
        {fieldProblems('kind')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('summary')}>
          Summary
        </label>
        <p id={`${fieldId('summary')}-hint`} className="concept-form__hint">
          What the concept means, in your own words rather than the article’s.
        </p>
        <textarea
          rows={4}
          value={concept.summary}
          onChange={(event) => edit('summary', { summary: event.target.value })}
          {...described('summary', 'hint')}
        />
        {fieldProblems('summary')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('aliases')}>
          Other names
        </label>
        <p id={`${fieldId('aliases')}-hint`} className="concept-form__hint">
          One a line: the names students may search for.
        </p>
        <textarea
          rows={2}
          value={(concept.aliases ?? []).join('\n')}
          onChange={(event) =>
            edit('aliases', {
              aliases: event.target.value === '' ? undefined : event.target.value.split('\n'),
            })
          }
          {...described('aliases', 'hint')}
        />
        {fieldProblems('aliases')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('zh')}>
          Chinese term
        </label>
        <input
          type="text"
          lang="zh"
          value={concept.zh ?? ''}
          onChange={(event) =>
            edit('zh', { zh: event.target.value === '' ? undefined : event.target.value })
          }
          {...described('zh')}
        />
        {fieldProblems('zh')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('note')}>
          Note
        </label>
        <textarea
          rows={2}
          value={concept.note ?? ''}
          onChange={(event) =>
            edit('note', { note: event.target.value === '' ? undefined : event.target.value })
          }
          {...described('note')}
        />
        {fieldProblems('note')}
      </div>
      <div className="concept-form__field">
        <label className="concept-form__label" htmlFor={fieldId('tier')}>
          Importance
        </label>
        <select
          value={concept.tier === undefined ? '' : String(concept.tier)}
          onChange={(event) =>
            edit('tier', {
              tier:
                event.target.value === '' ? undefined : (Number(event.target.value) as 1 | 2 | 3),
            })
          }
          {...described('tier')}
        >
          {Object.entries(tierNames).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        {fieldProblems('tier')}
      </div>
      <div className="concept-form__field">
        <h3 className="concept-form__label" id={fieldId('passages')} tabIndex={-1}>
          In the article’s words ({concept.passages.length})
        </h3>
        <ul className="concept-form__passages">
          {concept.passages.map((passage, index) => {
            const lost = lostOnes.find((candidate) => candidate.index === index);
            if (lost) {
              return (
                <li key={`${passage.exact}-${index}`} className="lost-passage">
                  <p className="lost-passage__concept">Can no longer be found</p>
                  <blockquote className="lost-passage__words">{passage.exact}</blockquote>
                  <p className="lost-passage__reason">{lost.reason}</p>
                  <LostPassageActions lost={lost} about={`passage ${index + 1}`} />
                </li>
              );
            }
            return (
              <li key={`${passage.exact}-${index}`}>
                <blockquote>{passage.exact}</blockquote>
                <span>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => showPassage(concept.id, index)}
                  >
                    Show in article
                    <span className="visually-hidden"> (passage {index + 1})</span>
                  </button>
                  {concept.passages.length > 1 ? (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() =>
                        edit('passages', {
                          passages: concept.passages.filter((_, other) => other !== index),
                        })
                      }
                    >
                      Remove<span className="visually-hidden"> passage {index + 1}</span>
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
        {fieldProblems('passages')}
      </div>
      <ConceptRelations draft={draft} concept={concept} />
      <ConceptPlace concept={concept} />
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            select(null);
            editDraft(removeConcept(draft, concept.id));
          }}
        >
          Delete the concept
        </button>
      </div>
    </section>
  );
}

/** The details panel while a draft is open: the selected concept's form, or what to do first. */
export function ConceptForm() {
  const selectedId = useAtlasStore((s) => s.selectedId);
  const concept = useAtlasStore((s) => s.draft?.concepts.find((c) => c.id === selectedId));
  const count = useAtlasStore((s) => s.draft?.concepts.length ?? 0);
  if (!concept) {
    return (
      <section
        id="concept-details"
        tabIndex={-1}
        className="draft-empty-details"
        aria-label="Concept details"
      >
        <h2>{count === 0 ? 'Make the first concept' : 'Choose a concept to edit'}</h2>
        <p>
          Select words in the article to make a concept
          {count === 0 ? '' : ', or choose a concept on the map to edit it'}.
        </p>
        <p>
          From the keyboard: Tab to a paragraph of the article, press Enter, then select words with
          Shift and the arrow keys, and press Enter again.
        </p>
      </section>
    );
  }
  return <ConceptFormFor key={concept.id} concept={concept} />;
}

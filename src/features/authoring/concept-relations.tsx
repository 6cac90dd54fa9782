import { useId } from 'react';
import type { Draft, DraftConcept } from '../../model/draft';
import { relationSentence, relationsOf } from '../../model/draft-links';
import { relationKindLabels } from '../../model/kinds';
import { useAtlasStore } from '../../store/atlas-store';
import { deleteRelation, unpinConcept } from './draft-actions';

type Props = { draft: Draft; concept: DraftConcept };

/**
 * A concept's relations in its form, each read as a sentence, to edit or delete; and "Link to…",
 * which relates it to another concept (also the L key, or a line drawn on the map).
 */
export function ConceptRelations({ draft, concept }: Props) {
  const openRelationForm = useAtlasStore((s) => s.openRelationForm);
  const headingId = useId();
  const relations = relationsOf(draft, concept.id);
  const name = (id: string) =>
    draft.concepts.find((candidate) => candidate.id === id)?.label.trim() || id;
  return (
    <div className="concept-form__field">
      <h3 className="concept-form__label" id={headingId} tabIndex={-1}>
        Relations ({relations.length})
      </h3>
      {relations.length === 0 ? (
        <p className="concept-form__hint">
          None yet: link this concept to another with “Link to…”, or draw a line on the map from its
          handle to another concept.
        </p>
      ) : (
        <ul className="concept-form__relations">
          {relations.map((relation) => {
            const sentence = relationSentence(draft, relation);
            return (
              <li key={relation.id}>
                <p className="concept-form__relation">
                  {name(relation.source)}{' '}
                  <span className="concept-form__phrase">{relation.label}</span>{' '}
                  {name(relation.target)}
                  <span className="concept-form__relation-kind">
                    <span className="visually-hidden">, kind: </span>
                    {relationKindLabels[relation.kind]}
                  </span>
                </p>
                <span className="concept-form__relation-actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => openRelationForm({ kind: 'edit', relationId: relation.id })}
                  >
                    Edit <span className="visually-hidden">the relation “{sentence}”</span>
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      deleteRelation(relation.id);
                      document.getElementById(headingId)?.focus();
                    }}
                  >
                    Delete <span className="visually-hidden">the relation “{sentence}”</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button
          type="button"
          className="button"
          aria-keyshortcuts="L"
          onClick={() => openRelationForm({ kind: 'link', source: concept.id })}
        >
          Link to…
        </button>
      </div>
    </div>
  );
}

/** Where a concept dragged on the map stands: there, until the layout is asked to place it. */
export function ConceptPlace({ concept }: { concept: DraftConcept }) {
  if (!concept.position) return null;
  return (
    <div className="concept-form__field">
      <p className="concept-form__hint">
        It stays where you dragged it on the map, wherever the layout places the others.
      </p>
      <div>
        <button type="button" className="button" onClick={() => unpinConcept(concept.id)}>
          Let the layout place it
        </button>
      </div>
    </div>
  );
}

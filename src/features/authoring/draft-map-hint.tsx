import './authoring.css';

/** Over the empty map of a new draft: what to do first. */
export function DraftMapHint() {
  return (
    <div className="draft-hint" role="note">
      <p>
        <strong>Select words in the article to make a concept.</strong>
      </p>
      <p>Then press “New concept from this passage” (or the N key).</p>
    </div>
  );
}

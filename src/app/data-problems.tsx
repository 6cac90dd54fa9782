/** Says exactly what is wrong with the content instead of showing a blank page. */
export function DataProblems({ problems }: { problems: string[] }) {
  return (
    <section className="data-problems" role="alert" aria-labelledby="data-problems-title">
      <h2 id="data-problems-title">The map could not be drawn</h2>
      <p>
        The content has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}. Each
        line names the place and the reason:
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

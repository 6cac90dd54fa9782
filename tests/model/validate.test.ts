import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/article';
import type { Passage } from '../../src/model/schema';
import { checkGraph } from '../../src/model/validate';
import {
  fixtureMarkdown,
  makeConcept,
  makeGraph,
  makeRelation,
  makeSection,
} from '../fixtures/atlas-fixture';

const article = parseArticle(fixtureMarkdown);

function problemsOf(raw: unknown): string[] {
  const result = checkGraph(raw, article);
  return result.ok ? [] : result.problems;
}

/** The fixture graph with its last concept, rain, quoting only `passage`. */
const rainQuoting = (passage: Passage) =>
  makeGraph({
    concepts: [
      ...makeGraph().concepts.slice(0, 3),
      makeConcept({ id: 'rain', section: 'rain', passages: [passage] }),
    ],
  });

describe('checkGraph', () => {
  it('accepts the valid fixture and anchors every passage', () => {
    const result = checkGraph(makeGraph(), article);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [water] = result.anchors.get('water') ?? [];
    expect(water && article.text.slice(water.start, water.end)).toBe('Cities need water.');
  });

  it('reports JSON that does not match the schema, naming the concept', () => {
    const graph = makeGraph();
    const broken = {
      ...graph,
      concepts: [...graph.concepts.slice(0, 3), { ...graph.concepts[3], kind: 'villain' }],
    };
    expect(problemsOf(broken)).toEqual([expect.stringMatching(/^concepts\[3\] \(rain\)\.kind: /)]);
  });

  it('reports a wrong schema version and unknown fields', () => {
    const problems = problemsOf({ ...makeGraph(), schemaVersion: 2, extra: true });
    expect(problems).toContainEqual(expect.stringMatching(/^schemaVersion: /));
    expect(problems).toContainEqual(expect.stringMatching(/extra/));
  });

  it('reports a concept with no passage and one with no summary', () => {
    const graph = makeGraph();
    const broken = {
      ...graph,
      concepts: graph.concepts.map((c) =>
        c.id === 'veins' ? { ...c, passages: [] } : c.id === 'rain' ? { ...c, summary: ' ' } : c,
      ),
    };
    expect(problemsOf(broken)).toEqual([
      'concepts[2] (veins).passages: a concept needs at least one passage',
      'concepts[3] (rain).summary: must not be empty',
    ]);
  });

  it('reports a quote that is not in the article', () => {
    expect(problemsOf(rainQuoting({ exact: 'Snow fills the reservoir.' }))).toEqual([
      'concepts[3] (rain).passages[0]: quote not found in the article: "Snow fills the reservoir."',
    ]);
  });

  it('finds quotes across re-wrapped whitespace and Markdown emphasis', () => {
    expect(problemsOf(rainQuoting({ exact: '**Rain**  fills\nthe reservoir.' }))).toEqual([]);
  });

  it('reports an ambiguous quote, and accepts it once a prefix decides', () => {
    expect(problemsOf(rainQuoting({ exact: 'Old pipes leak.' }))).toEqual([
      'concepts[3] (rain).passages[0]: quote matches more than one place; add a prefix or suffix that decides: "Old pipes leak."',
    ]);
    const decided = rainQuoting({ exact: 'Old pipes leak.', prefix: 'the reservoir.' });
    const result = checkGraph(decided, article);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [position] = result.anchors.get('rain') ?? [];
    expect(position?.start).toBe(article.text.lastIndexOf('Old pipes leak.'));
  });

  it('reports a prefix that matches nowhere', () => {
    const wrong = rainQuoting({ exact: 'Old pipes leak.', suffix: 'Nothing follows' });
    expect(problemsOf(wrong)).toEqual([
      'concepts[3] (rain).passages[0]: prefix/suffix do not match around the quote "Old pipes leak."',
    ]);
  });

  it('reports a relation that names an unknown concept', () => {
    const graph = makeGraph();
    graph.relations.push(makeRelation({ id: 'r-ghost', source: 'ghost', target: 'water' }));
    expect(problemsOf(graph)).toEqual(['relations[3] (r-ghost).source: unknown concept "ghost"']);
  });

  it('reports repeated ids of concepts, relations and sections', () => {
    const graph = makeGraph();
    graph.concepts.push(makeConcept({ id: 'water' }));
    graph.relations.push(makeRelation({ source: 'pipes', target: 'water' }));
    graph.relations[3] = { ...graph.relations[3]!, id: 'r-pipes-water' };
    graph.sections.push(makeSection({ id: 'rain', order: 3 }));
    const problems = problemsOf(graph);
    expect(problems).toContain('concepts: id "water" repeats');
    expect(problems).toContain('relations: id "r-pipes-water" repeats');
    expect(problems).toContain('sections: id "rain" repeats');
  });

  it('reports a graph that is not connected', () => {
    const graph = makeGraph({ relations: makeGraph().relations.slice(0, 2) });
    expect(problemsOf(graph)).toEqual([
      'relations: the graph is not connected; 1 concept(s) cannot be reached from "water": rain',
    ]);
  });

  it('reports a section with no concept and a concept in an unknown section', () => {
    const graph = makeGraph();
    graph.concepts[3] = { ...graph.concepts[3]!, section: 'snow' };
    expect(problemsOf(graph)).toEqual([
      'concepts[3] (rain).section: unknown section "snow"',
      'sections (rain): no concept belongs to this section',
    ]);
  });

  it('lets a map in the making leave sections empty and concepts unconnected', () => {
    const graph = makeGraph({ relations: [] });
    graph.concepts = graph.concepts.filter((concept) => concept.section !== 'rain');
    expect(checkGraph(graph, article, { complete: false }).ok).toBe(true);
    expect(problemsOf(graph)).toEqual([
      'sections (rain): no concept belongs to this section',
      expect.stringMatching(/^relations: the graph is not connected/),
    ]);
  });

  it('reports sections that do not match the article', () => {
    const graph = makeGraph({ sections: makeGraph().sections.slice(0, 2) });
    graph.concepts[3] = { ...graph.concepts[3]!, section: 'pipes' };
    expect(problemsOf(graph)).toEqual([
      'sections: the article has 3 sections (the introduction and 2 headed sections), the graph lists 2',
    ]);
  });

  it('reports a summary that only copies its passage', () => {
    const graph = makeGraph();
    graph.concepts[0] = {
      ...graph.concepts[0]!,
      passages: [{ exact: 'Pipes are the veins of a city. Old pipes leak.' }],
      summary: 'Pipes are the veins of a city. Old pipes leak.',
    };
    expect(problemsOf(graph)).toEqual([
      'concepts[0] (water).summary: copies its passage; explain it in other words',
    ]);
  });

  describe('two relations that say the same', () => {
    const withRelations = (...extra: ReturnType<typeof makeRelation>[]) =>
      makeGraph({ relations: [...makeGraph().relations, ...extra] });

    it('reports a second relation of the same kind between the same concepts', () => {
      const again = makeRelation({
        id: 'r-again',
        source: 'rain',
        target: 'water',
        label: 'feeds',
      });
      expect(problemsOf(withRelations(again))).toEqual([
        'relations[3] (r-again): says the same as relations[2] (r-rain-water); both join "rain" and "water" as supports',
      ]);
    });

    it('counts the reverse direction as the same pair', () => {
      const back = makeRelation({ source: 'pipes', target: 'veins', kind: 'likened-to' });
      expect(problemsOf(withRelations(back))).toEqual([
        'relations[3] (r-pipes-veins): says the same as relations[1] (r-veins-pipes); both join "pipes" and "veins" as likened-to',
      ]);
    });

    it('allows relations of different kinds between the same concepts, and one kind elsewhere', () => {
      const contrast = makeRelation({ source: 'water', target: 'rain', kind: 'contrasts-with' });
      const elsewhere = makeRelation({ source: 'rain', target: 'pipes', kind: 'supports' });
      expect(problemsOf(withRelations(contrast, elsewhere))).toEqual([]);
    });
  });

  it('refuses a former id that is a concept’s id now or another concept’s former id', () => {
    const graph = makeGraph();
    graph.concepts[2] = { ...graph.concepts[2]!, formerIds: ['rain', 'drops'] };
    graph.concepts[3] = { ...graph.concepts[3]!, formerIds: ['drops'] };
    expect(problemsOf(graph)).toEqual([
      'concepts[2] (veins).formerIds[0]: "rain" is the id of a concept',
      'concepts[3] (rain).formerIds[0]: "drops" is already a former id of "veins"',
    ]);
  });

  it('refuses a passage whose speaker is unknown or not a quoted source', () => {
    const graph = makeGraph();
    graph.concepts[1] = { ...graph.concepts[1]!, kind: 'source' };
    graph.concepts[0] = {
      ...graph.concepts[0]!,
      passages: [{ exact: 'Cities need water.', speaker: 'pipes' }],
    };
    expect(problemsOf(graph)).toEqual([]);
    graph.concepts[2] = {
      ...graph.concepts[2]!,
      passages: [{ exact: 'the veins of a city', speaker: 'rain' }],
    };
    graph.concepts[3] = {
      ...graph.concepts[3]!,
      passages: [{ exact: 'Rain fills the reservoir.', speaker: 'nobody' }],
    };
    expect(problemsOf(graph)).toEqual([
      'concepts[2] (veins).passages[0].speaker: "rain" is of kind example; a speaker must be of kind source',
      'concepts[3] (rain).passages[0].speaker: unknown concept "nobody"',
    ]);
  });

  it('refuses an alias that names another concept, or repeats its own concept’s name', () => {
    const graph = makeGraph();
    graph.concepts[2] = { ...graph.concepts[2]!, label: 'Veins', aliases: ['conduits', ' VEINS '] };
    graph.concepts[3] = { ...graph.concepts[3]!, aliases: ['Conduits', 'pipes', 'drizzle'] };
    expect(problemsOf(graph)).toEqual([
      'concepts[2] (veins).aliases[1]: "VEINS" repeats a name of this concept',
      'concepts[3] (rain).aliases[0]: "Conduits" also names "veins"',
      'concepts[3] (rain).aliases[1]: "pipes" also names "pipes"',
    ]);
  });

  it('refuses a correction of words the article does not have', () => {
    const note = { correction: 'new', note: 'Why.' };
    const graph = makeGraph({
      corrections: [
        { exact: 'Old pipes', ...note },
        { exact: 'Snow', ...note },
      ],
    });
    expect(problemsOf(graph)).toEqual(['corrections[1]: the words are not in the article: "Snow"']);
  });

  it('lists every problem, not only the first', () => {
    const graph = makeGraph();
    graph.relations.push(makeRelation({ id: 'r-a', source: 'nobody', target: 'nothing' }));
    graph.concepts[1] = { ...graph.concepts[1]!, passages: [{ exact: 'Not in the text.' }] };
    expect(problemsOf(graph)).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import {
  escapeNoteLine,
  exportNotesMarkdown,
  importNotesMarkdown,
  unescapeNoteLine,
} from '../../src/model/notes-markdown';
import type { Atlas } from '../../src/model/atlas';
import { makeConcept, makeGraph } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';

const graph = makeGraph({
  concepts: [
    makeConcept({ id: 'water', label: 'Clean water', passages: [{ exact: 'Cities need water.' }] }),
    makeConcept({
      id: 'pipes',
      label: 'Water pipes',
      section: 'pipes',
      passages: [{ exact: 'Water needs pipes.' }, { exact: 'Old pipes leak.', prefix: 'city. ' }],
    }),
    makeConcept({
      id: 'veins',
      label: 'Veins of the city',
      section: 'pipes',
      passages: [{ exact: 'the veins of a city' }],
    }),
    makeConcept({
      id: 'rain',
      label: 'Rain',
      section: 'rain',
      passages: [{ exact: 'Rain fills' }],
    }),
  ],
});

const note = (text: string) => ({ text, updated: '2026-03-01T10:00:00.000Z' });
const texts = (notes: Record<string, { text: string }>) =>
  Object.fromEntries(Object.entries(notes).map(([id, n]) => [id, n.text]));

let atlas: Atlas;
const load = async () => (atlas = await fixtureAtlas(graph));

describe('notes as Markdown', () => {
  it('writes the title, then each section with notes, concepts in reading order', async () => {
    await load();
    const markdown = exportNotesMarkdown(atlas, {
      veins: note('Blood and water.'),
      water: note('The thesis.'),
      pipes: note('Two passages.'),
    });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Notes on A small argument');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# Notes on A small argument',
      '## Introduction',
      '### Clean water {#water}',
      '## Section 1: Pipes',
      '### Water pipes {#pipes}',
      '### Veins of the city {#veins}',
    ]);
    expect(markdown).toContain(
      [
        '### Water pipes {#pipes}',
        '',
        '> Water needs pipes.',
        '',
        '> Old pipes leak.',
        '',
        'Two passages.',
        '',
        '### Veins of the city {#veins}',
      ].join('\n'),
    );
    expect(markdown).not.toContain('Rain');
    expect(markdown).not.toContain('<!--');
  });

  it('escapes note lines that would read as headings or quotes', async () => {
    await load();
    const markdown = exportNotesMarkdown(atlas, { water: note('# big\n> quoted\n  ## indented') });
    expect(markdown).toContain('\\# big\n\\> quoted\n  \\## indented');
    expect(escapeNoteLine('\\# already escaped')).toBe('\\\\# already escaped');
    expect(unescapeNoteLine(escapeNoteLine('\\\\> two'))).toBe('\\\\> two');
    expect(escapeNoteLine('    # code block')).toBe('    # code block');
  });

  it('round-trips tricky note text exactly', async () => {
    await load();
    const tricky = {
      water: note(
        [
          '# Not a heading',
          '## Nor this',
          '### Nor {#rain}',
          '> not a passage',
          '\\# a literal backslash',
          '',
          '',
          '   > indented quote',
          '- a *Markdown* list with `code`',
          '',
          '```',
          '# inside a fence',
          '```',
        ].join('\n'),
      ),
      pipes: note('\n\nStarts with blank lines and ends with one\n'),
      veins: note('清洁用水 — “quotes”, émoji 🌧️, and a tab\tinside'),
      rain: note('  '),
    };
    const markdown = exportNotesMarkdown(atlas, tricky);
    expect(importNotesMarkdown(markdown, atlas)).toEqual({ notes: texts(tricky), problems: [] });
  });

  it('reads files saved with Windows line endings and a byte-order mark', async () => {
    await load();
    const notes = { water: note('one\n\ntwo') };
    const markdown = `\uFEFF${exportNotesMarkdown(atlas, notes).replace(/\n/g, '\r\n')}`;
    expect(importNotesMarkdown(markdown, atlas).notes).toEqual({ water: 'one\n\ntwo' });
  });

  it('reports an unknown concept without losing the rest', async () => {
    await load();
    const markdown = [
      '# Notes',
      '',
      '### Clean water {#water}',
      '',
      'Kept.',
      '',
      '### Gone {#no-such-concept}',
      '',
      'Orphan.',
      '',
      '### Rain {#rain}',
      '> Rain fills',
      'Hand-edited, no blank lines.',
    ].join('\n');
    const imported = importNotesMarkdown(markdown, atlas);
    expect(imported.notes).toEqual({ water: 'Kept.', rain: 'Hand-edited, no blank lines.' });
    expect(imported.problems).toHaveLength(1);
    expect(imported.problems[0]).toMatch(
      /Line 7: “Gone” \(\{#no-such-concept\}\) is not a concept/,
    );
  });

  it('reports a heading without its concept id, and a file with no notes at all', async () => {
    await load();
    const noId = importNotesMarkdown('### Clean water\n\nLost?\n', atlas);
    expect(noId.notes).toEqual({});
    expect(noId.problems.join(' ')).toMatch(/has no concept id/);
    expect(importNotesMarkdown('Just some text.', atlas).problems).toEqual([
      expect.stringMatching(/No notes were found/),
    ]);
  });

  it('exports notes of concepts no longer in the map so that no text is lost', async () => {
    await load();
    const markdown = exportNotesMarkdown(atlas, { retired: note('Still mine.') });
    expect(markdown).toContain('### retired {#retired}\n\nStill mine.\n');
    expect(importNotesMarkdown(markdown, atlas).problems[0]).toMatch(/not a concept in this map/);
  });
});

describe('a concept whose id is also a name every object has', () => {
  it('imports its note as written, not joined to what a plain object inherits', async () => {
    const withConstructor = makeGraph({
      concepts: graph.concepts.map((concept) =>
        concept.id === 'rain' ? { ...concept, id: 'constructor' } : concept,
      ),
      relations: graph.relations.map((relation) => ({
        ...relation,
        source: relation.source === 'rain' ? 'constructor' : relation.source,
        target: relation.target === 'rain' ? 'constructor' : relation.target,
      })),
    });
    const atlasWithConstructor = await fixtureAtlas(withConstructor);
    const markdown = exportNotesMarkdown(atlasWithConstructor, { constructor: note('My note.') });
    const imported = importNotesMarkdown(markdown, atlasWithConstructor);
    expect(imported).toEqual({ notes: { constructor: 'My note.' }, problems: [] });
    expect(Object.hasOwn(imported.notes, 'constructor')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { correctionMarks, withCorrections } from '../../src/model/corrections';
import { buildReaderModel } from '../../src/model/reader-model';
import { loadRealAtlas } from '../fixtures/real-atlas';

const fifteenth = { exact: '14th', correction: '15th', note: 'It is the 15th plan.' };

describe('correctionMarks and withCorrections', () => {
  it('marks the end of every place the words occur, in order', () => {
    const text = 'The 14th plan, and again the 14th.';
    expect(correctionMarks(text, [fifteenth]).map((m) => m.at)).toEqual([8, 33]);
    expect(withCorrections(text, [fifteenth])).toEqual([
      { text: 'The 14th' },
      { correction: fifteenth },
      { text: ' plan, and again the 14th' },
      { correction: fifteenth },
      { text: '.' },
    ]);
  });

  it('leaves text without the words, or without corrections, whole', () => {
    expect(withCorrections('Nothing here.', [fifteenth])).toEqual([{ text: 'Nothing here.' }]);
    expect(withCorrections('The 14th plan.')).toEqual([{ text: 'The 14th plan.' }]);
    expect(correctionMarks('', [fifteenth])).toEqual([]);
  });
});

describe('the plan’s number in the real article', () => {
  const atlas = loadRealAtlas();
  const plan = atlas.conceptById.get('fifteenth-five-year-plan');

  it('gives the plan the id of the 15th, and keeps its old id for shared links', () => {
    expect(plan?.label).toMatch(/^15th Five-Year Plan/);
    expect(plan?.formerIds).toEqual(['fourteenth-five-year-plan']);
    expect(atlas.renamedIds.get('fourteenth-five-year-plan')).toBe('fifteenth-five-year-plan');
  });

  it('puts the correction after every "14th" the reader shows, and never inside a passage', () => {
    const mentions = atlas.article.text.split('14th').length - 1;
    expect(mentions).toBe(11);
    const runs = buildReaderModel(atlas).blocks.flatMap((b) => b.runs);
    const corrected = runs.filter((run) => run.corrections?.length);
    expect(corrected).toHaveLength(mentions);
    for (const run of corrected) {
      expect(run.text.endsWith('14th'), run.text).toBe(true);
      expect(run.corrections?.[0]?.correction).toBe('15th');
    }
    // A passage cut by a note stays one stop for the keyboard: its second part is a continuation.
    for (const [i, run] of runs.entries()) {
      if (run.corrections?.length && run.conceptIds.length > 0) {
        const next = runs[i + 1];
        if (
          next &&
          next.start === run.start + run.text.length &&
          next.conceptIds.join() === run.conceptIds.join()
        ) {
          expect(next.continued).toBe(true);
        }
      }
    }
  });
});

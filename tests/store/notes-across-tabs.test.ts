import { describe, expect, it } from 'vitest';
import type { Study } from '../../src/store/study-storage';
import { takeIn } from '../../src/store/study-sync';

const study = (text: string | null, kept?: string[]): Study => ({
  version: 1,
  notes: text === null ? {} : { water: { text, updated: '2026-03-01T10:00:00.000Z' } },
  visited: [],
  quizzed: [],
  ...(kept ? { kept: { water: kept } } : {}),
});

/**
 * Two tabs typing into one note, a key at a time: after each key a tab saves its study, and the
 * other takes it in, as the `storage` event lets it. `script` says which tab types which key.
 */
function typeInTwoTabs(start: string, script: [tab: 'a' | 'b', key: string][]) {
  const tabs = { a: study(start), b: study(start) };
  const agreed = { a: new Map([['water', start]]), b: new Map([['water', start]]) };
  for (const [tab, key] of script) {
    const other = tab === 'a' ? 'b' : 'a';
    const text = (tabs[tab].notes.water?.text ?? '') + key;
    tabs[tab] = { ...tabs[tab], notes: { water: { text, updated: '2026-03-01T10:00:01.000Z' } } };
    tabs[other] = takeIn(tabs[other], tabs[tab], agreed[other]);
  }
  return tabs;
}

describe('one note typed in two tabs', () => {
  it('follows the other tab while this one types nothing', () => {
    const { b } = typeInTwoTabs(
      '',
      [...'Typed in A.'].map((key) => ['a', key] as ['a', string]),
    );
    expect(b.notes.water?.text).toBe('Typed in A.');
    expect(b.kept).toBeUndefined();
  });

  it('keeps each tab’s keys in its own box when keys alternate, and the other’s text beside', () => {
    const script = [...'AbAAAAAAAAAb'].map(
      (key) => [key === 'b' ? 'b' : 'a', key] as ['a' | 'b', string],
    );
    const { a, b } = typeInTwoTabs('', script);
    // A's first key reached B before B typed, so B went on from it.
    expect(a.notes.water?.text).toBe('AAAAAAAAAA');
    expect(b.notes.water?.text).toBe('Abb');
    expect(a.kept?.water).toEqual(['Abb']);
    expect(b.kept?.water).toEqual(['AAAAAAAAAA']);
  });

  it('never garbles or drops either sentence when both type at once, and keeps the other beside', () => {
    const sentenceA = ' Sentence typed in A.';
    const sentenceB = ' Sentence typed in B.';
    const start = 'Shared start.';
    let a = study(start);
    let b = study(start);
    const agreedA = new Map([['water', start]]);
    const agreedB = new Map([['water', start]]);
    const typed = (tab: Study, key: string): Study => ({
      ...tab,
      notes: {
        water: {
          text: `${tab.notes.water?.text ?? ''}${key}`,
          updated: '2026-03-01T10:00:01.000Z',
        },
      },
    });
    // At once: each tab types a key before the other's last key reaches it, so saves cross.
    for (let i = 0; i < sentenceA.length; i += 1) {
      const savedA = typed(a, sentenceA[i]!);
      const savedB = typed(b, sentenceB[i]!);
      a = takeIn(savedA, savedB, agreedA);
      b = takeIn(savedB, savedA, agreedB);
    }
    expect(a.notes.water?.text).toBe(`Shared start.${sentenceA}`);
    expect(b.notes.water?.text).toBe(`Shared start.${sentenceB}`);
    expect(a.kept?.water).toEqual([`Shared start.${sentenceB}`]);
    expect(b.kept?.water).toEqual([`Shared start.${sentenceA}`]);
  });

  it('takes a change in the other tab, a deletion included, when this tab changed nothing', () => {
    const agreed = new Map([['water', 'Old text.']]);
    expect(takeIn(study('Old text.'), study('Old text, edited.'), agreed).notes.water?.text).toBe(
      'Old text, edited.',
    );
    expect(takeIn(study('Old text, edited.'), study(null), agreed).notes).toEqual({});
  });
});

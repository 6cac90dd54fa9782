import { describe, expect, it } from 'vitest';
import {
  passagesToFix,
  planArticleEdit,
  planInWords,
  removePassage,
  replacePassage,
  type ArticleEditPlan,
} from '../../src/model/article-edit';
import { draftArticle, draftAtlas, type Draft } from '../../src/model/draft';
import { ORPHAN_REASONS } from '../../src/model/reanchor';
import { waterAndTrade } from '../fixtures/draft-article';
import { mappedRivers } from '../fixtures/draft-fixture';

type Planned = Extract<ArticleEditPlan, { ok: true }>;

function planned(draft: Draft, text: string): Planned {
  const plan = planArticleEdit(draft, text);
  if (!plan.ok) throw new Error(plan.problem);
  return plan;
}

/** The rivers draft's article with its words changed: the fixture quotes "Rivers carry water", "Boats carry goods" and "Towns grow". */
const edit = (draft: Draft, ...changes: [string, string][]) =>
  changes.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`not in the article: ${from}`);
    return text.replace(from, to);
  }, draft.markdown);

describe('planning an edit of the draft’s article', () => {
  it('finds passages exactly, with small changes, or keeps them as orphans to fix', () => {
    const draft = mappedRivers();
    const plan = planned(
      draft,
      edit(
        draft,
        ['Rivers carry water', 'Rivers carried water'],
        ['Towns grow where rivers meet.', 'Cities appear where rivers meet.'],
      ),
    );
    expect(plan.counts).toEqual({ exact: 1, fuzzy: 1, orphan: 1 });
    const [water, boats, towns] = plan.draft.concepts;
    expect(water?.passages).toEqual([{ exact: 'Rivers carried water' }]);
    expect(boats).toBe(draft.concepts[1]);
    // The orphan is kept word for word, never dropped.
    expect(towns?.passages).toEqual(draft.concepts[2]?.passages);
    expect(plan.orphans).toEqual([
      {
        conceptId: 'towns-grow',
        label: 'Towns grow',
        passages: [{ index: 0, passage: { exact: 'Towns grow' }, reason: ORPHAN_REASONS.gone }],
      },
    ]);
    expect(planInWords(plan)).toEqual([
      '1 passage found unchanged, 1 found with small changes, 1 can no longer be found.',
      'The passage that can no longer be found is kept as it was and listed under “Passages to fix”, to choose new words for.',
    ]);
    expect(plan.draft.markdown).toContain('Cities appear');
    expect(plan.draft.concepts[0]?.section).toBe('water');
    // The map draws it all, the orphan's concept included.
    expect(draftAtlas(plan.draft).conceptById.has('towns-grow')).toBe(true);
  });

  it('counts many passages as the teacher reads them', () => {
    const draft = mappedRivers();
    const plan = planned(draft, `${draft.markdown}\n\nA new paragraph.`);
    expect(planInWords(plan)).toEqual(['3 passages found unchanged.']);
    expect(plan.draft.concepts).toEqual(draft.concepts);
  });

  it('says so when the text is unchanged, and when nothing quotes it yet', () => {
    const draft = mappedRivers();
    expect(planInWords(planned(draft, draft.markdown))).toEqual([
      'The article is as it was: nothing changes.',
    ]);
    const bare = { ...draft, concepts: [], relations: [] };
    expect(planInWords(planned(bare, `${draft.markdown}\n\nMore.`))).toEqual([
      'No concept quotes the article yet, so no passage needs finding.',
    ]);
  });

  it('keeps the ids of the sections whose headings stay, in their new order', () => {
    const draft = mappedRivers();
    const text = ['## Growth', '', 'Towns grow where rivers meet.', '', waterAndTrade].join('\n');
    const plan = planned(draft, text);
    expect(plan.draft.sections).toEqual([
      { id: 'introduction', title: 'Introduction', order: 0 },
      { id: 'growth', title: 'Growth', order: 1 },
      { id: 'water', title: 'Water', order: 2 },
      { id: 'trade', title: 'Trade', order: 3 },
    ]);
    expect(plan.draft.concepts.map((concept) => concept.section)).toEqual([
      'water',
      'trade',
      'growth',
    ]);
    expect(plan.counts).toEqual({ exact: 3, fuzzy: 0, orphan: 0 });
    expect(plan.moved).toEqual([]);
  });

  it('keeps a renamed heading’s section, and adds a new heading as a new section', () => {
    const draft = mappedRivers();
    const plan = planned(
      draft,
      edit(
        draft,
        ['## Trade', '## Trade on the river'],
        ['## Growth', '## Boats\n\nBoats are many.\n\n## Growth'],
      ),
    );
    expect(plan.draft.sections).toEqual([
      { id: 'introduction', title: 'Introduction', order: 0 },
      { id: 'water', title: 'Water', order: 1 },
      { id: 'trade', title: 'Trade on the river', order: 2 },
      { id: 'boats', title: 'Boats', order: 3 },
      { id: 'growth', title: 'Growth', order: 4 },
    ]);
    expect(plan.addedSections).toEqual(['Boats']);
    expect(plan.removedSections).toEqual([]);
    expect(planInWords(plan)).toContain('New section: “Boats”.');
  });

  it('moves a concept whose heading is removed, and says where', () => {
    const draft = mappedRivers();
    const plan = planned(draft, edit(draft, ['## Growth\n\n', '']));
    expect(plan.draft.sections.map((section) => section.id)).toEqual([
      'introduction',
      'water',
      'trade',
    ]);
    // Its words now stand in Trade, so it moves there, with its passage found unchanged.
    expect(plan.draft.concepts[2]).toMatchObject({ id: 'towns-grow', section: 'trade' });
    expect(plan.moved).toEqual([
      { conceptId: 'towns-grow', label: 'Towns grow', from: 'Growth', to: 'Trade' },
    ]);
    expect(planInWords(plan)).toEqual([
      '3 passages found unchanged.',
      'Section no longer in the article: “Growth”.',
      '“Towns grow” moves to “Trade”, since its section’s heading is gone.',
    ]);
    expect(draftAtlas(plan.draft).conceptById.get('towns-grow')?.section).toBe('trade');
  });

  it('moves a concept whose heading and words are both gone to the section before', () => {
    const draft = mappedRivers();
    const plan = planned(
      draft,
      edit(draft, ['\n\n## Growth\n\nTowns grow where rivers meet.', '']),
    );
    expect(plan.draft.concepts[2]).toMatchObject({ section: 'trade' });
    expect(plan.counts.orphan).toBe(1);
    expect(plan.moved).toEqual([
      { conceptId: 'towns-grow', label: 'Towns grow', from: 'Growth', to: 'Trade' },
    ]);
  });

  it('refuses a text with no words, or one it cannot read, and changes nothing', () => {
    const draft = mappedRivers();
    expect(planArticleEdit(draft, '  \n\n ')).toEqual({
      ok: false,
      problem: 'The article has no words left.',
    });
    const costly = `${'*a* '.repeat(1_200)}`;
    const plan = planArticleEdit(draft, costly);
    expect(plan.ok).toBe(false);
  });
});

describe('passages to fix', () => {
  const lostTowns = () => {
    const draft = mappedRivers();
    return planned(draft, edit(draft, ['Towns grow where', 'Cities appear where'])).draft;
  };

  it('lists every passage the article no longer holds, with its concept and why', () => {
    expect(passagesToFix(mappedRivers())).toEqual([]);
    expect(passagesToFix(lostTowns())).toEqual([
      {
        conceptId: 'towns-grow',
        label: 'Towns grow',
        index: 0,
        passage: { exact: 'Towns grow' },
        reason: ORPHAN_REASONS.missing,
      },
    ]);
  });

  it('replaces a lost passage with words chosen in the article', () => {
    const draft = lostTowns();
    const [lost] = passagesToFix(draft);
    const text = draftArticle(draft).text;
    const at = text.indexOf('Cities appear');
    const made = replacePassage(draft, lost!, at, at + 'Cities appear'.length);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.draft.concepts[2]?.passages).toEqual([{ exact: 'Cities appear' }]);
    expect(passagesToFix(made.draft)).toEqual([]);
    // Once fixed (or changed by an undo), the same passage is no longer one to replace.
    expect(replacePassage(made.draft, lost!, at, at + 4)).toEqual({
      ok: false,
      reason: 'That passage is no longer one to fix.',
    });
  });

  it('removes a lost passage, and only the one listed', () => {
    const draft = lostTowns();
    const [lost] = passagesToFix(draft);
    const removed = removePassage(draft, lost!);
    expect(removed.concepts[2]?.passages).toEqual([]);
    expect(removed.concepts[0]).toBe(draft.concepts[0]);
    expect(removePassage(removed, lost!)).toBe(removed);
  });
});

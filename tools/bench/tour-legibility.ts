/**
 * What the class sees of each tour step at a projector's 1920x1080 (and a laptop's 1366x768):
 * the smallest label of the step's own concepts as drawn on screen (0 where one is not drawn or
 * is off screen), how often a relation's phrase lies on a concept's label, and how many of the
 * relations among the step's concepts say their phrase to the class. Measured from the page, as
 * the e2e tests do.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { atRest, drawnScript } from './on-screen.ts';

/** A tour to step through: for each step, the relations among its concepts. */
export type TourToMeasure = { id: string; steps: { relations: string[] }[] };

/** The built-in tours (`data/`), each step with the relations among its concepts. */
export async function builtInTours(): Promise<TourToMeasure[]> {
  const read = async <T>(name: string) => JSON.parse(await readFile(`data/${name}`, 'utf8')) as T;
  const { tours } = await read<{ tours: { id: string; steps: { concepts: string[] }[] }[] }>(
    'tours.json',
  );
  const { relations } = await read<{ relations: { id: string; source: string; target: string }[] }>(
    'graph.json',
  );
  return tours.map((tour) => ({
    id: tour.id,
    steps: tour.steps.map((step) => {
      const ids = new Set(step.concepts);
      return {
        relations: relations.filter((r) => ids.has(r.source) && ids.has(r.target)).map((r) => r.id),
      };
    }),
  }));
}

export type StepLegibility = {
  tour: string;
  step: number;
  smallest: number;
  overlaps: number;
  /** The step's concepts whose label is cut short (clipped) where it is drawn. */
  cut: number;
  /**
   * The relations among the step's concepts, and how many of them say their phrase to the class:
   * drawn whole inside the map at `phrasePx` or more, on no concept's label and on no other phrase.
   */
  relations: number;
  phrases: number;
  /**
   * The step's relations whose phrase is not on their line, said instead as sentences in the
   * step's text beside the map, in view and at `phrasePx` or more.
   */
  listed: number;
  /** Whether the step's concepts are brought together as a close-up, rather than on the map. */
  closeUp: boolean;
};

type Seen = Omit<StepLegibility, 'tour' | 'step'>;

const STEP = `((relationIds, phrasePx) => {
${drawnScript(true)}
  // A step concept reads where its label on the map does, or its card where the step is brought
  // together (the close-up), whichever is larger.
  const isCut = (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  let cut = 0;
  const step = [...document.querySelectorAll('.react-flow__node.is-step')].map((node) => {
    const label = node.querySelector('.concept-node__label');
    const onMap = drawn(label);
    const card = document.querySelector('.step-close-up__card[data-id="' + node.dataset.id + '"] .step-close-up__label');
    const inCard = card ? drawn(card) : null;
    const px = Math.max(onMap ? onMap.px : 0, inCard ? inCard.px : 0);
    const shown = inCard && inCard.px >= (onMap ? onMap.px : 0) ? card : label;
    if (px > 0 && isCut(shown)) cut += 1;
    return px > 0 ? { px } : null;
  });
  // Every label the class sees, on the map or on a close-up's card, and every phrase drawn.
  const labels = [...document.querySelectorAll('.concept-node__label, .step-close-up__label')]
    .map(drawn)
    .filter(Boolean);
  const phrases = [...document.querySelectorAll('.relation-label, .step-close-up__phrase')].flatMap(
    (el) => {
      const seen = drawn(el);
      return seen ? [{ id: el.dataset.relation, ...seen }] : [];
    },
  );
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const onLabel = (p) => labels.some((l) => meet(p.box, l.box));
  // A phrase says its relation where it reads at the class's size, clear of labels and phrases.
  const said = new Set(
    phrases
      .filter((p) => p.px >= phrasePx - 0.1 && !onLabel(p))
      .filter((p) => !phrases.some((q) => q !== p && meet(p.box, q.box)))
      .map((p) => p.id),
  );
  // A relation left without its phrase on the close-up may be said in the step's text instead,
  // where its sentence is in view (not scrolled away) at the class's size.
  const text = document.querySelector('.tour-card');
  const room = text ? text.getBoundingClientRect() : null;
  const listed = new Set(
    [...document.querySelectorAll('.tour-card__unsaid li[data-relation]')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const px = Number.parseFloat(getComputedStyle(el).fontSize);
        return room && px >= phrasePx - 0.1 && box.top >= room.top - 1 &&
          box.bottom <= Math.min(room.bottom, window.innerHeight) + 1;
      })
      .map((el) => el.dataset.relation),
  );
  return {
    smallest: step.length === 0 ? 0 : Math.min(...step.map((d) => (d ? Math.round(d.px * 10) / 10 : 0))),
    overlaps: phrases.filter(onLabel).length,
    cut,
    relations: relationIds.length,
    phrases: relationIds.filter((id) => said.has(id)).length,
    listed: relationIds.filter((id) => !said.has(id) && listed.has(id)).length,
    closeUp: document.querySelector('.step-close-up') !== null,
  };
})`;

/**
 * Steps through every tour at `viewport`, each step loaded afresh and measured at rest. A phrase
 * counts as said at `phrasePx` or more: three quarters of the size the class reads labels at.
 */
export async function measureTours(
  browser: Browser,
  baseUrl: string,
  tours: readonly TourToMeasure[],
  viewport: { width: number; height: number },
  phrasePx: number,
): Promise<StepLegibility[]> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const rows: StepLegibility[] = [];
  try {
    for (const tour of tours) {
      for (const [index, { relations }] of tour.steps.entries()) {
        const step = index + 1;
        await page.goto(`${baseUrl}#/tour/${tour.id}/${step}`);
        await page.reload();
        await page.locator('.react-flow__node.is-step').first().waitFor();
        // At rest, and the cards of a close-up at the end of their glide.
        await atRest(page);
        const seen = (await page.evaluate(
          `${STEP}(${JSON.stringify(relations)}, ${phrasePx})`,
        )) as Seen;
        rows.push({ tour: tour.id, step, ...seen });
      }
    }
  } finally {
    await context.close();
  }
  return rows;
}

/** One line per size: the worst step, how many fall under the size the class needs, overlaps. */
export function tourSummary(rows: readonly StepLegibility[], least: number): string {
  const worst = rows.reduce((a, b) => (b.smallest < a.smallest ? b : a), rows[0]!);
  const under = rows.filter((r) => r.smallest < least).length;
  const overlaps = rows.reduce((sum, r) => sum + r.overlaps, 0);
  const cut = rows.reduce((sum, r) => sum + r.cut, 0);
  const relations = rows.reduce((sum, r) => sum + r.relations, 0);
  const phrases = rows.reduce((sum, r) => sum + r.phrases, 0);
  const listed = rows.reduce((sum, r) => sum + r.listed, 0);
  const closeUps = rows.filter((r) => r.closeUp).length;
  return `${rows.length} steps (${closeUps} as close-ups): smallest step label ${worst.smallest.toFixed(1)} px (${worst.tour} step ${worst.step}); ${under} steps under ${least} px; ${overlaps} phrases on concept labels; ${cut} labels cut short; ${phrases} of ${relations} step relations show their phrase on their line, ${listed} more in the step's text, ${relations - phrases - listed} unsaid`;
}

/** One line for a step: its smallest label, what lies on labels, and the phrases it says. */
export function stepLine(r: StepLegibility): string {
  return `${r.tour} ${r.step}${r.closeUp ? ' (close-up)' : ''}: ${r.smallest} px, ${r.overlaps} overlaps, ${r.cut} cut, ${r.phrases} of ${r.relations} phrases said${r.listed > 0 ? `, ${r.listed} in the text` : ''}`;
}

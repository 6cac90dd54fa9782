/**
 * What the class sees of each tour step at a projector's 1920x1080 (and a laptop's 1366x768):
 * the smallest label of the step's own concepts as drawn on screen (0 where one is not drawn or
 * is off screen), and how often a relation's phrase lies on a concept's label. Measured from the
 * page, as the e2e tests do.
 */
import type { Browser } from 'playwright-core';
import { atRest, drawnScript } from './on-screen.ts';

export type StepLegibility = {
  tour: string;
  step: number;
  smallest: number;
  overlaps: number;
  /** The step's concepts whose label is cut short (clipped) where it is drawn. */
  cut: number;
  /** The step's relations, and how many of them show their phrase. */
  relations: number;
  phrases: number;
};

type Seen = Omit<StepLegibility, 'tour' | 'step'>;

const STEP = `(() => {
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
  // The step's relations: the lines of its close-up, or the relations the map stands out.
  const closeUp = document.querySelector('.step-close-up');
  const relations = new Set(
    closeUp
      ? [...closeUp.querySelectorAll('polyline[data-relation]')].map((l) => l.dataset.relation)
      : [...document.querySelectorAll('.react-flow__edge.is-emphasised')].map((e) => e.dataset.id),
  );
  const said = new Set(
    [...document.querySelectorAll('.relation-label, .step-close-up__phrase')]
      .filter((p) => drawn(p))
      .map((p) => p.dataset.relation),
  );
  const labels = [...document.querySelectorAll('.concept-node__label')].map(drawn).filter(Boolean);
  const phrases = [...document.querySelectorAll('.relation-label')].map(drawn).filter(Boolean);
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return {
    smallest: step.length === 0 ? 0 : Math.min(...step.map((d) => (d ? Math.round(d.px * 10) / 10 : 0))),
    overlaps: phrases.filter((p) => labels.some((l) => meet(p.box, l.box))).length,
    cut,
    relations: relations.size,
    phrases: [...relations].filter((id) => said.has(id)).length,
  };
})()`;

export async function measureTours(
  browser: Browser,
  baseUrl: string,
  tours: readonly { id: string; steps: number }[],
  viewport: { width: number; height: number },
): Promise<StepLegibility[]> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const rows: StepLegibility[] = [];
  try {
    for (const tour of tours) {
      for (let step = 1; step <= tour.steps; step += 1) {
        await page.goto(`${baseUrl}#/tour/${tour.id}/${step}`);
        await page.reload();
        await page.locator('.react-flow__node.is-step').first().waitFor();
        // At rest, and the cards of a close-up at the end of their glide.
        await atRest(page);
        const seen = (await page.evaluate(STEP)) as Seen;
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
  return `${rows.length} steps: smallest step label ${worst.smallest.toFixed(1)} px (${worst.tour} step ${worst.step}); ${under} steps under ${least} px; ${overlaps} phrases on concept labels; ${cut} labels cut short; ${phrases} of ${relations} step relations show their phrase`;
}

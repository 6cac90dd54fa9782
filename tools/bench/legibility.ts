/**
 * What a person sees of the built-in map's text, measured from the page as the e2e tests do: the
 * size each concept label is drawn at on screen (font size times every scale, zoom included), at
 * fit view and after a shared link to a pillar, and how often a relation's phrase lies on a
 * concept's label, zoomed out and close up.
 */
import type { Browser, Page } from 'playwright-core';
import { atRest, drawnScript } from './on-screen.ts';
import { readFile } from 'node:fs/promises';
import { namesSection } from '../../src/model/level-of-detail.ts';
import { conceptTiers } from '../../src/model/tiers.ts';
import type { Graph } from '../../src/model/schema.ts';

export type Legibility = {
  size: string;
  /** At fit view: labels drawn, at 14 px or more, at 20 px or more, at 1-9 px. */
  drawn: number;
  atLeast14: number;
  atLeast20: number;
  tiny: number;
  /** After `#/concept/traditional-industries`: the selection's label and its neighbours' median. */
  selected: number;
  neighbourMedian: number;
  /** Relation phrases on a concept label: at fit view, after the link, and zoomed in on it. */
  overlaps: number;
  /** Relation phrases drawn zoomed in on the pillar, and how many of its relations it has. */
  phrasesClose: number;
  /**
   * At fit view, the backbone (tier-1) concepts named, by their own label or by their section's
   * title, of all of them; and the theses named, of all of them.
   */
  backbone: number;
  backboneOf: number;
  theses: number;
  thesesOf: number;
};

/**
 * The concepts of `ids` named on screen: by their own label, or by their section's drawn title
 * when they are its namesake.
 */
function named(
  content: Graph,
  ids: readonly string[],
  labelled: readonly string[],
  titles: readonly string[],
) {
  const titled = new Set(titles);
  const byLabel = new Set(labelled);
  return ids.filter((id) => {
    if (byLabel.has(id)) return true;
    const concept = content.concepts.find((c) => c.id === id);
    const section = content.sections.find((s) => s.id === concept?.section);
    return (
      !!concept &&
      !!section &&
      section.order > 0 &&
      titled.has(section.id) &&
      namesSection(concept.label, section.title)
    );
  }).length;
}

export const LEGIBILITY_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const PILLAR = 'traditional-industries';

const LABELS = `(() => {
${drawnScript(false)}
  const labels = [...document.querySelectorAll('.concept-node__label')].map(drawn).filter(Boolean);
  const phrases = [...document.querySelectorAll('.relation-label')].map(drawn).filter(Boolean);
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const inside = (node) => {
    const box = node.getBoundingClientRect();
    return box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
  };
  function px(node) {
    const el = node.querySelector('.concept-node__label');
    const d = drawn(el);
    return d ? d.px : 0;
  }
  const selected = document.querySelector('.react-flow__node.is-selected');
  const near = [...document.querySelectorAll('.react-flow__node.is-neighbour')].filter(inside).map(px).sort((a, b) => a - b);
  // A title names its section only where it is drawn whole, not cut short.
  const whole = (t) => {
    const text = t.querySelector('.far-section-title__title');
    return text.scrollWidth <= text.clientWidth + 1 && text.scrollHeight <= text.clientHeight + 1;
  };
  const titled = [...document.querySelectorAll('.far-section-title')].filter((t) => drawn(t) && whole(t));
  return {
    labelled: [...document.querySelectorAll('.react-flow__node.has-far-label')]
      .filter((n) => drawn(n.querySelector('.concept-node__label')))
      .map((n) => n.getAttribute('data-id')),
    titles: titled.map((t) => t.getAttribute('data-section').slice('section:'.length)),
    sizes: labels.map((l) => Math.round(l.px * 10) / 10),
    overlaps: phrases.filter((p) => labels.some((l) => meet(p.box, l.box))).length,
    phrases: phrases.length,
    selected: selected ? px(selected) : 0,
    neighbourMedian: near[Math.floor(near.length / 2)] ?? 0,
    zoom: Number(getComputedStyle(document.querySelector('.concept-map')).getPropertyValue('--zoom')),
  };
})()`;

type Seen = {
  labelled: string[];
  titles: string[];
  sizes: number[];
  overlaps: number;
  phrases: number;
  selected: number;
  neighbourMedian: number;
  zoom: number;
};

/** Waits for the camera to stop, then measures. */
async function settled(page: Page): Promise<Seen> {
  await atRest(page);
  return (await page.evaluate(LABELS)) as Seen;
}

export async function measureLegibility(browser: Browser, baseUrl: string): Promise<Legibility[]> {
  const content = JSON.parse(await readFile('data/graph.json', 'utf8')) as Graph;
  const tiers = conceptTiers(content);
  const backbone = content.concepts.filter((c) => tiers.get(c.id) === 1).map((c) => c.id);
  const theses = content.concepts.filter((c) => c.kind === 'thesis').map((c) => c.id);
  const rows: Legibility[] = [];
  for (const viewport of LEGIBILITY_SIZES) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      await page.locator('.concept-map.is-far .has-far-label').first().waitFor();
      const fit = await settled(page);
      await page.goto(`${baseUrl}#/concept/${PILLAR}`);
      await page.reload();
      await page.locator(`.react-flow__node.is-selected[data-id="${PILLAR}"]`).waitFor();
      const linked = await settled(page);
      let close = linked;
      for (let i = 0; i < 16 && close.zoom < 1; i += 1) {
        await page.getByRole('button', { name: 'Zoom in' }).click();
        close = await settled(page);
      }
      rows.push({
        size: `${viewport.width}x${viewport.height}`,
        drawn: fit.sizes.length,
        atLeast14: fit.sizes.filter((px) => px >= 14).length,
        atLeast20: fit.sizes.filter((px) => px >= 20).length,
        tiny: [...fit.sizes, ...linked.sizes].filter((px) => px > 0 && px < 10).length,
        selected: linked.selected,
        neighbourMedian: linked.neighbourMedian,
        overlaps: fit.overlaps + linked.overlaps + close.overlaps,
        phrasesClose: close.phrases,
        backbone: named(content, backbone, fit.labelled, fit.titles),
        backboneOf: backbone.length,
        theses: named(content, theses, fit.labelled, fit.titles),
        thesesOf: theses.length,
      });
    } finally {
      await context.close();
    }
  }
  return rows;
}

/** The table `npm run bench` prints, one column per screen size. */
export function legibilityTable(rows: readonly Legibility[]): string {
  const line = (name: string, pick: (row: Legibility) => number | string) =>
    `| ${name} | ${rows.map((row) => String(pick(row))).join(' | ')} |`;
  return [
    `| legibility of the built-in map | ${rows.map((r) => r.size).join(' | ')} |`,
    `| --- | ${rows.map(() => '---:').join(' | ')} |`,
    line('fit view: concept labels drawn', (r) => r.drawn),
    line('fit view: labels at >= 14 px', (r) => r.atLeast14),
    line('fit view: labels at >= 20 px', (r) => r.atLeast20),
    line('fit view: backbone concepts named', (r) => `${r.backbone} of ${r.backboneOf}`),
    line('fit view: theses named', (r) => `${r.theses} of ${r.thesesOf}`),
    line('labels drawn at 1-9 px', (r) => r.tiny),
    line(`shared link to a pillar: its label, px`, (r) => r.selected.toFixed(1)),
    line(`shared link to a pillar: neighbours' median, px`, (r) => r.neighbourMedian.toFixed(1)),
    line('relation phrases on concept labels', (r) => r.overlaps),
    line('zoomed in on the pillar: phrases drawn', (r) => r.phrasesClose),
  ].join('\n');
}

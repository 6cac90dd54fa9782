import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/article';
import { toFlow, sectionNodeId } from '../../src/model/flow';
import { computeLayout } from '../../src/model/layout';
import { checkGraph } from '../../src/model/validate';
import { fixtureMarkdown, makeGraph } from '../fixtures/atlas-fixture';

async function fixtureFlow() {
  const checked = checkGraph(makeGraph(), parseArticle(fixtureMarkdown));
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const layout = await computeLayout(checked.graph, checked.anchors);
  return { layout, ...toFlow(checked.graph, layout) };
}

describe('toFlow', () => {
  it('makes a group node per section and puts each concept inside its section', async () => {
    const { nodes } = await fixtureFlow();
    expect(nodes.filter((n) => n.type === 'section').map((n) => n.id)).toEqual([
      'section:intro',
      'section:pipes',
      'section:rain',
    ]);
    const veins = nodes.find((n) => n.id === 'veins');
    expect(veins?.parentId).toBe(sectionNodeId('pipes'));
  });

  it('lists every parent before its children', async () => {
    const { nodes } = await fixtureFlow();
    nodes.forEach((node, index) => {
      if (node.parentId) {
        expect(nodes.findIndex((n) => n.id === node.parentId)).toBeLessThan(index);
      }
    });
  });

  it('keeps the computed absolute positions inside the section box', async () => {
    const { nodes, layout } = await fixtureFlow();
    const pipes = nodes.find((n) => n.id === 'pipes');
    const box = layout.sections.pipes!;
    const at = layout.concepts.pipes!;
    expect(pipes?.position).toEqual({ x: at.x - box.x, y: at.y - box.y });
    expect(pipes!.position.x).toBeGreaterThanOrEqual(0);
    expect(pipes!.position.y + (pipes!.height ?? 0)).toBeLessThanOrEqual(box.height);
  });

  it('lets a curator pin a concept with its own position', async () => {
    const checked = checkGraph(makeGraph(), parseArticle(fixtureMarkdown));
    if (!checked.ok) throw new Error('fixture invalid');
    const layout = await computeLayout(checked.graph, checked.anchors);
    const graph = {
      ...checked.graph,
      concepts: checked.graph.concepts.map((c) =>
        c.id === 'water' ? { ...c, position: { x: 5, y: 7 } } : c,
      ),
    };
    const water = toFlow(graph, layout).nodes.find((n) => n.id === 'water');
    const box = layout.sections.intro!;
    expect(water?.position).toEqual({ x: 5 - box.x, y: 7 - box.y });
  });

  it('labels each edge with the proposition it states and marks links across sections', async () => {
    const { edges } = await fixtureFlow();
    const carry = edges.find((e) => e.id === 'r-pipes-water');
    expect(carry?.ariaLabel).toBe('pipes carry water');
    expect(carry?.data?.crossesSections).toBe(true);
    expect(edges.find((e) => e.id === 'r-veins-pipes')?.data?.crossesSections).toBe(false);
  });

  it('lays the sections out in reading order with the introduction on top', async () => {
    const { layout } = await fixtureFlow();
    const { intro, pipes, rain } = layout.sections;
    expect(intro!.y).toBeLessThan(pipes!.y);
    expect(pipes!.y === rain!.y ? pipes!.x < rain!.x : pipes!.y < rain!.y).toBe(true);
  });
});

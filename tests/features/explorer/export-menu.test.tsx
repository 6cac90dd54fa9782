import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Node, ReactFlow } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../src/features/explorer/export-menu';
import ConceptNodeView from '../../../src/features/explorer/nodes/concept-node';
import SectionNodeView from '../../../src/features/explorer/nodes/section-node';
import { exportMap } from '../../../src/features/explorer/export-image';
import { downloadBlob } from '../../../src/shared/download';
import type { Atlas } from '../../../src/model/atlas';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';

vi.mock('../../../src/features/explorer/export-image', () => ({ exportMap: vi.fn() }));
vi.mock('../../../src/shared/download', () => ({ downloadBlob: vi.fn() }));

const png = new Blob(['png'], { type: 'image/png' });

const nodeTypes = { concept: ConceptNodeView, section: SectionNodeView };
const choices = [
  ['Whole map as PNG', 'whole', 'png'],
  ['Whole map as SVG (vector drawing)', 'whole', 'svg'],
  ['Current view as PNG', 'view', 'png'],
  ['Current view as SVG (vector drawing)', 'view', 'svg'],
] as const;

async function renderMenu(
  hide: (node: Node) => boolean = () => false,
  camera = { x: 0, y: 0, zoom: 1 },
) {
  const atlas = await fixtureAtlas();
  useAtlasStore.setState({ atlas });
  const nodes = atlas.nodes.map((node) => (hide(node) ? { ...node, hidden: true } : node));
  const user = userEvent.setup();
  const view = render(
    <div style={{ width: 800, height: 600 }}>
      <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} defaultViewport={camera}>
        <ExportMenu />
      </ReactFlow>
    </div>,
  );
  const toggle = screen.getByRole('button', { name: 'Export' });
  return { atlas, user, toggle, flowElement: view.container.querySelector('.react-flow') };
}

/** A whole-map drawing's frame: its content and a margin. */
const margined = (box: { x: number; y: number; width: number; height: number }) => ({
  x: box.x - 24,
  y: box.y - 24,
  width: box.width + 48,
  height: box.height + 48,
});

/** The union of the laid-out boxes of the given sections. */
function sectionBounds(atlas: Atlas, ids: string[]) {
  const boxes = ids.map((id) => atlas.layout.sections[id]!);
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

beforeEach(() => {
  // jsdom lays nothing out: the map is 800 x 600 pixels on screen, as the test's wrapper says.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.mocked(exportMap).mockReset().mockResolvedValue(png);
  vi.mocked(downloadBlob).mockReset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the export menu', () => {
  it('is a closed disclosure until the Export button opens it', async () => {
    const { user, toggle } = await renderMenu();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Whole map as PNG' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getAllByRole('button').filter((b) => b.className === 'export-menu__item'),
    ).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Print a handout…' })).toBeVisible();
    for (const [label] of choices) {
      expect(screen.getByRole('button', { name: label })).toBeVisible();
    }
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it.each(choices)('exports "%s" and downloads the image', async (label, scope, format) => {
    const { atlas, user, toggle } = await renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(downloadBlob).toHaveBeenCalledTimes(1));
    expect(exportMap).toHaveBeenCalledTimes(1);
    const options = vi.mocked(exportMap).mock.calls[0]![0];
    expect(options.scope).toBe(scope);
    expect(options.format).toBe(format);
    expect(options.drawing.concepts.map((c) => c.id).sort()).toEqual(
      atlas.graph.concepts.map((c) => c.id).sort(),
    );
    expect(downloadBlob).toHaveBeenCalledWith(png, `concept-map-${scope}.${format}`);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('frames only the nodes the filters leave visible', async () => {
    const { atlas, user, toggle } = await renderMenu(
      (node) => node.id === 'section:rain' || node.parentId === 'section:rain',
    );
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Whole map as PNG' }));
    await waitFor(() => expect(exportMap).toHaveBeenCalledTimes(1));
    const { drawing } = vi.mocked(exportMap).mock.calls[0]![0];
    const rain = atlas.graph.concepts.filter((c) => c.section === 'rain').map((c) => c.id);
    expect(rain.length).toBeGreaterThan(0);
    expect(drawing.concepts.map((c) => c.id)).not.toEqual(expect.arrayContaining([rain[0]]));
    expect(drawing.sections.map((s) => s.id)).toEqual(['intro', 'pipes']);
    expect(drawing.viewBox).toEqual(margined(sectionBounds(atlas, ['intro', 'pipes'])));
  });

  it('draws the current view: the part of the map the camera shows, at its zoom', async () => {
    // 800 x 600 pixels of map, at zoom 2, panned 100 and 50 pixels: 400 x 300 units from (50, 25).
    const { user, toggle } = await renderMenu(() => false, { x: -100, y: -50, zoom: 2 });
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Current view as PNG' }));
    await waitFor(() => expect(exportMap).toHaveBeenCalledTimes(1));
    const { drawing, zoom } = vi.mocked(exportMap).mock.calls[0]![0];
    expect(zoom).toBe(2);
    expect(drawing.viewBox).toEqual({ x: 50, y: 25, width: 400, height: 300 });
  });

  it('says it is preparing the image while it works', async () => {
    let finish: (image: Blob) => void = () => {};
    vi.mocked(exportMap).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { user, toggle } = await renderMenu();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Whole map as SVG (vector drawing)' }));
    await waitFor(() => expect(status).toHaveTextContent('Preparing image…'));
    expect(downloadBlob).not.toHaveBeenCalled();
    const svg = new Blob(['<svg/>'], { type: 'image/svg+xml' });
    finish(svg);
    await waitFor(() => expect(status).toBeEmptyDOMElement());
    expect(downloadBlob).toHaveBeenCalledWith(svg, 'concept-map-whole.svg');
  });

  it('shows an alert when the image cannot be made, and clears it on the next try', async () => {
    vi.mocked(exportMap).mockRejectedValueOnce(new Error('the canvas is too large'));
    const { user, toggle } = await renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Current view as PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The image could not be made: the canvas is too large. Please try again.',
    );
    expect(downloadBlob).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Current view as PNG' }));
    await waitFor(() => expect(downloadBlob).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('works from the keyboard: Enter opens, arrows move, Escape closes and returns focus', async () => {
    const { user, toggle } = await renderMenu();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Whole map as PNG' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Whole map as SVG (vector drawing)' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Print a handout…' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Whole map as PNG' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Print a handout…' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(
      screen.getByRole('button', { name: 'Current view as SVG (vector drawing)' }),
    ).toHaveFocus();

    // The page's own Escape (clear the selection) must not fire as well.
    const pageSawEscape = vi.fn();
    const onKey = (event: KeyboardEvent) => pageSawEscape(event.defaultPrevented);
    document.addEventListener('keydown', onKey);
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', onKey);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    expect(pageSawEscape).not.toHaveBeenCalledWith(false);

    await user.keyboard(' ');
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(exportMap).toHaveBeenCalledTimes(1));
    const { scope, format } = vi.mocked(exportMap).mock.calls[0]![0];
    expect({ scope, format }).toEqual({ scope: 'view', format: 'png' });
  });

  it('closes when the user clicks elsewhere', async () => {
    const { user, toggle } = await renderMenu();
    await user.click(toggle);
    await user.click(document.body);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(exportMap).not.toHaveBeenCalled();
  });

  it('opens the print dialog from its last item', async () => {
    const { user, toggle } = await renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Print a handout…' }));
    expect(useAtlasStore.getState().printOpen).toBe(true);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});

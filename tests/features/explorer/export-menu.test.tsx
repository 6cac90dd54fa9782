import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Node, ReactFlow } from '@xyflow/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../src/features/explorer/export-menu';
import ConceptNodeView from '../../../src/features/explorer/nodes/concept-node';
import SectionNodeView from '../../../src/features/explorer/nodes/section-node';
import { downloadDataUrl, exportMap } from '../../../src/features/explorer/export-image';
import type { Atlas } from '../../../src/model/atlas';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';

vi.mock('../../../src/features/explorer/export-image', () => ({
  exportMap: vi.fn(),
  downloadDataUrl: vi.fn(),
}));

const nodeTypes = { concept: ConceptNodeView, section: SectionNodeView };
const choices = [
  ['Whole map as PNG', 'whole', 'png'],
  ['Whole map as SVG (vector drawing)', 'whole', 'svg'],
  ['Current view as PNG', 'view', 'png'],
  ['Current view as SVG (vector drawing)', 'view', 'svg'],
] as const;

async function renderMenu(hide: (node: Node) => boolean = () => false) {
  const atlas = await fixtureAtlas();
  const nodes = atlas.nodes.map((node) => (hide(node) ? { ...node, hidden: true } : node));
  const user = userEvent.setup();
  const view = render(
    <div style={{ width: 800, height: 600 }}>
      <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes}>
        <ExportMenu />
      </ReactFlow>
    </div>,
  );
  const toggle = screen.getByRole('button', { name: 'Export' });
  return { atlas, user, toggle, flowElement: view.container.querySelector('.react-flow') };
}

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
  vi.mocked(exportMap).mockReset().mockResolvedValue('data:image/png;base64,AAAA');
  vi.mocked(downloadDataUrl).mockReset();
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
    const { atlas, user, toggle, flowElement } = await renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(downloadDataUrl).toHaveBeenCalledTimes(1));
    expect(exportMap).toHaveBeenCalledTimes(1);
    const options = vi.mocked(exportMap).mock.calls[0]![0];
    expect(options.scope).toBe(scope);
    expect(options.format).toBe(format);
    // By identity: a deep comparison of DOM elements never ends.
    expect(options.flowElement).toBe(flowElement);
    expect(options.nodesBounds).toEqual(sectionBounds(atlas, ['intro', 'pipes', 'rain']));
    expect(downloadDataUrl).toHaveBeenCalledWith(
      'data:image/png;base64,AAAA',
      `concept-map-${scope}.${format}`,
    );
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
    expect(vi.mocked(exportMap).mock.calls[0]![0].nodesBounds).toEqual(
      sectionBounds(atlas, ['intro', 'pipes']),
    );
  });

  it('says it is preparing the image while it works', async () => {
    let finish: (url: string) => void = () => {};
    vi.mocked(exportMap).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { user, toggle } = await renderMenu();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Whole map as SVG (vector drawing)' }));
    await waitFor(() => expect(status).toHaveTextContent('Preparing image…'));
    expect(downloadDataUrl).not.toHaveBeenCalled();
    finish('data:image/svg+xml;charset=utf-8,%3Csvg%3E');
    await waitFor(() => expect(status).toBeEmptyDOMElement());
    expect(downloadDataUrl).toHaveBeenCalledWith(
      'data:image/svg+xml;charset=utf-8,%3Csvg%3E',
      'concept-map-whole.svg',
    );
  });

  it('shows an alert when the image cannot be made, and clears it on the next try', async () => {
    vi.mocked(exportMap).mockRejectedValueOnce(new Error('the canvas is too large'));
    const { user, toggle } = await renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Current view as PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The image could not be made: the canvas is too large. Please try again.',
    );
    expect(downloadDataUrl).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Current view as PNG' }));
    await waitFor(() => expect(downloadDataUrl).toHaveBeenCalledTimes(1));
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

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import { OPEN_BUNDLE_KEY, openStartupBundle } from '../../../src/features/bundle/bundle-actions';
import { SNAPSHOT_ELEMENT_ID, snapshotScriptText } from '../../../src/model/snapshot';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { startUrlSync } from '../../../src/store/url-sync';
import { copy, fileClaiming, smallBundle } from '../../fixtures/bundle-fixture';
import { fixtureAtlas } from '../../fixtures/load-fixture';

const jsonFile = (value: unknown, name: string) =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, {
    type: 'application/json',
  });

async function renderApp() {
  const atlas = await fixtureAtlas();
  useAtlasStore.getState().setAtlas(atlas);
  const user = userEvent.setup();
  render(<App />);
  return { user, atlas };
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.click(screen.getByRole('button', { name: 'Open map…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Open another map' });
  await user.upload(within(dialog).getByLabelText(/From this computer/), file);
}

const title = () => document.querySelector('.app-header__title')?.textContent;

beforeEach(() => localStorage.clear());
afterEach(() => document.getElementById(SNAPSHOT_ELEMENT_ID)?.remove());

describe('opening another map', () => {
  it('lists every problem of an invalid file and keeps the current map', async () => {
    const { user, atlas } = await renderApp();
    const broken = copy(await smallBundle());
    broken.graph.concepts[0]!.id = 'Not Kebab';
    broken.graph.relations[0]!.target = 'nowhere';
    await chooseFile(user, jsonFile(broken, 'broken.json'));
    const alert = await screen.findByRole('alert', { name: 'Map not opened' });
    expect(within(alert).getByText('“broken.json” could not be opened')).toBeInTheDocument();
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        // In words first, for a teacher; then the place in the file, for whoever edits it.
        expect.stringMatching(
          /^Concept 1 \(“Not Kebab”\), id: must be kebab-case.* graph\.concepts\[0\] \(Not Kebab\)\.id$/,
        ),
      ]),
    );
    expect(title()).toBe(atlas.article.meta.title);
    expect(useAtlasStore.getState().atlas).toBe(atlas);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert', { name: 'Map not opened' })).not.toBeInTheDocument();
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { user } = await renderApp();
    await chooseFile(user, fileClaiming(25 * 1024 * 1024));
    const alert = await screen.findByRole('alert', { name: 'Map not opened' });
    expect(alert).toHaveTextContent('The file is 25 MB; the limit is 20 MB');
  });

  it('opens a valid file in place of the current map, showing hostile text as text', async () => {
    const { user } = await renderApp();
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Another reading';
    bundle.graph.concepts[0]!.label = '<img src=x onerror=alert(1)>';
    await chooseFile(user, jsonFile(bundle, 'reading.json'));
    await waitFor(() => expect(title()).toBe('Another reading'));
    expect(useAtlasStore.getState().source).toEqual({ kind: 'bundle', name: 'reading.json' });
    // The label is on the map's concepts, which React Flow draws after the header's title.
    expect((await screen.findAllByText('<img src=x onerror=alert(1)>')).length).toBeGreaterThan(0);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    // This test browser has no IndexedDB: the map opens first, then says it cannot be kept, and
    // the next visit does not look for it.
    expect(
      await screen.findByText(/“reading.json” is open, but this browser does not allow keeping it/),
    ).toBeInTheDocument();
    expect(localStorage.getItem(OPEN_BUNDLE_KEY)).toBeNull();
  });

  it('opens a file dropped anywhere on the page', async () => {
    await renderApp();
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Dropped reading';
    const file = jsonFile(bundle, 'dropped.json');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer });
    });
    expect(screen.getByText('Drop the map file to open it')).toBeInTheDocument();
    act(() => {
      fireEvent.drop(window, { dataTransfer });
    });
    expect(screen.queryByText('Drop the map file to open it')).not.toBeInTheDocument();
    await waitFor(() => expect(title()).toBe('Dropped reading'));
  });

  it('goes back to the built-in article and forgets the opened map', async () => {
    const { user, atlas } = await renderApp();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = SNAPSHOT_ELEMENT_ID;
    script.textContent = snapshotScriptText(atlas);
    document.body.append(script);
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Another reading';
    await chooseFile(user, jsonFile(bundle, 'reading.json'));
    await waitFor(() => expect(title()).toBe('Another reading'));
    // The tab's title follows the header's in an effect, after the header is drawn.
    await waitFor(() => expect(document.title).toBe('Another reading — Concept Atlas'));
    await user.click(screen.getByRole('button', { name: 'Open map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open another map' });
    expect(dialog).toHaveTextContent('Showing reading.json.');
    await user.click(within(dialog).getByRole('button', { name: 'Back to the built-in article' }));
    expect(title()).toBe(atlas.article.meta.title);
    expect(document.title).toBe(`${atlas.article.meta.title} — Concept Atlas`);
    expect(useAtlasStore.getState().source).toEqual({ kind: 'built-in' });
    expect(localStorage.getItem(OPEN_BUNDLE_KEY)).toBeNull();
  });

  it('offers the built-in map as an example file and refuses non-web addresses', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Open map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open another map' });
    expect(
      within(dialog).getByRole('link', { name: 'Download the built-in map as an example file' }),
    ).toHaveAttribute('href', 'concept-atlas-example.json');
    const address = within(dialog).getByLabelText(/From a web address/);
    await user.type(address, 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    const alert = await screen.findByRole('alert', { name: 'Map not opened' });
    expect(alert).toHaveTextContent('Only http and https addresses can be opened');
  });
});

describe('a map named in the address as the page starts', () => {
  /** Serves `body` for any fetch, once `release` is called. */
  function serveLater(body: string) {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        await gate;
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      }),
    );
    return release;
  }

  beforeEach(() => window.history.replaceState(null, '', '/?bundle=maps/linked.json'));
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('is waited for, instead of drawing the built-in map first', async () => {
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Linked reading';
    const release = serveLater(JSON.stringify(bundle));
    await renderApp();
    act(() => openStartupBundle());
    await waitFor(() => expect(title()).toBe('Opening a map…'));
    await waitFor(() => expect(document.title).toBe('Opening a map… — Concept Atlas'));
    expect(document.querySelector('.bundle-status--opening')).toHaveTextContent(
      /^Opening maps\/linked.json… Checking it.Cancel$/,
    );
    expect(document.querySelector('.concept-map')).toBeNull();
    expect(screen.queryByRole('article', { name: 'Source article' })).toBeNull();
    // Nothing of the built-in map shows meanwhile: not its title, search, panels or study counts.
    expect(screen.queryByRole('combobox', { name: 'Search concepts' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Present' })).toBeNull();
    expect(screen.queryByText(/Visited \d+ of/)).toBeNull();
    expect(screen.queryByRole('complementary', { name: 'Concept details' })).toBeNull();
    release();
    await waitFor(() => expect(title()).toBe('Linked reading'));
    // The browser tab says which map is open, too.
    await waitFor(() => expect(document.title).toBe('Linked reading — Concept Atlas'));
    await waitFor(() => expect(document.querySelector('.concept-map')).not.toBeNull());
    expect(await screen.findByRole('article', { name: 'Source article' })).toBeInTheDocument();
  });

  it('opens at the tour step its link names, a tour the built-in map does not have', async () => {
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Linked reading';
    bundle.tours = {
      schemaVersion: 1,
      tours: [
        {
          id: 'linked-tour',
          title: 'A linked tour',
          description: 'Two steps.',
          steps: [
            { title: 'First', text: 'Water.', concepts: ['water'], notes: 'A.' },
            { title: 'Second', text: 'Pipes.', concepts: ['pipes'], notes: 'B.' },
          ],
        },
      ],
    };
    const release = serveLater(JSON.stringify(bundle));
    window.history.replaceState(null, '', '/?bundle=maps/linked.json#/tour/linked-tour/2');
    const startHash = window.location.hash;
    await renderApp();
    // As the page starts: the address is first read for the built-in map, which has no such
    // tour and shows the map, and the address with it.
    const stop = startUrlSync();
    try {
      expect(useAtlasStore.getState().view).toBe('map');
      act(() => openStartupBundle(window, startHash));
      release();
      await waitFor(() => expect(title()).toBe('Linked reading'));
      await waitFor(() =>
        expect(useAtlasStore.getState().tour).toEqual({ id: 'linked-tour', step: 2 }),
      );
      expect(await screen.findByRole('heading', { level: 2, name: 'Second' })).toBeInTheDocument();
      expect(window.location.hash).toBe('#/tour/linked-tour/2');
    } finally {
      stop();
    }
  });

  it('gives way to the built-in map, with its problems listed, when it cannot be opened', async () => {
    const release = serveLater('{"schemaVersion": 1}');
    const { atlas } = await renderApp();
    act(() => openStartupBundle());
    await waitFor(() => expect(title()).toBe('Opening a map…'));
    release();
    const alert = await screen.findByRole('alert', { name: 'Map not opened' });
    expect(alert).toHaveTextContent('This is not a Concept Atlas map file');
    expect(title()).toBe(atlas.article.meta.title);
    await waitFor(() => expect(document.querySelector('.concept-map')).not.toBeNull());
    expect(document.querySelector('.bundle-status--opening')).toBeNull();
  });
});

describe('a server that sends nothing', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is given up on after 30 seconds, and "Try again" fetches the map again and opens it', async () => {
    const bundle = copy(await smallBundle());
    bundle.article.title = 'Reading after the retry';
    // The first request hangs, as a server that accepts and never answers; as a real fetch does,
    // it fails once its signal is aborted. The second is answered.
    const fetchMock = vi.fn((_url: URL, init?: RequestInit) => {
      if (fetchMock.mock.calls.length === 1) {
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          ),
        );
      }
      return Promise.resolve(
        new Response(JSON.stringify(bundle), { headers: { 'content-type': 'application/json' } }),
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    const atlas = await fixtureAtlas();
    useAtlasStore.getState().setAtlas(atlas);
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Open map…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open another map' });
    await user.type(
      within(dialog).getByLabelText(/From a web address/),
      'https://school.example/slow.json',
    );
    // The clock is faked from the moment the address is sent, so the 30 seconds pass at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(document.querySelector('.bundle-status--opening')).toHaveTextContent(
      'Opening https://school.example/slow.json…',
    );
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    vi.useRealTimers();

    const alert = await screen.findByRole('alert', { name: 'Map not opened' });
    expect(alert).toHaveTextContent('“slow.json” could not be opened');
    expect(alert).toHaveTextContent(
      /school\.example\/slow\.json sent nothing for 30 seconds, so opening it was stopped; try again/,
    );
    expect(title()).toBe(atlas.article.meta.title);
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(title()).toBe('Reading after the retry'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(String(fetchMock.mock.calls[1]?.[0])).toBe('https://school.example/slow.json');
    expect(screen.queryByRole('alert', { name: 'Map not opened' })).toBeNull();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app';
import { setDraftStorage } from '../../../src/features/authoring/draft-actions';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { memoryDrafts } from '../../fixtures/memory-drafts';

/** What the clipboard holds after copying from a web page: its HTML and the browser's plain text. */
function clipboard(data: Record<string, string>): DataTransfer {
  const types = Object.keys(data);
  return {
    types,
    items: [],
    files: [],
    getData: (type: string) => data[type === 'text' ? 'text/plain' : type] ?? '',
  } as unknown as DataTransfer;
}

const page = `<meta charset="utf-8"><!--StartFragment--><h1>Rivers</h1>
<p>Rivers carry <em>water</em> to the towns.</p><script>steal()</script>
<h2>Water</h2><p>The river is a <a href="https://example.org/road">road</a>.</p>
<h2>Trade</h2><ul><li>Boats carry goods.</li></ul>
<h2>Towns</h2><p>Towns grow by the river.</p><!--EndFragment-->`;

const plain = 'Rivers\nRivers carry water to the towns.\nWater\nThe river is a road.';

async function openNewMap() {
  useAtlasStore.getState().setAtlas(await fixtureAtlas());
  const user = userEvent.setup();
  render(<App />);
  await user.click(screen.getByRole('button', { name: 'New map…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Make a new map' });
  return { user, dialog, article: within(dialog).getByRole('textbox', { name: 'The article' }) };
}

beforeEach(() => {
  localStorage.clear();
  setDraftStorage(memoryDrafts());
});

describe('pasting from a web page into New map…', () => {
  it('puts the page as Markdown into the box, says what was kept, and starts its sections', async () => {
    const { user, dialog, article } = await openNewMap();
    await user.click(article);
    await user.paste(clipboard({ 'text/html': page, 'text/plain': plain }));
    expect(article).toHaveValue(
      [
        '# Rivers',
        'Rivers carry _water_ to the towns.',
        '## Water',
        'The river is a [road](https://example.org/road).',
        '## Trade',
        'Boats carry goods.',
        '## Towns',
        'Towns grow by the river.',
      ].join('\n\n'),
    );
    expect(
      within(dialog).getByText(
        'Pasted from a web page: 3 headings kept as sections, the title taken from its first.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Title (required)' })).toHaveValue('Rivers');
    await user.click(within(dialog).getByRole('button', { name: 'Start the map' }));
    await screen.findByRole('region', { name: 'Draft' });
    expect(useAtlasStore.getState().draft?.sections.map((s) => s.title)).toEqual([
      'Introduction',
      'Water',
      'Trade',
      'Towns',
    ]);
  });

  it('inserts the Markdown at the caret, between what was typed before and after it', async () => {
    const { user, article } = await openNewMap();
    await user.type(article, 'Before.{Enter}{Enter}After.');
    (article as HTMLTextAreaElement).setSelectionRange(9, 9);
    await user.paste(clipboard({ 'text/html': '<h2>Middle</h2><p>Words.</p>' }));
    expect(article).toHaveValue('Before.\n\n## Middle\n\nWords.After.');
    expect(article).toHaveProperty('selectionStart', 9 + '## Middle\n\nWords.'.length);
    expect(screen.getByText('Pasted from a web page: 1 heading kept as a section.')).toBeVisible();
  });

  it('leaves a plain-text paste, and HTML with no prose in it, as the plain text', async () => {
    const { user, dialog, article } = await openNewMap();
    await user.click(article);
    await user.paste(clipboard({ 'text/plain': '# Not\n\nconverted <b>' }));
    expect(article).toHaveValue('# Not\n\nconverted <b>');
    await user.clear(article);
    await user.paste(
      clipboard({ 'text/html': '<div><span>## Water</span></div>', 'text/plain': '## Water' }),
    );
    expect(article).toHaveValue('## Water');
    expect(within(dialog).queryByText(/Pasted from a web page/)).toBeNull();
  });

  it('pastes a page too large to convert as its plain text, and says why', async () => {
    const { user, dialog, article } = await openNewMap();
    await user.click(article);
    const deep = `${'<div>'.repeat(300)}<h2>Deep</h2><p>Words.</p>`;
    await user.paste(clipboard({ 'text/html': deep, 'text/plain': 'Deep\nWords.' }));
    expect(article).toHaveValue('Deep\nWords.');
    expect(
      within(dialog).getByText(
        'Pasted as plain text: the web page is too large to keep its headings (it nests elements more than 256 deep).',
      ),
    ).toBeInTheDocument();
  });
});

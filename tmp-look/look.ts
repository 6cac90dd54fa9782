import { launchChromium } from '../tools/browser';

const article = `# Rivers and towns

## Water

Rivers carry water to the towns. The river is a road.

## Trade

Boats carry goods on the river. The river is a road for trade.

## Growth

Towns grow where rivers meet, and markets follow.`;

async function selectWords(page: import('playwright-core').Page, words: string, nth = 0) {
  await page.evaluate(({ words, nth }) => {
    const article = document.querySelector('.reader-article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let at = node.textContent!.indexOf(words);
      while (at >= 0) {
        if (seen === nth) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + words.length);
          const sel = document.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          return;
        }
        seen += 1;
        at = node.textContent!.indexOf(words, at + 1);
      }
    }
    throw new Error('not found ' + words);
  }, { words, nth });
}

const sizes = (process.argv[2] ?? '1366x768').split(',');
const browser = await launchChromium();
for (const size of sizes) {
  const [width, height] = size.split('x').map(Number) as [number, number];
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', String(e)));
  await page.goto('http://localhost:4791/');
  await page.locator('.react-flow__node-concept').first().waitFor();
  const narrow = width < 900;
  if (narrow) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'New map…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a new map' });
  await dialog.getByLabel('The article').fill(article);
  await page.screenshot({ path: `/tmp/look-dialog-${size}.png` });
  await dialog.getByRole('button', { name: 'Start the map' }).click();
  await page.getByText('Select words in the article to make a concept.').first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/look-empty-${size}.png` });
  if (narrow) await page.getByRole('tab', { name: 'Article' }).click();
  await selectWords(page, 'Rivers carry water');
  await page.getByRole('button', { name: 'New concept from this passage' }).click();
  if (narrow) await page.getByRole('tab', { name: 'Article' }).click();
  await selectWords(page, 'The river is a road', 1);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/look-toolbar-${size}.png` });
  await page.getByRole('button', { name: 'New concept from this passage' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/look-editor-${size}.png` });
  await context.close();
}
await browser.close();

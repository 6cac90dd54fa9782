import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules that keep the layers pointing one way, tried on imports written for the test.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the layers of src/', () => {
  it.each([
    ['keeps the model pure', 'src/model/example.ts', '../store/atlas-store', 'useAtlasStore'],
    [
      'keeps features apart: the app composes them',
      'src/features/presentation/example.ts',
      '../explorer/concept-map',
      'ConceptMap',
    ],
    [
      'keeps the authoring feature apart from the others too',
      'src/features/authoring/example.ts',
      '../bundle/bundle-actions',
      'openBundle',
    ],
    [
      'keeps the store below the features',
      'src/store/example.ts',
      '../features/bundle/bundle-actions',
      'openBundle',
    ],
  ])('%s', async (_, file, from, name) => {
    const rules = await problemsOf(
      file,
      `import { ${name} } from '${from}';\nexport const x = ${name};\n`,
    );
    expect(rules).toContain('import-x/no-restricted-paths');
  });

  it('lets nothing import the entry, and keeps tools out of the app', async () => {
    expect(
      await problemsOf('src/app/example.ts', "import './main';\nexport const x = 1;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await problemsOf(
        'src/features/explorer/example.ts',
        "import { readContent } from '../../../tools/cli/content';\nexport const read = readContent;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('allows the way down: a feature uses the store, the model and shared helpers', async () => {
    const rules = await problemsOf(
      'src/features/explorer/example.ts',
      [
        "import { useAtlasStore } from '../../store/atlas-store';",
        "import { parseHash } from '../../model/route';",
        "import { whenIdle } from '../../shared/when-idle';",
        'export const all = [useAtlasStore, parseHash, whenIdle];',
        '',
      ].join('\n'),
    );
    expect(rules).toEqual([]);
  });
});

describe('the address', () => {
  it('is written by the URL module alone', async () => {
    const writes = [
      "window.history.pushState(null, '', '#/');",
      "window.history.replaceState(null, '', '#/');",
      "window.location.hash = '#/';",
      "window.location.replace('#/');",
    ];
    for (const write of writes) {
      expect(await problemsOf('src/features/bundle/example.ts', `${write}\n`)).toContain(
        'no-restricted-syntax',
      );
      expect(await problemsOf('src/store/url-sync.ts', `${write}\n`)).not.toContain(
        'no-restricted-syntax',
      );
    }
  });
});

import js from '@eslint/js';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = ['explorer', 'presentation', 'study', 'bundle', 'authoring'];

/**
 * The layers point one way: app -> features -> store -> model, with shared beside them. The model
 * imports nothing else of src/; features do not import each other; nothing imports the entry; the
 * app never reaches into tools/ or tests/.
 */
const layers = [
  {
    target: './src/model',
    from: ['./src/app', './src/features', './src/store', './src/shared'],
    message: 'The model is pure: it imports nothing else of src/.',
  },
  {
    target: './src/shared',
    from: ['./src/app', './src/features', './src/store'],
    message: 'Shared helpers know nothing of the app, its features or its store.',
  },
  {
    target: './src/store',
    from: ['./src/app', './src/features'],
    message: 'The store sits below the features and the app.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: ['./src/app', ...features.filter((f) => f !== feature).map((f) => `./src/features/${f}`)],
    message: 'A feature does not import the app or another feature: the app composes them.',
  })),
  {
    target: './src',
    from: ['./tools', './tests'],
    message: 'The app never imports tools or tests.',
  },
  {
    target: './tools',
    from: ['./src/app', './src/features', './src/store'],
    message: 'Tools use the model, never the app.',
  },
  {
    target: '.',
    from: './src/app/main.tsx',
    message: 'Nothing imports the entry.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The address has one writer (src/store/url-sync.ts); everything else asks it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/url-sync.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(pushState|replaceState)$/]',
          message: 'Only src/store/url-sync.ts writes the address.',
        },
        {
          selector: "AssignmentExpression[left.object.property.name='location']",
          message: 'Only src/store/url-sync.ts writes the address.',
        },
        {
          selector:
            "CallExpression[callee.object.property.name='location'][callee.property.name=/^(assign|replace)$/]",
          message: 'Only src/store/url-sync.ts writes the address.',
        },
      ],
    },
  },
  {
    ...jsxA11y.flatConfigs.recommended,
    files: ['src/**/*.tsx'],
  },
  {
    // The Vite config loads the build plugins in tools/ and, through them, the model. Vite's
    // coming native config loader (plain Node) needs every relative import to name its file, and
    // Vite warns about each one that does not; the model and the tools name them all.
    files: [
      'src/model/**/*.ts',
      'tools/**/*.{ts,tsx}',
      'vite.config.ts',
      'vite.config.bench.ts',
      'vitest.config.e2e.ts',
    ],
    rules: {
      'import-x/extensions': ['error', 'ignorePackages', { checkTypeImports: true }],
    },
  },
);

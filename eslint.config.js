// ESLint: correctness, hooks, accessibility, and the runtime boundary of src/lib.
// `npm run lint` runs it (and `npm test` runs that); Prettier owns the formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** Node's own modules, which src/lib may not use (it runs in the browser too). */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.bench/',
      'node_modules/',
      'test-results/',
      '.test-builds/',
      'playwright-report/',
      'content/',
      'tests/fixtures/',
      'public/',
      'docs/',
      '**/.astro/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  ...astro.configs['flat/jsx-a11y-recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused names are mistakes, except a leading underscore (kept on purpose) and rest siblings.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `import type` keeps type-only imports out of the browser bundles.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling region (a wide table, a preview) is focusable so keyboard users can scroll it
      // (axe: scrollable-region-focusable), and labelled as a region.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }],
    },
  },
  {
    files: ['**/*.astro'],
    rules: { 'astro/jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }] },
  },
  {
    // Small files, grouped by concern: a file in src/ over 400 lines is split along its sections.
    files: ['src/**/*.{ts,tsx,astro}'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // src/lib runs in the browser and in Node alike: no Node, no Astro, no environment.
    files: ['src/lib/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'src/lib runs in the browser too: Node-only code belongs in src/server/ or scripts/.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'src/lib runs in the browser too: Node-only code belongs in src/server/ or scripts/.',
            },
            {
              group: ['astro:*', 'astro', 'astro/*'],
              message: 'src/lib is pure: Astro-only code belongs in src/server/.',
            },
            {
              group: ['**/server/**'],
              message: 'src/lib may not depend on src/server (the dependency runs the other way).',
            },
            { group: ['**/components/**', '**/pages/**'], message: 'src/lib may not depend on the pages or islands.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/lib is pure: take settings as arguments; src/server/ reads the environment.' },
        { name: 'Buffer', message: 'src/lib runs in the browser too: use Uint8Array.' },
        { name: '__dirname', message: 'src/lib has no files of its own to find.' },
        { name: 'require', message: 'src/lib is ES modules.' },
      ],
    },
  },
  {
    // Islands and the small scripts (src/components/enhance) that ship on every kind of page
    // stay free of the schema and zod (the contribute form, which validates in the browser, is
    // the one island that loads them).
    files: ['src/components/islands/{search,map,list,shared}/**/*.{ts,tsx}', 'src/components/enhance/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Only the contribute form loads zod in the browser.' }],
          patterns: [
            {
              regex: '(^|/)(schema(/index|/entry|/fields|/zod)?|lib/validate(/.*)?)$',
              allowTypeImports: true,
              message: 'Import values from src/schema/vocab (or ids): the schema index brings zod into the bundle.',
            },
            { group: ['**/server/**'], message: 'Islands run in the browser: no Node-only code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests own their data: the sample content/ is the forking place's, not theirs.
      'no-restricted-syntax': [
        'error',
        {
          // The folder, its data files and folders; a file path inside it (`content/entries/x.md`,
          // as a pull request names it) is the repository's layout, not a read.
          selector: 'Literal[value=/^content(\\/(site\\.yaml|categories\\.yaml|neighbourhoods|entries)?\\/?)?$/]',
          message: 'Tests use fixture books under tests/fixtures, never the sample content/.',
        },
      ],
    },
  },
);

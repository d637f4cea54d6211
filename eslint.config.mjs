/** ESLint: typescript-eslint and eslint-plugin-astro, plus the import rules that keep the layers apart (ARCHITECTURE.md). */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import rule that forbids reaching the listed layers from the files it is applied to. */
function forbid(message, ...layers) {
  const group = layers.flatMap((layer) => [`**/${layer}/**`, `**/${layer}`]);
  return { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', '.cache/**', '.astro/**', 'tools/**', 'node_modules/**', 'public/**', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Exhaustive switches over message kinds and other unions: needs type information, so only over TypeScript sources.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // A notebook cell's last expression is its output (as in Observable and Jupyter), so a bare expression is the point.
    files: ['chapters/*/cells/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: forbid(
      'src/core is pure: it imports nothing of ours outside src/core (ARCHITECTURE.md).',
      'components',
      'worker',
      'charts',
      'lib',
      'i18n',
      'notebook',
      'layouts',
      'pages',
      'bench',
    ),
  },
  // The lab worker compiles chapter 6's loss cell with the notebook's compiler and lockdown (reader-objective.ts).
  {
    files: ['src/worker/**'],
    rules: forbid(
      'src/worker imports only src/core and the cell runtime (ARCHITECTURE.md).',
      'components',
      'charts',
      'lib',
      'i18n',
      'layouts',
      'pages',
      'bench',
    ),
  },
  {
    files: ['src/charts/**'],
    rules: forbid(
      'src/charts builds Plot options from plain data and core types only (ARCHITECTURE.md).',
      'components',
      'worker',
      'lib',
      'i18n',
      'notebook',
      'layouts',
      'pages',
      'bench',
    ),
  },
  {
    files: ['src/notebook/**'],
    rules: forbid(
      'src/notebook is the cell runtime: it imports src/core and itself only (ARCHITECTURE.md).',
      'components',
      'charts',
      'lib',
      'i18n',
      'layouts',
      'pages',
      'bench',
    ),
  },
);

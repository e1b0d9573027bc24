import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Layer rules (design.md): shared is pure, core never imports electron, renderer imports only shared. */
// A bare 'electron' glob would also match relative paths into the electron/ folder, so the package itself is a regex.
const restrict = (group, message, extra = [], paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns: [{ group, message }, { regex: '^electron(/.*)?$', message }, ...extra] }],
})

/** Renderer layer rule; `numberInput: false` only for the one component that wraps Mantine's NumberInput. */
const rendererImports = ({ numberInput = true } = {}) =>
  restrict(
    ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', 'node:*', 'better-sqlite3'],
    'the renderer imports only electron/shared',
    [{ group: ['**/electron/shared/**'], message: 'import electron/shared through the @shared/… alias' }],
    numberInput
      ? [
          {
            name: '@mantine/core',
            importNames: ['NumberInput'],
            // Mantine clamps on blur by default, which once saved a term extension nobody typed (issue 8).
            message: 'use NumberField from components/NumberField: it never clamps what was typed',
          },
        ]
      : [],
  )


export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: restrict(['node:*', 'better-sqlite3', '**/core/**', '**/main/**', '**/preload/**', 'react', 'react-dom'], 'electron/shared is pure: no node, electron, DOM or other layers'),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(['**/main/**', '**/preload/**', '**/renderer/**'], 'electron/core runs in plain Node: never import electron, main, preload or renderer'),
  },
  {
    // Each domain owns its SQL: statements live in <domain>Repo.ts (writes, lookups) and <domain>Queries.ts (lists,
    // screens), and in the db/ helpers; services hold the rules and call them.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*Repo.ts', 'electron/core/**/*Queries.ts', 'electron/core/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL belongs in a *Repo.ts or *Queries.ts of the domain that owns the table' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports(),
    },
  },
  { files: ['renderer/src/components/NumberField.tsx'], rules: rendererImports({ numberInput: false }) },
  { files: ['electron/**/*.ts', 'tests/**/*.ts', '*.ts', '*.js', '.ci/**/*.mjs'], languageOptions: { globals: globals.node } },
  // Playwright reads fixture dependencies from the destructuring pattern, so `{}` is how a fixture says "none".
  { files: ['tests/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
)

// SPDX-License-Identifier: MIT
// ESLint for the Quire UI: `npm run lint` (ctest: frontend.lint), which allows no warnings.
//
// TypeScript versions: the build compiles with TypeScript 7 (the native Go port), whose npm
// package has no JS compiler API (`require('typescript')` only gives `{ version }`), while
// typescript-eslint 8 parses and type-checks through that API (peer `typescript <6.1`). So
// package.json follows Microsoft's side-by-side setup for 7.0: `typescript` is
// `@typescript/typescript6` (the classic API, TS 6.0, which typescript-eslint loads) and
// `@typescript/native` is `typescript@7`, whose `tsc` is the one in node_modules/.bin that `build`
// and `typecheck` run. Type-aware rules thus see TS 6.0, which checks this tsconfig as 7.0 does.
// When typescript-eslint supports TypeScript 7 (its experimental tsgo backend needs 7.1), make
// `typescript` plain `typescript@7` again and drop the alias.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// --- Architecture rules of the style guide ----------------------------------------------------

// (c) No relative import climbs more than one folder: use the '@/' alias.
const noClimbing = {
  regex: '(^|/)\\.\\./\\.\\.(/|$)',
  message: "Don't climb out of a folder with '../../': import through the '@/' alias.",
};

// (a) Only src/ipc/ talks to Qt's web channel.
const noChannelImport = {
  regex: '(^@|\\.)/ipc/channel(\\.[jt]s)?$',
  message: 'Only src/ipc/ may use the web channel: use the commands and events src/ipc exports.',
};
// no-restricted-imports does not see import(): match those with a selector (esquery wants '\/').
const dynamicImportOf = ({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
  message,
});
const webChannelNames = '/^(qt|QWebChannel|webChannelTransport)$/';
const webChannelMessage = 'Only src/ipc/ may touch qt.webChannelTransport or QWebChannel.';
const noWebChannelSyntax = [
  // window.qt, globalThis.QWebChannel, anything.webChannelTransport, and the same with ['...'].
  {
    selector: `MemberExpression[computed=false][property.name=${webChannelNames}]`,
    message: webChannelMessage,
  },
  {
    selector: `MemberExpression[computed=true][property.value=${webChannelNames}]`,
    message: webChannelMessage,
  },
  dynamicImportOf(noChannelImport),
];

// (a) Components never call the backend directly: they use the hooks in src/features/*/api.
const noIpcCalls = {
  regex: '(^@|\\.)/ipc/(commands|invoke)(\\.[jt]s)?$',
  message: "Components don't call ipc directly: use the hooks of src/features/<feature>/api.",
};

const restrictImports = (...patterns) => ['error', { patterns }];

// (b) A feature imports no other feature: one zone per folder of src/features, read at lint time
// so a new feature is covered without editing this file. import-x resolves the '@/' alias and
// relative paths alike, through tsconfig.json.
const featuresDir = path.join(import.meta.dirname, 'src/features');
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const noCrossFeatureImports = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: `'${feature}' may not import another feature: share code via src/components or src/lib.`,
}));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'src/ipc/generated/**']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // As with tsc's noUnusedLocals/noUnusedParameters, a leading '_' marks a name unused on
      // purpose, and `const { id: _id, ...rest } = x` is how the code drops a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // `await act(async () => fire())` is Testing Library's way to flush what fire() sets off; the
    // callback is async on purpose, with or without an await inside.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },

  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // Says only that React Compiler would skip a component (e.g. one using TanStack Virtual);
      // Quire does not build with React Compiler, so there is nothing to act on.
      'react-hooks/incompatible-library': 'off',
    },
  },

  // Architecture rules. ESLint replaces (does not merge) a rule's options when a later block sets
  // it again, so each block below repeats the patterns that still apply to its files.
  {
    files: ['**/*.{js,ts,tsx}'],
    rules: { 'no-restricted-imports': restrictImports(noClimbing) },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'],
          tsconfig: { configFile: path.join(import.meta.dirname, 'tsconfig.json') },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: noCrossFeatureImports }],
      'no-restricted-imports': restrictImports(noClimbing, noChannelImport),
      'no-restricted-globals': [
        'error',
        { name: 'qt', message: webChannelMessage },
        { name: 'QWebChannel', message: webChannelMessage },
      ],
      'no-restricted-syntax': ['error', ...noWebChannelSyntax],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/features/*/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports(noClimbing, noChannelImport, noIpcCalls),
      'no-restricted-syntax': ['error', ...noWebChannelSyntax, dynamicImportOf(noIpcCalls)],
    },
  },
  {
    // The ipc layer itself, and the tests and test helpers that fake the bridge, are exempt from
    // (a).
    files: ['src/ipc/**/*.{ts,tsx}', 'src/testing/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports(noClimbing),
      'no-restricted-globals': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);

// @ts-check
// Lint for the whole project: typescript-eslint everywhere, with the type-aware rules that catch
// real bugs (a promise nobody awaits can lose a save; `[object Object]` printed in a report; a
// cast that hides nothing), and eslint-plugin-lit on the client's templates. Rules that only
// argue about style, or that misread Fastify's and Lit's conventions, are turned off below with
// the reason.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

// Node's globals, for the few plain JavaScript files (the client build, the load probe).
const nodeGlobals = { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' };

/** The import rule of the contract's files at one depth: `leavesContract` matches a relative path out of it. */
function contractImports(files, leavesContract) {
  const message = 'The contract imports only @sinclair/typebox and files inside server/contract/.';
  const patterns = [{ regex: '^(?!@sinclair/typebox$|\\.{1,2}/)', message }, { regex: leavesContract, message }];
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default defineConfig(
  // bin/*.d.mts only declare the types of the plain-JavaScript entry files beside them.
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-output/', 'migrations/', 'reports/', 'bin/*.d.mts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The project service follows tsconfig.json's references, so each file is typed by its
        // own config (server: Node, client: DOM) exactly as `npm run typecheck` types it.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Fastify plugins and route handlers are `async` by convention even when nothing is
      // awaited: Fastify then takes the returned value as the reply and catches what is thrown.
      '@typescript-eslint/require-await': 'off',
      // tsc already reports unused names (noUnusedLocals, noUnusedParameters): one report is enough.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['client/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-value-attribute': 'error',
      'lit/no-useless-template-literals': 'error',
      // Lit calls a template's `@event=${this.method}` listener with `this` bound to the element.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The contract is the only server code the browser may load (see also
    // test/server/contract/boundary.test.ts): an editor shows the mistake as it is typed.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/(?!contract/)', message: 'The client imports only server/contract/: move the shape or rule there.' }] }],
    },
  },
  // The contract imports neither Node, Fastify, the DOM nor the rest of the server: TypeBox
  // schemas and plain rules only (TypeBox's compiler is the server's business).
  contractImports('server/contract/*.ts', '^(\\.\\./){1}'),
  contractImports('server/contract/*/*.ts', '^(\\.\\./){2}'),
  contractImports('server/contract/*/*/*.ts', '^(\\.\\./){3}'),
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read `res.json()` and socket frames as `any` and assert on them with expect():
      // a wrong shape fails the assertion, so typing every reply would add nothing.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes destructure methods from the objects they build, and fake transports reject with
      // the plain failure objects the real ones produce.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // Plain JavaScript has no types to lint with.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
);

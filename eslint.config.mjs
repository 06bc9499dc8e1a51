// ESLint 10 flat config. `npm run lint` runs it (with dependency-cruiser for the arrows of
// src/, .dependency-cruiser.cjs); it must be clean, and `npm test` runs it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'policy-bundle/', '.tools/'] },
  {
    // The sources: typescript-eslint's type-checked recommended rules.
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names mark a binding kept on purpose (a signature's parameter, a skipped element).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The command's entry and the build, benchmark and mutation scripts: plain JavaScript on Node.
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);

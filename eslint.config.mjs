// ESLint with typescript-eslint's type-checked rules (typescript-eslint.io/getting-started/typed-linting)
// over every TypeScript file; layout is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'tab/dist/**',
      'coverage/**',
      'appPackage/build/**',
      '.data/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.mts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Ports' I/O methods return Promises even over synchronous SQLite or memory, so a remote adapter
      // fits without changing callers: an `async` method without `await` is the design, not a slip.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks what a destructuring leaves out on purpose (`const { id: _id, ...rest } = r`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read JSON answers as a person would see them, untyped on purpose, and hand jest bound methods.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);

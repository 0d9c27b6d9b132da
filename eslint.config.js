import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'coverage/', 'data/', 'schema/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no I/O, nothing from storage, server, documents, CLI or web.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/**', '**/server/**', '**/services/**', '**/documents/**', '**/cli/**', '**/web/**'], message: 'Domain code must not depend on outer layers.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'net', 'os'], message: 'Domain code does no I/O.' },
          ],
        },
      ],
    },
  },
);

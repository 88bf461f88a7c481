import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworkImports = [
  { name: 'botbuilder', message: 'src/domain stays pure: no Bot Framework here.' },
  { name: 'botbuilder-core', message: 'src/domain stays pure: no Bot Framework here.' },
  { name: 'botbuilder-dialogs', message: 'src/domain stays pure: no Bot Framework here.' },
  { name: 'restify', message: 'src/domain stays pure: no HTTP server here.' },
  { name: 'lowdb', message: 'src/domain stays pure: no storage here.' },
  { name: 'lowdb/node', message: 'src/domain stays pure: no storage here.' },
  { name: 'fs', message: 'src/domain stays pure: no file system here.' },
  { name: 'node:fs', message: 'src/domain stays pure: no file system here.' },
  { name: 'fs/promises', message: 'src/domain stays pure: no file system here.' },
  { name: 'node:fs/promises', message: 'src/domain stays pure: no file system here.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/store/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: frameworkImports,
        patterns: [{ group: ['botbuilder*', 'botframework*', 'restify*', 'lowdb*'], message: 'src/domain stays pure.' }],
      }],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['botbuilder*', 'botframework*'], message: 'Storage speaks our own port (key-value-store.ts): no Bot Framework here.' }],
      }],
    },
  },
  {
    files: ['src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['botbuilder*'], message: 'Card renderers never import botbuilder.' }],
      }],
    },
  },
);

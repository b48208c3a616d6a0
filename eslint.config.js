// ESLint: typescript-eslint, lit and web-component rules, plus the layer rule of design.md:
// src/core and src/workflow stay free of lit, components and DOM globals.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'customElements', 'HTMLElement', 'Element', 'Node', 'indexedDB'];

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/', 'storybook-static/', 'node_modules/', 'coverage/', 'test/bench/.out/', '.data/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'wc/guard-super-call': 'off',
    },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/workflow/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'src/core and src/workflow are pure: no Lit.' },
            { group: ['**/components/**', '../components/*', '../../components/*'], message: 'Imports only point down: core and workflow never import components.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'src/core and src/workflow must run without a DOM.' }))],
    },
  },
  {
    // One home for time: dates are read in Asia/Shanghai by src/core/kernel/time.ts, never in the
    // machine's zone and never with a fixed offset written elsewhere.
    files: ['src/**/*.ts'],
    ignores: ['src/core/kernel/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='getTimezoneOffset']", message: "Dates are read in Asia/Shanghai, not the machine's zone: use src/core/kernel/time.ts." },
        { selector: 'Literal[value=/^[+-](?!00:?00$)\\d{2}:?\\d{2}$/]', message: 'A fixed UTC offset lives in src/core/kernel/time.ts (SHANGHAI_OFFSET, SHANGHAI_OFFSET_MINUTES).' },
        { selector: 'Literal[value=480], Literal[value=28800], Literal[value=28800000]', message: 'The UTC+8 offset lives in src/core/kernel/time.ts (SHANGHAI_OFFSET_MINUTES).' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', '.scripts/**/*.mjs', '*.js', '*.mjs', '.storybook/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

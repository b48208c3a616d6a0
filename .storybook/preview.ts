import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Written by `npm run analyze` (run before storybook and build-storybook).
import manifest from '../dist/custom-elements.json';
// Element docs pages end with the provenance of the shipped facts they show (issue 14).
import { DocsPageWithProvenance } from './docs-page.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Interface language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'zh-CN');
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    docs: { page: DocsPageWithProvenance },
    a11y: { test: 'error' },
  },
};
export default preview;

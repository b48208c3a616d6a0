// wuye-kit/react: React components for every element, made with @lit/react and generated from
// the Custom Elements Manifest (.scripts/react-wrappers.mjs → elements.ts). Each
// wrapper sets the element's properties (objects and arrays too, which React would otherwise
// turn into attributes) and maps each `wy-*` event to an `onWy…` prop. Importing this module
// registers the elements it wraps. Needs react (16.8+) and @lit/react in the host app.
//
//   import { WySchemaForm } from 'wuye-kit/react';
//   <WySchemaForm schema={schema} uiSchema={ui} onWySubmit={(e) => save(e.detail.value)} />
export * from './elements.js';

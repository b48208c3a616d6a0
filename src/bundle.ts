// The self-registering bundle for a plain `<script type="module" src=".../wuye-kit.bundle.js">`
// page: lit included, every element defined, every public export available.
import './define.js';

export * from './index.js';

export { default } from './pages/complaint-form.bench.mjs';

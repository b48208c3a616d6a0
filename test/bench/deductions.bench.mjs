// computeDeductions over 100,000 complaints with the shipped default rules (every line explained),
// target under 100 ms in Node; beside it a straightforward loop computing only the totals (no
// explanation, floating point), to show what the explanation and the integer arithmetic cost.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { computeDeductions, compileDeductionRules } from '../../src/core/deductions/index.ts';
import { row, sample, median } from './harness.mjs';
import { bundlePage, inBrowser } from './browser.mjs';

const N = 100_000;
const TARGET_MS = 100;

export default async function bench() {
  const rules = JSON.parse(readFileSync('schemas/deduction-rules.default.json', 'utf8'));
  const examples = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8'));
  const offices = ['SZ-HY', 'SZ-LJ', 'SZ-BH', 'SZ-XL', 'GZ-TH', 'GZ-ZJ', 'SH-PD', 'SH-XH', 'BJ-CY', 'BJ-HD', 'CD-GX', 'WH-GG'];
  // Distinct objects spread over a quarter and twelve offices, the examples' mix of facts.
  const complaints = Array.from({ length: N }, (_, i) => {
    const c = structuredClone(examples[i % examples.length]);
    c.recordNo = `B-${i}`;
    c.officeId = offices[i % offices.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = ['07', '08', '09'][i % 3];
    c.receivedAt = `2026-${month}-${day}T09:00:00+08:00`;
    return c;
  });
  const compiled = compileDeductionRules(rules);
  const options = { period: '2026-Q3' };
  let result;
  const samples = sample(() => (result = computeDeductions(complaints, compiled, options)), { iterations: 15, warmup: 3 });
  const full = median(samples);
  const lines = result.groups.reduce((s, g) => s + g.complaints.reduce((t, c) => t + c.lines.length, 0), 0);

  // The naive loop: totals only, floats, no explanation, rules looked up by scanning arrays.
  const naive = () => {
    const totals = new Map();
    for (const c of complaints) {
      if (c.kind !== 'complaint' || c.validity !== 'valid') continue;
      const b = rules.base.find((x) => x.category === c.category && x.severity === c.severity);
      let p = b.points;
      if (c.repeat) p += b.points * 0.5;
      if (c.escalatedToHq) p += 2;
      if (c.externalBody === 'media') p += 5;
      else if (c.externalBody) p += 3;
      if (c.deadline && c.reply && Date.parse(c.reply.at) > Date.parse(c.deadline)) p += 1;
      if (!c.returnVisit && (c.reply || c.closedAt)) p += 0.5;
      if (c.returnVisit?.satisfaction === 'dissatisfied') p += 1;
      totals.set(c.officeId, (totals.get(c.officeId) ?? 0) + Math.round(p * 10) / 10);
    }
    return totals;
  };
  const loop = median(sample(naive, { iterations: 15, warmup: 3 }));
  // The element in headless Chromium: 100,000 records → first render (compute + table), median of 5 page loads.
  const page = await bundlePage('deduction-calculator', 'test/bench/pages/deduction-calculator.page.ts');
  const renders = [];
  for (let i = 0; i < 5; i++) {
    renders.push(await inBrowser(`${page}?n=${N}`, async () => {
      while (!document.body.dataset['ready']) await new Promise((r) => setTimeout(r, 20));
      return window.__renderMs;
    }));
  }
  renders.sort((a, b) => a - b);

  // The element's entry, min+gzip, lit excluded: what a page loads up front (the entry and the
  // chunks it imports statically), and each part it loads on demand (deduction-calculator.parts.ts)
  // with the chunks only that part needs. Budget (design.md, issue 16): one element under 25 KB.
  const split = await build({
    entryPoints: ['src/components/deduction-calculator/deduction-calculator.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: 'test/bench/.out/deduction-size',
    write: false,
    metafile: true,
    external: ['lit', 'lit/*', '@lit/*'],
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const gz = (f) => gzipSync(f.contents, { level: 9 }).length / 1024;
  const outputs = Object.entries(split.metafile.outputs);
  const kb = (name) => gz(split.outputFiles.find((f) => f.path.endsWith(`/${name.split('/').pop()}`)));
  const staticClosure = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const imp of split.metafile.outputs[name].imports) if (imp.kind === 'import-statement' && !imp.external) staticClosure(imp.path, seen);
    return seen;
  };
  const entryName = outputs.find(([, o]) => o.entryPoint?.endsWith('deduction-calculator.ts'))[0];
  const upfrontFiles = staticClosure(entryName);
  const upfrontKb = [...upfrontFiles].reduce((s, f) => s + kb(f), 0);
  const onDemand = outputs
    .filter(([name, o]) => o.entryPoint && name !== entryName)
    .map(([name, o]) => {
      const own = [...staticClosure(name)].filter((f) => !upfrontFiles.has(f));
      return { part: o.entryPoint.split('/').pop().replace(/\.ts$/, ''), kb: own.reduce((s, f) => s + kb(f), 0) };
    })
    .sort((a, b) => b.kb - a.kb);
  const lazyKb = outputs.filter(([name]) => !upfrontFiles.has(name)).reduce((s, [name]) => s + kb(name), 0);
  return [
    row('deductions 100k × default rules', 'computeDeductions (explained)', full, 'ms', `median; target < ${TARGET_MS} ms: ${full < TARGET_MS ? 'met' : 'MISSED'} (${(full / TARGET_MS).toFixed(2)}× target); fastest ${samples[0].toFixed(1)} ms; ${lines.toLocaleString('en-US')} lines`),
    row('deductions 100k × default rules', 'naive loop, totals only', loop, 'ms', `floats, no explanation; computeDeductions = ${(full / loop).toFixed(2)}× this`),
    row('deductions 100k × default rules', '<wy-deduction-calculator> first render, Chromium', median(renders), 'ms', 'compute + 12-office table, median of 5 page loads'),
    row('size, min+gzip, lit excluded', '<wy-deduction-calculator> entry (loaded up front)', upfrontKb, 'KB', `budget 25 KB: ${upfrontKb < 25 ? 'met' : 'MISSED'} (${(upfrontKb / 25).toFixed(2)}×)`),
    row('size, min+gzip, lit excluded', '<wy-deduction-calculator> parts loaded on demand', lazyKb, 'KB', `each with what it alone needs: ${onDemand.map((p) => `${p.part} ${p.kb.toFixed(1)}`).join(', ')}`),
  ];
}

import { build } from 'esbuild';
import { resolve } from 'node:path';
const entry = process.argv[2];
const r = await build({ entryPoints:[entry], bundle:true, minify:true, splitting:true, format:'esm', outdir:'/tmp/intake/out', write:false, metafile:true,
  external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'idb', 'write-excel-file', 'write-excel-file/*'], logLevel:'silent'});
const outputs = Object.entries(r.metafile.outputs).map(([k,v])=>[resolve(k),v]);
const meta = new Map(outputs);
const main = outputs.find(([,v])=>v.entryPoint && resolve(v.entryPoint)===resolve(entry))[0];
const eager=new Set(); const walk=f=>{ if(eager.has(f))return; eager.add(f); for(const i of meta.get(f)?.imports??[]) if(i.kind==='import-statement'&&!i.external) walk(resolve(i.path));}; walk(main);
const by = new Map();
for (const f of eager) for (const [inp, v] of Object.entries(meta.get(f).inputs)) by.set(inp, (by.get(inp)??0)+v.bytesInOutput);
const tot=[...by.values()].reduce((a,b)=>a+b,0);
console.log('eager minified bytes', tot);
const n = Number(process.argv[3]??40);
for (const [k,v] of [...by].sort((a,b)=>b[1]-a[1]).slice(0,n)) console.log(String(v).padStart(8), k);

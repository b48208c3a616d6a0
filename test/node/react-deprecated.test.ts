// React wrappers keep a renamed event's 0.1 prop until 0.3 (README "Renamed in 0.2"): the prop
// still listens (the element fires the old name after the new one), and TypeScript marks it
// deprecated where a host writes it, pointing at the new prop. Checked with TypeScript's
// language service on a host file, as an editor sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const file = join(root, 'test', 'node', '__host-react.tsx');
const source = `import { WyDefectChecklist, WyComplaintForm } from '../../src/react/elements.js';
export const a = <WyDefectChecklist onWyItemClose={(e) => console.log(e.detail.item.id)} onWyOwnerDecision={() => undefined} onWyDefectClose={() => undefined} />;
export const b = <WyComplaintForm onWyComplaintSaved={(e) => console.log(e.detail)} onWyComplaintSaveFailed={() => undefined} onWyComplaintSave={() => undefined} />;
`;

test('a renamed event keeps its old prop, typed with the event, and TypeScript flags it deprecated with the new name', () => {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => (f === file ? ts.ScriptSnapshot.fromString(source) : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => ({ ...parsed.options, jsx: ts.JsxEmit.ReactJSX, noEmit: true }),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: (f) => (f === file ? source : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const ls = ts.createLanguageService(host);
  const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n');
  assert.deepEqual(ls.getSemanticDiagnostics(file).map(text), [], 'the old props type-check (e.detail is the new event\'s detail)');
  const deprecated = ls.getSuggestionDiagnostics(file).filter((d) => d.reportsDeprecated).map(text).sort();
  assert.deepEqual(deprecated, ["'onWyComplaintSaveFailed' is deprecated.", "'onWyComplaintSaved' is deprecated.", "'onWyItemClose' is deprecated.", "'onWyOwnerDecision' is deprecated."]);
  // The note says what to use instead (shown on hover).
  const react = readFileSync('src/react/elements.ts', 'utf8');
  assert.match(react, /@deprecated Deprecated since 0\.2 \(removed in 0\.3\): fired after `wy-defect-close`, same `detail`\. Use `onWyDefectClose`\. \*\/\n {4}onWyItemClose: 'wy-item-close'/);
});

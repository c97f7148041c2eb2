// Every Monaco module the app uses, gathered so they build into one lazy chunk. Import it only
// through monacoLoader.ts: Monaco reads its UI language when these modules evaluate, so the Spanish
// messages must be installed before this file is imported. Never import 'monaco-editor' itself or
// languages/register.all: they bring every language service. TypeScript's (typescriptService.ts)
// loads, with its worker, only when a TypeScript model opens.
import * as monaco from 'monaco-editor/editor';
// Editor features for reading code (monaco-editor/features/register.all would add ~60, most of
// them for editing). Icons for the find widget and folding come from the codicon font.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
// Invisible and look-alike characters are what a reviewer of model-written code must not miss.
import 'monaco-editor/features/unicodeHighlighter/register';
// F7 / Shift+F7 and the accessible diff viewer.
import 'monaco-editor/features/diffEditor/register';
// Syntax highlighting only (Monarch tokenizers, loaded on first use); no language services.
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/cpp/register';

// The plain editor worker (diff computation, word ranges). Served by the app, never a CDN.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// TypeScript's language service (about 12 MB), constructed only for a TypeScript model.
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';

globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' ? new TypeScriptWorker({ name: 'monaco-typescript' }) : new EditorWorker({ name: 'monaco-editor' })),
};

// The first TypeScript model starts TypeScript's language service (diagnostics), never sooner.
let typescript: Promise<unknown> | undefined;
const startTypeScript = (model: monaco.editor.ITextModel) => {
  if (model.getLanguageId() === 'typescript') typescript ??= import('./typescriptService.js');
};
monaco.editor.onDidCreateModel(startTypeScript);
monaco.editor.onDidChangeModelLanguage((e) => startTypeScript(e.model));

export { monaco };

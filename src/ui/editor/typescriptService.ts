// Monaco's TypeScript language service, started when the first TypeScript model opens (monacoSetup.ts
// imports this module then, never before): a JavaScript task never loads it. TypeScript's
// diagnostics show in the viewer and the editor; a type error is not a test failure (the sandbox
// strips types), but a trainer should see it. The language service runs in its own worker (about
// 7 MB), fetched from the app's files on first use.
//
// The registration module sets the mode up when a language is first requested; by the time this
// module loads, TypeScript already was (the model that made us load), so the mode is set up here,
// once. Its JavaScript listener may still fire later: JavaScript is given nothing to do.
import { javascriptDefaults, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
// @ts-expect-error -- an internal module of monaco-editor without type declarations
import { setupTypeScript } from 'monaco-editor/languages/features/typescript/tsMode';

// Every solution is its own module (moduleDetection: force), so two solutions defining the same
// function are not "duplicate implementations" in one global script; strict, as models are judged.
typescriptDefaults.setCompilerOptions({ target: 99, allowNonTsExtensions: true, strict: true, noEmit: true, moduleDetection: 3 } as Parameters<typeof typescriptDefaults.setCompilerOptions>[0]);
javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
javascriptDefaults.setModeConfiguration({});

(setupTypeScript as (defaults: typeof typescriptDefaults) => void)(typescriptDefaults);

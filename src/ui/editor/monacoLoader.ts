// Loads Monaco on first need, once, from the app's own files: never part of the first-load bundle
// (only dynamic imports here). Monaco's own UI language is fixed when it loads, so the app asks
// monacoLoadedLocale() and reloads the page if the user switches language afterwards.
import type { Language, Locale } from '../../domain/task.js';

/** The Monaco API: `monaco.editor`, `monaco.languages`, `monaco.Uri`… */
export type Monaco = typeof import('monaco-editor/editor');
/** The languages Monaco highlights for Veredicto: every solution language, under the same id. */
export type CodeLanguage = Language;

let loading: Promise<Monaco> | undefined;
let loaded: Monaco | undefined;
let loadLocale: Locale | undefined;

/**
 * Monaco with its UI in `locale`, Python and JavaScript highlighting and its editor worker. The
 * first call decides the UI language; later calls get the same instance whatever they ask for.
 * A failed load (say, a chunk that could not be fetched) may be retried by calling again.
 */
export function loadMonaco(locale: Locale): Promise<Monaco> {
  if (!loading) {
    loadLocale = locale;
    loading = load(locale).then(
      (monaco) => (loaded = monaco),
      (error: unknown) => {
        loading = undefined;
        loadLocale = undefined;
        throw error;
      },
    );
  }
  return loading;
}

/**
 * The locale Monaco's UI was fixed to, as soon as loading has started; undefined before that.
 * If it differs from the page's locale, only a page reload gives Monaco the new language.
 */
export function monacoLoadedLocale(): Locale | undefined {
  return loadLocale;
}

/** Monaco, if it has finished loading: lets a remounted view skip its placeholder. */
export function loadedMonaco(): Monaco | undefined {
  return loaded;
}

async function load(locale: Locale): Promise<Monaco> {
  // Must run before any Monaco module evaluates: they read the messages as they load.
  if (locale === 'es-CL') await import('monaco-editor/nls/lang/es');
  const { monaco } = await import('./monacoSetup.js');
  followColorScheme(monaco);
  return monaco;
}

/** Monaco's theme is global: light or dark with the page (app.css uses `color-scheme: light dark`). */
function followColorScheme(monaco: Monaco): void {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const apply = () => monaco.editor.setTheme(media?.matches ? 'vs-dark' : 'vs');
  apply();
  media?.addEventListener('change', apply);
}

/** The page's locale as locale.ts set it on <html lang>. */
function pageLocale(): Locale {
  return typeof document !== 'undefined' && document.documentElement.lang === 'es-CL' ? 'es-CL' : 'en';
}

/**
 * `code` highlighted as HTML by monaco.editor.colorize (spans with Monaco's token classes, one
 * `<br/>` per line), loading Monaco if needed. Insert it only through colorizedFragment()
 * (src/ui/markdown.ts), which rebuilds it from spans and text.
 */
export async function colorize(code: string, language: CodeLanguage, locale: Locale = pageLocale()): Promise<string> {
  const monaco = await loadMonaco(locale);
  return monaco.editor.colorize(code, language, { tabSize: 4 });
}

// The languages a solution may be written in: the one list, and the few facts about each that
// more than one layer needs (how Markdown fences and datasets name it, which token family its
// mutants use). Everything else that varies by language is a Record<Language, …> beside the code
// that uses it, so adding an id here makes the type checker list every place left to fill in.

export const LANGUAGES = ['python', 'javascript', 'typescript', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (x: unknown): x is Language => (LANGUAGES as readonly unknown[]).includes(x);

type LanguageFacts = {
  /** Markdown fence info strings (```ts) that mean this language, the id first. */
  fences: readonly string[];
  /** Token family for mutants and editors: Python's, or the C family's braces and operators. */
  family: 'python' | 'c';
  /** How MultiPL-E names it in a row's `language` field, if MultiPL-E has it. */
  multiple?: string;
  /** The task_id prefix of HumanEval-X rows in this language, if HumanEval-X has it. */
  humanevalX?: string;
};

export const LANGUAGE_FACTS: Record<Language, LanguageFacts> = {
  python: { fences: ['python', 'py', 'python3', 'py3', 'pycon', 'ipython', 'sage'], family: 'python', multiple: 'py', humanevalX: 'Python' },
  javascript: { fences: ['javascript', 'js', 'node', 'nodejs', 'mjs', 'cjs', 'jsx', 'ecmascript', 'es6'], family: 'c', multiple: 'js', humanevalX: 'JavaScript' },
  // HumanEval-X has no TypeScript; the same shape with a `TypeScript/` prefix reads as TypeScript.
  typescript: { fences: ['typescript', 'ts', 'mts', 'cts'], family: 'c', multiple: 'ts', humanevalX: 'TypeScript' },
  cpp: { fences: ['cpp', 'c++', 'cxx', 'cc', 'hpp'], family: 'c', multiple: 'cpp', humanevalX: 'CPP' },
};

/** The language a Markdown fence's info string names, if it names one. */
export function languageOfFence(info: string): Language | undefined {
  const name = info.trim().toLowerCase();
  return LANGUAGES.find((l) => LANGUAGE_FACTS[l].fences.includes(name));
}

/** An object with one optional field per language (a code test's code, a per-language entry point). */
export function perLanguageKeys<T>(value: T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, value])) as Record<Language, T>;
}

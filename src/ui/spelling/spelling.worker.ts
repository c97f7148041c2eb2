// Spelling off the main thread: nspell (Hunspell-compatible) with the bundled es and en
// dictionaries (dictionary-es, dictionary-en: no network, they ship inside this worker's bundle).
// Building a dictionary takes seconds, so each is built once, on its first request. Receives
// {id, locale, words} and answers {id, misspelled: [{word, suggestions}]}; nothing else.
import nspell from 'nspell';
import affEn from '../../../node_modules/dictionary-en/index.aff?raw';
import dicEn from '../../../node_modules/dictionary-en/index.dic?raw';
import affEs from '../../../node_modules/dictionary-es/index.aff?raw';
import dicEs from '../../../node_modules/dictionary-es/index.dic?raw';

type Request = { id: number; locale: 'en' | 'es-CL'; words: string[] };
type Checker = { correct(word: string): boolean; suggest(word: string): string[] };

const checkers = new Map<string, Checker>();
const checker = (locale: Request['locale']): Checker => {
  let c = checkers.get(locale);
  if (!c) {
    c = (locale === 'es-CL' ? nspell(affEs, dicEs) : nspell(affEn, dicEn)) as Checker;
    checkers.set(locale, c);
  }
  return c;
};

self.onmessage = (e: MessageEvent<Request>) => {
  const { id, locale, words } = e.data ?? {};
  if (typeof id !== 'number' || (locale !== 'en' && locale !== 'es-CL') || !Array.isArray(words)) return;
  const c = checker(locale);
  const misspelled = [...new Set(words.filter((w): w is string => typeof w === 'string').slice(0, 2000))]
    .filter((w) => !c.correct(w) && !c.correct(w.toLowerCase()))
    .map((word) => ({ word, suggestions: c.suggest(word).slice(0, 3) }));
  self.postMessage({ id, misspelled });
};

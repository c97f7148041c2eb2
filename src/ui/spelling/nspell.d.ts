// nspell ships no types: the two methods the spelling worker uses.
declare module 'nspell' {
  function nspell(aff: string, dic?: string): { correct(word: string): boolean; suggest(word: string): string[] };
  export default nspell;
}

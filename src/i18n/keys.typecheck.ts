// Type-level checks of the typed translation keys (keys.d.ts), run by the type check and never
// imported: every line after a @ts-expect-error must fail to type-check, or the type check fails.
import type { TFunction } from 'i18next';
import type { Verdict } from '../domain/verdict.js';

declare const t: TFunction;
declare const verdict: Verdict;
declare const anything: string;

export const checks = [
  t('nav.tasks'),
  t(`verdict.${verdict}`),
  t('guardrail.unranked', { ns: 'judging' }),
  // @ts-expect-error: no locale has this key
  t('a.missing.key'),
  // @ts-expect-error: a judging key, looked up in the default namespace
  t('guardrail.unranked'),
  // @ts-expect-error: a key built from any string is not checked, so it is refused (use render)
  t(`verdict.${anything}`),
];

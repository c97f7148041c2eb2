// i18next set-up shared by the CLI and the browser. Resources are passed in (the CLI reads the
// JSON files, the browser imports them), so this file works in both. English is the type of keys.
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import type { Locale } from '../domain/task.js';
import type { Message } from '../domain/verdict.js';

export const NAMESPACES = ['common', 'errors', 'cli', 'judging', 'judgement', 'editor', 'practice', 'authoring', 'team'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export async function createI18n(resources: Resource, locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: locale,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/** Picks the supported locale for a system locale string such as "es_CL.UTF-8" or "es-AR". */
export function localeFrom(value: string | undefined): Locale {
  return value && /^es\b|^es[-_]/i.test(value) ? 'es-CL' : 'en';
}

/** Any `t`, whatever namespaces its hook was given: the helpers below name the namespace themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TFunction is invariant in its namespaces
export type AnyT = TFunction<any, any>;

/**
 * A message whose key is known only at run time (from the domain, a file's problem, the sandbox),
 * in namespace `ns`. The one place a key is not checked against the English locale by the type
 * checker: test/locales.test.ts checks the keys the engine uses instead.
 */
export function render(t: AnyT, m: Message, ns: Namespace = 'errors'): string {
  return (t as unknown as (key: string, options: object) => string)(m.key, { ns, ...m.params });
}

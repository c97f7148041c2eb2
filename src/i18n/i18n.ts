// i18next set-up shared by the CLI and the browser. Resources are passed in (the CLI reads the
// JSON files, the browser imports them), so this file works in both. English is the type of keys.
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import type { Locale } from '../domain/task.js';
import type { Message } from '../domain/verdict.js';
import { formatValue } from './format.js';

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
    // Every value passes through the formatter, so a number in any sentence reads as the locale
    // writes it (see numbersAsWritten).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  numbersAsWritten(instance);
  return instance;
}

/** Parameters that are identifiers or data, never a quantity: shown exactly as given. */
const VERBATIM = new Set(['id', 'taskId', 'version']);

/**
 * A number interpolated without a format of its own ({{count}}, {{bytes}}, {{size}}) is written
 * as its locale writes it: es-CL "65.536 bytes", "19,1 MB". Values from the data (expected and
 * actual values, limits from a schema) reach sentences as strings already, and stay as they are.
 */
function numbersAsWritten(instance: i18n): void {
  const interpolator = instance.services.interpolator as unknown as { format: (value: unknown, format: string | undefined, lng: string, options: { interpolationkey?: string }) => unknown };
  const base = interpolator.format.bind(interpolator);
  interpolator.format = (value, format, lng, options) =>
    format === undefined && typeof value === 'number' && Number.isFinite(value) && !VERBATIM.has(options?.interpolationkey ?? '') && lng && lng !== 'cimode'
      ? formatValue(lng, value)
      : base(value, format, lng, options);
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

// The translations the browser bundles, one chunk per locale (src/ui/locales/): the first load
// brings only the language the page opens in; switching loads the other one first. Both chunks are
// part of the build, so the service worker keeps them and switching works offline.
import type { i18n, Resource, ResourceLanguage } from 'i18next';
import { LOCALES, type Locale } from '../domain/task.js';

const LOADERS: Record<Locale, () => Promise<{ resources: ResourceLanguage }>> = {
  en: () => import('./locales/en.js'),
  'es-CL': () => import('./locales/es-CL.js'),
};

/** One locale's namespaces, as createI18n takes them. */
export async function loadResources(locale: Locale): Promise<Resource> {
  return { [locale]: (await LOADERS[locale]()).resources };
}

/** Every locale's namespaces (tests, and anything that renders in both languages). */
export async function allResources(): Promise<Resource> {
  return Object.assign({}, ...(await Promise.all(LOCALES.map(loadResources)))) as Resource;
}

/** Adds `locale`'s namespaces to a running i18next before it switches to them (a no-op once loaded). */
export async function ensureLocale(instance: i18n, locale: Locale): Promise<void> {
  if (instance.hasResourceBundle(locale, 'common')) return;
  const bundle = (await loadResources(locale))[locale]!;
  for (const [ns, data] of Object.entries(bundle)) instance.addResourceBundle(locale, ns, data, true, true);
}

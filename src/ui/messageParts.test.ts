// A message's values from the data come out as data, the sentence around them as text, in each locale.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import { messageParts } from './messageParts.js';
import { allResources } from './resources.js';

describe('messageParts', () => {
  it('sets the source and values of a failed assert apart from the Spanish sentence', async () => {
    const es = await createI18n(await allResources(), 'es-CL');
    const parts = messageParts(es.t, { key: 'result.assertionCompare', params: { source: 'assert f(1) == 3', op: '==', left: '2', right: '3' } });
    expect(parts).toEqual(['falló la aserción ', { data: 'assert f(1) == 3' }, ': izquierda ', { data: '2' }, ', derecha ', { data: '3' }, ' (', { data: '==' }, ' no se cumple)']);
  });

  it('leaves values as they are: no number formatting, no interpolation inside them', async () => {
    const en = await createI18n(await allResources(), 'en');
    const parts = messageParts(en.t, { key: 'result.assertionValue', params: { source: 'assert g({{x}})', value: '65536' } });
    expect(parts).toEqual(['assertion failed: ', { data: 'assert g({{x}})' }, ': the value was ', { data: '65536' }]);
  });

  it('keeps parameters that are not data in the sentence, formatted as the locale writes numbers', async () => {
    const es = await createI18n(await allResources(), 'es-CL');
    expect(messageParts(es.t, { key: 'result.outputLimit', params: { bytes: 65536 } })).toEqual([expect.stringContaining('65.536')]);
  });
});

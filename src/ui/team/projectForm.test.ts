// The project settings form's reading: defaults, percentages, the decimal comma, empty boxes that
// mean "none", each out-of-range value named with the range the form shows, and the rubric's rules.
import { describe, expect, it } from 'vitest';
import { draftOf, emptyCriterion, emptyDimension, readDraft, type SettingsDraft } from './projectForm.js';

const levels = (p: string) => [1, 2, 3, 4, 5].map((n) => `${p} ${n}`).join('\n');
const draft = (numbers: Partial<SettingsDraft['numbers']> = {}, rest: Partial<SettingsDraft> = {}): SettingsDraft => {
  const d = draftOf();
  return { ...d, ...rest, numbers: { ...d.numbers, ...numbers } };
};

describe('project settings form', () => {
  it('starts from the server’s defaults and reads them back unchanged', () => {
    const d = draftOf();
    expect(d.numbers).toEqual({ overlap: '1', timeLimitMinutes: '', leaseMinutes: '1440', goldShare: '0', reviewRate: '10', minActiveSeconds: '30', goldMinTasks: '5', goldThreshold: '' });
    expect(readDraft(d)).toEqual({ settings: { overlap: 1, timeLimitMinutes: null, leaseMinutes: 1440, goldShare: 0, reviewRate: 0.1, minActiveSeconds: 30, goldMinTasks: 5, goldThreshold: null, rubric: null, dimensions: null }, problems: [] });
  });

  it('shows a project’s own values, shares as percentages', () => {
    const d = draftOf({ goldShare: 0.2, reviewRate: 0.25, goldThreshold: 0.4, timeLimitMinutes: 30, overlap: 3 });
    expect(d.numbers).toMatchObject({ goldShare: '20', reviewRate: '25', goldThreshold: '0.4', timeLimitMinutes: '30', overlap: '3' });
  });

  it('reads a decimal comma and percentages', () => {
    const { settings, problems } = readDraft(draft({ goldThreshold: '0,35', reviewRate: '12,5', goldShare: '5' }));
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ goldThreshold: 0.35, reviewRate: 0.125, goldShare: 0.05 });
  });

  it('names each value out of range with the range the form shows', () => {
    const { problems } = readDraft(draft({ reviewRate: '150', minActiveSeconds: '2.5', goldMinTasks: '', goldThreshold: '-2', overlap: 'x' }));
    expect(problems).toEqual([
      { field: 'overlap', key: 'integer', params: { min: 1, max: 100 } },
      { field: 'reviewRate', key: 'number', params: { min: 0, max: 100 } },
      { field: 'minActiveSeconds', key: 'integer', params: { min: 0, max: 86400 } },
      { field: 'goldMinTasks', key: 'integer', params: { min: 1, max: 1000 } },
      { field: 'goldThreshold', key: 'number', params: { min: -1, max: 1 } },
    ]);
  });

  it('builds a project rubric from the boxes, in one language or both', () => {
    const criteria = [
      { id: 'tests', nameEn: 'Tests', nameEs: 'Pruebas', levelsEn: levels('Level'), levelsEs: `${levels('Nivel')}\n\n` },
      { id: 'style', nameEn: '', nameEs: 'Estilo', levelsEn: '', levelsEs: levels('Estilo') },
    ];
    const { settings, problems } = readDraft(draft({}, { rubricMode: 'project', criteria }));
    expect(problems).toEqual([]);
    expect(settings.rubric).toEqual([
      { id: 'tests', name: { en: 'Tests', 'es-CL': 'Pruebas' }, levels: [1, 2, 3, 4, 5].map((n) => ({ en: `Level ${n}`, 'es-CL': `Nivel ${n}` })) },
      { id: 'style', name: { 'es-CL': 'Estilo' }, levels: [1, 2, 3, 4, 5].map((n) => ({ 'es-CL': `Estilo ${n}` })) },
    ]);
    // And back: the boxes show what was stored.
    expect(draftOf({ rubric: settings.rubric }).criteria).toEqual([
      { id: 'tests', nameEn: 'Tests', nameEs: 'Pruebas', levelsEn: levels('Level'), levelsEs: levels('Nivel') },
      { id: 'style', nameEn: '', nameEs: 'Estilo', levelsEn: '', levelsEs: levels('Estilo') },
    ]);
  });

  it('names the rubric’s problems by criterion', () => {
    const good = { id: 'tests', nameEn: 'Tests', nameEs: '', levelsEn: levels('L'), levelsEs: '' };
    const read = (criteria: SettingsDraft['criteria']) => readDraft(draft({}, { rubricMode: 'project', criteria })).problems;
    expect(read([])).toEqual([{ field: 'rubric', key: 'none', params: {} }]);
    expect(read(Array.from({ length: 11 }, (_, i) => ({ ...good, id: `c${i}` })))).toEqual([{ field: 'rubric', key: 'tooMany', params: { max: 10 } }]);
    expect(read([{ ...good, id: 'Bad id' }])).toEqual([{ field: 'rubric', key: 'id', params: { n: 1 } }]);
    expect(read([good, good])).toEqual([{ field: 'rubric', key: 'duplicateId', params: { n: 2 } }]);
    expect(read([good, { ...good, id: 'x', nameEn: ' ' }])).toEqual([{ field: 'rubric', key: 'name', params: { n: 2 } }]);
    expect(read([{ ...good, levelsEn: 'one\ntwo' }])).toEqual([{ field: 'rubric', key: 'levels', params: { n: 1 } }]);
    // A second language half written is a problem too, not silently dropped.
    expect(read([{ ...good, levelsEs: 'uno' }])).toEqual([{ field: 'rubric', key: 'levels', params: { n: 1 } }]);
    expect(read([emptyCriterion()]).map((p) => p.key)).toEqual(['id', 'name', 'levels']);
  });

  it('reads the project’s dimensions, names each problem by dimension, and shows what was stored', () => {
    const read = (dimensions: SettingsDraft['dimensions']) => readDraft(draft({}, { judging: 'dimensions', dimensions }));
    const r = read([{ id: ' safety ', nameEn: 'Safety', nameEs: 'Seguridad' }, { id: 'tone', nameEn: '', nameEs: 'Tono' }]);
    expect(r.problems).toEqual([]);
    expect(r.settings.dimensions).toEqual([{ id: 'safety', name: { en: 'Safety', 'es-CL': 'Seguridad' } }, { id: 'tone', name: { 'es-CL': 'Tono' } }]);
    expect(draftOf({ dimensions: r.settings.dimensions }).dimensions).toEqual([{ id: 'safety', nameEn: 'Safety', nameEs: 'Seguridad' }, { id: 'tone', nameEn: '', nameEs: 'Tono' }]);
    expect(draftOf({ dimensions: r.settings.dimensions }).judging).toBe('dimensions');
    // The 1–5 rubric sends null, whatever the boxes still hold.
    expect(readDraft(draft({}, { judging: 'rubric', dimensions: [emptyDimension()] })).settings.dimensions).toBeNull();
    const good = { id: 'safety', nameEn: 'Safety', nameEs: '' };
    expect(read([]).problems).toEqual([{ field: 'dimensions', key: 'none', params: {} }]);
    expect(read(Array.from({ length: 13 }, (_, i) => ({ ...good, id: `d${i}` }))).problems).toEqual([{ field: 'dimensions', key: 'tooMany', params: { max: 12 } }]);
    expect(read([good, good]).problems).toEqual([{ field: 'dimensions', key: 'duplicateId', params: { n: 2 } }]);
    expect(read([emptyDimension()]).problems.map((p) => p.key)).toEqual(['id', 'name']);
  });
});

// The admin's project settings form as plain data: what the inputs hold (text, as typed), read into
// the settings the server takes, with each problem tied to its field and a translatable message
// that names the allowed range. The ranges and the rubric's rules are the server's own
// (domain/projectSettings.ts): the form checks them first so the message sits beside the field.
// Pure: no React, no DOM; tested in projectForm.test.ts.
import { MAX_RUBRIC_CRITERIA, projectDimensionsSchema, projectRubricSchema, projectSettingsShape, SETTING_DEFAULTS, SETTING_LIMITS, type NumericSetting } from '../../domain/projectSettings.js';
import { MAX_DIMENSIONS, MAX_SCORE, MIN_SCORE, type Criterion, type TaskDimension } from '../../domain/task.js';

/** Fields shown as percentages hold the fraction × 100. */
const PERCENT: ReadonlySet<NumericSetting> = new Set(['goldShare', 'reviewRate']);
/** Fields an empty box sets to null ("none") instead of being a problem. */
const NULLABLE: ReadonlySet<NumericSetting> = new Set(['timeLimitMinutes', 'goldThreshold']);
export const NUMERIC_FIELDS = ['overlap', 'timeLimitMinutes', 'leaseMinutes', 'goldShare', 'reviewRate', 'minActiveSeconds', 'goldMinTasks', 'goldThreshold'] as const satisfies readonly NumericSetting[];
const LEVELS = MAX_SCORE - MIN_SCORE + 1;

export type CriterionDraft = { id: string; nameEn: string; nameEs: string; levelsEn: string; levelsEs: string };
export type DimensionDraft = { id: string; nameEn: string; nameEs: string };
/** `judging`: "rubric" sends no dimensions (null), "dimensions" sends the list. */
export type SettingsDraft = { numbers: Record<NumericSetting, string>; rubricMode: 'tasks' | 'project'; criteria: CriterionDraft[]; judging: 'rubric' | 'dimensions'; dimensions: DimensionDraft[] };
export type ProjectSettings = { [K in NumericSetting]?: number | null } & { rubric?: Criterion[] | null; dimensions?: TaskDimension[] | null };

export type RubricProblemKey = 'none' | 'tooMany' | 'id' | 'duplicateId' | 'name' | 'levels';
export type DimensionProblemKey = 'none' | 'tooMany' | 'id' | 'duplicateId' | 'name';
export type FormProblem =
  | { field: NumericSetting; key: 'integer' | 'number'; params: { min: number; max: number } }
  | { field: 'rubric'; key: RubricProblemKey; params: { n?: number; max?: number } }
  | { field: 'dimensions'; key: DimensionProblemKey; params: { n?: number; max?: number } };

/** The range as the form shows it (percentages for shares and rates). */
export function shownLimits(field: NumericSetting): { min: number; max: number; integer: boolean } {
  const l = SETTING_LIMITS[field];
  return PERCENT.has(field) ? { min: l.min * 100, max: l.max * 100, integer: false } : { ...l };
}

const shown = (field: NumericSetting, v: number | null | undefined): string => (v === null || v === undefined ? '' : String(PERCENT.has(field) ? Math.round(v * 10000) / 100 : Math.round(v * 1000) / 1000));

export function emptyCriterion(): CriterionDraft {
  return { id: '', nameEn: '', nameEs: '', levelsEn: '', levelsEs: '' };
}

export function criterionDraft(c: Criterion): CriterionDraft {
  const lines = (locale: 'en' | 'es-CL') => (c.levels.every((l) => l[locale]) ? c.levels.map((l) => l[locale]).join('\n') : '');
  return { id: c.id, nameEn: c.name.en ?? '', nameEs: c.name['es-CL'] ?? '', levelsEn: lines('en'), levelsEs: lines('es-CL') };
}

/** The form filled from a project's settings (or, for a new project, the defaults). */
export function draftOf(project: Partial<ProjectSettings> = {}): SettingsDraft {
  const value = (k: NumericSetting) => (project[k] !== undefined ? project[k] : k in SETTING_DEFAULTS ? SETTING_DEFAULTS[k as keyof typeof SETTING_DEFAULTS] : null);
  const numbers = Object.fromEntries(NUMERIC_FIELDS.map((k) => [k, shown(k, value(k))])) as Record<NumericSetting, string>;
  return {
    numbers,
    rubricMode: project.rubric ? 'project' : 'tasks',
    criteria: project.rubric ? project.rubric.map(criterionDraft) : [],
    judging: project.dimensions ? 'dimensions' : 'rubric',
    dimensions: (project.dimensions ?? []).map((d) => ({ id: d.id, nameEn: d.name.en ?? '', nameEs: d.name['es-CL'] ?? '' })),
  };
}

export function emptyDimension(): DimensionDraft {
  return { id: '', nameEn: '', nameEs: '' };
}

/** The project's dimensions, checked by the server's own schema (the task file's rules). */
function readDimensions(d: SettingsDraft, problems: FormProblem[]): TaskDimension[] | null | undefined {
  if (d.judging === 'rubric') return null;
  if (!d.dimensions.length) return void problems.push({ field: 'dimensions', key: 'none', params: {} });
  if (d.dimensions.length > MAX_DIMENSIONS) return void problems.push({ field: 'dimensions', key: 'tooMany', params: { max: MAX_DIMENSIONS } });
  const list = d.dimensions.map((x) => ({ id: x.id.trim(), name: { ...(x.nameEn.trim() ? { en: x.nameEn.trim() } : {}), ...(x.nameEs.trim() ? { 'es-CL': x.nameEs.trim() } : {}) } }));
  const r = projectDimensionsSchema.safeParse(list);
  if (r.success) return r.data;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const [index, part] = issue.path as [number, string];
    const key: DimensionProblemKey = part === 'id' ? (issue.code === 'custom' ? 'duplicateId' : 'id') : 'name';
    if (seen.has(`${index}/${key}`)) continue;
    seen.add(`${index}/${key}`);
    problems.push({ field: 'dimensions', key, params: { n: index + 1 } });
  }
  return undefined;
}

/** Lines of a levels box: blank lines do not count. */
const levelLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function readCriterion(d: CriterionDraft): Criterion {
  const en = levelLines(d.levelsEn);
  const es = levelLines(d.levelsEs);
  const name = { ...(d.nameEn.trim() ? { en: d.nameEn.trim() } : {}), ...(d.nameEs.trim() ? { 'es-CL': d.nameEs.trim() } : {}) };
  // A language with any level written must have all of them; the schema then sees a short list.
  const count = (en.length && en.length !== LEVELS) || (es.length && es.length !== LEVELS) ? 0 : LEVELS;
  const levels = Array.from({ length: count }, (_, i) => ({ ...(en[i] ? { en: en[i] } : {}), ...(es[i] ? { 'es-CL': es[i] } : {}) }));
  return { id: d.id.trim(), name, levels } as Criterion;
}

function readRubric(d: SettingsDraft, problems: FormProblem[]): Criterion[] | null | undefined {
  if (d.rubricMode === 'tasks') return null;
  if (!d.criteria.length) return void problems.push({ field: 'rubric', key: 'none', params: {} });
  if (d.criteria.length > MAX_RUBRIC_CRITERIA) return void problems.push({ field: 'rubric', key: 'tooMany', params: { max: MAX_RUBRIC_CRITERIA } });
  const rubric = d.criteria.map(readCriterion);
  const r = projectRubricSchema.safeParse(rubric);
  if (r.success) return r.data;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const [index, part] = issue.path as [number, string];
    const key: RubricProblemKey = part === 'id' ? (issue.code === 'custom' ? 'duplicateId' : 'id') : part === 'name' ? 'name' : 'levels';
    if (seen.has(`${index}/${key}`)) continue;
    seen.add(`${index}/${key}`);
    problems.push({ field: 'rubric', key, params: { n: index + 1 } });
  }
  return undefined;
}

/**
 * The settings to send, or the problems. Each number is checked against the server's schema for
 * that field; a comma is read as the decimal mark (es-CL writes 0,5).
 */
export function readDraft(d: SettingsDraft): { settings: ProjectSettings; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const settings: ProjectSettings = {};
  for (const field of NUMERIC_FIELDS) {
    const text = d.numbers[field].trim().replace(',', '.');
    if (!text && NULLABLE.has(field)) {
      settings[field] = null;
      continue;
    }
    const typed = text ? Number(text) : Number.NaN;
    const value = PERCENT.has(field) ? Math.round(typed * 100) / 10_000 : typed;
    if (!text || !Number.isFinite(typed) || !projectSettingsShape[field].safeParse(value).success) {
      const l = shownLimits(field);
      problems.push({ field, key: l.integer ? 'integer' : 'number', params: { min: l.min, max: l.max } });
      continue;
    }
    settings[field] = value;
  }
  const rubric = readRubric(d, problems);
  if (rubric !== undefined) settings.rubric = rubric;
  const dimensions = readDimensions(d, problems);
  if (dimensions !== undefined) settings.dimensions = dimensions;
  return { settings, problems };
}

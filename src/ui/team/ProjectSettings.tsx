// The settings of a team project as the admin edits them, on the new-project form and on the
// project's page: trainers per task, time limit, reservation, the gold and review rules, and the
// rubric (each task's own, or one for the tasks without their own), how answers are judged (the 1–5
// rubric, or the project's dimensions with a severity); then new guideline versions and
// more tasks. Values are read and checked by projectForm.ts; each problem is shown beside its
// field, translated, with the allowed range.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DIMENSIONS } from '../../domain/dimensions.js';
import { DEFAULT_CRITERIA } from '../../domain/rubric.js';
import type { AnyT } from '../../i18n/i18n.js';
import { LOCALES } from '../../domain/task.js';
import { ensureLocale } from '../resources.js';
import { api } from '../services/teamApi.js';
import { FilePicker } from '../components/FilePicker.js';
import { TeamErrorNote, useAction } from './TeamError.js';
import { draftOf, emptyCriterion, emptyDimension, NUMERIC_FIELDS, readDraft, shownLimits, type CriterionDraft, type DimensionDraft, type FormProblem, type ProjectSettings, type SettingsDraft } from './projectForm.js';

type NumericField = (typeof NUMERIC_FIELDS)[number];
const LABEL = {
  overlap: 'ui.create.overlap',
  timeLimitMinutes: 'ui.create.timeLimit',
  leaseMinutes: 'ui.settings.leaseMinutes',
  goldShare: 'ui.settings.goldShare',
  reviewRate: 'ui.settings.reviewRate',
  minActiveSeconds: 'ui.settings.minActiveSeconds',
  goldMinTasks: 'ui.settings.goldMinTasks',
  goldThreshold: 'ui.settings.goldThreshold',
} as const satisfies Record<NumericField, string>;

/** The default four criteria with their translated texts in both languages (both loaded), to start a project rubric from. */
function defaultCriteria(i18n: { getFixedT: (lng: string, ns: string) => AnyT }): CriterionDraft[] {
  const en = i18n.getFixedT('en', 'judging');
  const es = i18n.getFixedT('es-CL', 'judging');
  const levels = (t: AnyT, id: string) => [1, 2, 3, 4, 5].map((n) => String(t(`rubric.${id}.levels.${n}`))).join('\n');
  return DEFAULT_CRITERIA.map((id) => ({ id, nameEn: String(en(`rubric.${id}.name`)), nameEs: String(es(`rubric.${id}.name`)), levelsEn: levels(en, id), levelsEs: levels(es, id) }));
}

/** The default five dimensions with their translated names in both languages (both loaded), to start the project's list from. */
function defaultDimensions(i18n: { getFixedT: (lng: string, ns: string) => AnyT }): DimensionDraft[] {
  const en = i18n.getFixedT('en', 'judging');
  const es = i18n.getFixedT('es-CL', 'judging');
  return DEFAULT_DIMENSIONS.map((id) => ({ id, nameEn: String(en(`dimension.${id}`)), nameEs: String(es(`dimension.${id}`)) }));
}

export function SettingsFields({ draft, onChange, problems, idPrefix }: { draft: SettingsDraft; onChange: (d: SettingsDraft) => void; problems: readonly FormProblem[]; idPrefix: string }) {
  const { t, i18n } = useTranslation('team');
  const setNumber = (field: NumericField, value: string) => onChange({ ...draft, numbers: { ...draft.numbers, [field]: value } });
  const setCriterion = (i: number, c: Partial<CriterionDraft>) => onChange({ ...draft, criteria: draft.criteria.map((x, n) => (n === i ? { ...x, ...c } : x)) });
  const rubricProblems = problems.filter((p) => p.field === 'rubric');
  const dimensionProblems = problems.filter((p) => p.field === 'dimensions');
  const setDimension = (i: number, d: Partial<DimensionDraft>) => onChange({ ...draft, dimensions: draft.dimensions.map((x, n) => (n === i ? { ...x, ...d } : x)) });
  return (
    <>
      {NUMERIC_FIELDS.map((field) => {
        const problem = problems.find((p) => p.field === field);
        const l = shownLimits(field);
        const id = `${idPrefix}-${field}`;
        return (
          <div key={field} className="stack" data-setting={field}>
            <label>
              {t(LABEL[field])}
              <input
                name={field}
                type="number"
                min={l.min}
                max={l.max}
                step={l.integer ? 1 : 'any'}
                value={draft.numbers[field]}
                onChange={(e) => setNumber(field, e.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
              />
            </label>
            {problem && (
              <span id={`${id}-problem`} className="field-problem">
                {t(`ui.settings.${problem.key as 'integer' | 'number'}`, problem.params)}
              </span>
            )}
          </div>
        );
      })}
      <fieldset className="stack rubric-settings">
        <legend>{t('ui.settings.rubric')}</legend>
        {(['tasks', 'project'] as const).map((mode) => (
          <label key={mode} className="inline">
            <input type="radio" name={`${idPrefix}-rubricMode`} checked={draft.rubricMode === mode} onChange={() => onChange({ ...draft, rubricMode: mode })} />{' '}
            {t(mode === 'tasks' ? 'ui.settings.rubricTasks' : 'ui.settings.rubricProject')}
          </label>
        ))}
        {draft.rubricMode === 'project' && (
          <>
            {draft.criteria.map((c, i) => (
              <fieldset key={i} className="stack criterion-settings" data-criterion={i + 1}>
                <legend>{t('ui.settings.criterion', { n: i + 1 })}</legend>
                <label>
                  {t('ui.settings.criterionId')}
                  <input value={c.id} maxLength={40} onChange={(e) => setCriterion(i, { id: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.nameEn')}
                  <input value={c.nameEn} lang="en" onChange={(e) => setCriterion(i, { nameEn: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.nameEs')}
                  <input value={c.nameEs} lang="es-CL" onChange={(e) => setCriterion(i, { nameEs: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.levelsEn')}
                  <textarea rows={5} lang="en" value={c.levelsEn} onChange={(e) => setCriterion(i, { levelsEn: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.levelsEs')}
                  <textarea rows={5} lang="es-CL" value={c.levelsEs} onChange={(e) => setCriterion(i, { levelsEs: e.target.value })} />
                </label>
                <button type="button" className="ghost" onClick={() => onChange({ ...draft, criteria: draft.criteria.filter((_, n) => n !== i) })}>
                  {t('ui.settings.removeCriterion', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <p className="row">
              <button type="button" onClick={() => onChange({ ...draft, criteria: [...draft.criteria, emptyCriterion()] })}>
                {t('ui.settings.addCriterion')}
              </button>
              {!draft.criteria.length && (
                <button
                  type="button"
                  onClick={() =>
                    // Both languages' texts go in: the other locale's translations load first.
                    void Promise.all(LOCALES.map((l) => ensureLocale(i18n, l))).then(() => onChange({ ...draft, criteria: defaultCriteria(i18n as never) }))
                  }
                >
                  {t('ui.settings.startDefault')}
                </button>
              )}
            </p>
          </>
        )}
        {rubricProblems.length > 0 && (
          <ul className="field-problem" data-problems="rubric">
            {rubricProblems.map((p, i) => (
              <li key={i}>{t(`ui.settings.rubricError.${p.key as 'none'}`, p.params)}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset className="stack rubric-settings dimension-settings">
        <legend>{t('ui.settings.judging')}</legend>
        {(['rubric', 'dimensions'] as const).map((mode) => (
          <label key={mode} className="inline">
            <input type="radio" name={`${idPrefix}-judging`} checked={draft.judging === mode} onChange={() => onChange({ ...draft, judging: mode })} />{' '}
            {t(mode === 'rubric' ? 'ui.settings.judgingRubric' : 'ui.settings.judgingDimensions')}
          </label>
        ))}
        {draft.judging === 'dimensions' && (
          <>
            {draft.dimensions.map((d, i) => (
              <fieldset key={i} className="stack criterion-settings" data-dimension={i + 1}>
                <legend>{t('ui.settings.dimension', { n: i + 1 })}</legend>
                <label>
                  {t('ui.settings.criterionId')}
                  <input value={d.id} maxLength={40} onChange={(e) => setDimension(i, { id: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.nameEn')}
                  <input value={d.nameEn} lang="en" onChange={(e) => setDimension(i, { nameEn: e.target.value })} />
                </label>
                <label>
                  {t('ui.settings.nameEs')}
                  <input value={d.nameEs} lang="es-CL" onChange={(e) => setDimension(i, { nameEs: e.target.value })} />
                </label>
                <button type="button" className="ghost" onClick={() => onChange({ ...draft, dimensions: draft.dimensions.filter((_, n) => n !== i) })}>
                  {t('ui.settings.removeDimension', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <p className="row">
              <button type="button" onClick={() => onChange({ ...draft, dimensions: [...draft.dimensions, emptyDimension()] })}>
                {t('ui.settings.addDimension')}
              </button>
              {!draft.dimensions.length && (
                <button
                  type="button"
                  onClick={() =>
                    // Both languages' names go in: the other locale's translations load first.
                    void Promise.all(LOCALES.map((l) => ensureLocale(i18n, l))).then(() => onChange({ ...draft, dimensions: defaultDimensions(i18n as never) }))
                  }
                >
                  {t('ui.settings.startDefaultDimensions')}
                </button>
              )}
            </p>
          </>
        )}
        {dimensionProblems.length > 0 && (
          <ul className="field-problem" data-problems="dimensions">
            {dimensionProblems.map((p, i) => (
              <li key={i}>{t(`ui.settings.dimensionsError.${p.key as 'none'}`, p.params)}</li>
            ))}
          </ul>
        )}
      </fieldset>
    </>
  );
}

/** Reads the form; with problems, shows them (and a note at the button) instead of sending. */
export function useSettingsDraft(initial: Partial<ProjectSettings>) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const read = (): ProjectSettings | undefined => {
    const r = readDraft(draft);
    setProblems(r.problems);
    return r.problems.length ? undefined : r.settings;
  };
  return { draft, setDraft, problems, read };
}

/** The project page's settings form, for admins: sends only through PATCH /api/projects/:id. */
export function ProjectSettingsForm({ projectId, project, onSaved }: { projectId: string; project: Partial<ProjectSettings> & { name: string }; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('team');
  const { draft, setDraft, problems, read } = useSettingsDraft(project);
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setSaved(false);
    setError(undefined);
    const settings = read();
    if (!settings) return;
    setBusy(true);
    try {
      await api('PATCH', `/api/projects/${encodeURIComponent(projectId)}`, { name, ...settings });
      setSaved(true);
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="project-settings">
      <details>
        <summary>
          <h2 id="project-settings">{t('ui.settings.heading')}</h2>
        </summary>
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('ui.create.name')}
            <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <SettingsFields draft={draft} onChange={setDraft} problems={problems} idPrefix="settings" />
          {problems.length > 0 && (
            <p className="note error" role="alert">
              {t('ui.settings.invalid')}
            </p>
          )}
          {error !== undefined && <TeamErrorNote error={error} />}
          {saved && (
            <p className="note ok" role="status">
              {t('ui.settings.saved')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('ui.settings.save')}
          </button>
        </form>
      </details>
    </section>
  );
}

export type Guidelines = { version: number; en: string; 'es-CL': string };

/** New guidelines are a new version (PUT …/guidelines): judgements keep the version they were made under. */
export function GuidelinesForm({ projectId, guidelines, onSaved }: { projectId: string; guidelines: Guidelines; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('team');
  const [saved, setSaved] = useState<number | undefined>();
  const { busy, error, onSubmit } = useAction(async (form) => {
    setSaved(undefined);
    const r = await api<{ version: number }>('PUT', `/api/projects/${encodeURIComponent(projectId)}/guidelines`, { en: String(form.get('guidelinesEn') ?? ''), 'es-CL': String(form.get('guidelinesEs') ?? '') });
    setSaved(r.version);
    await onSaved();
  });
  return (
    <section className="card" aria-labelledby="guidelines-edit">
      <details>
        <summary>
          <h2 id="guidelines-edit">{t('ui.settings.guidelines.heading')}</h2> <span className="muted">{t('ui.settings.guidelines.current', { version: guidelines.version })}</span>
        </summary>
        <form className="stack" onSubmit={onSubmit}>
          <label>
            {t('ui.create.guidelinesEn')}
            <textarea name="guidelinesEn" rows={6} lang="en" defaultValue={guidelines.en} />
          </label>
          <label>
            {t('ui.create.guidelinesEs')}
            <textarea name="guidelinesEs" rows={6} lang="es-CL" defaultValue={guidelines['es-CL']} />
          </label>
          {error !== undefined && <TeamErrorNote error={error} />}
          {saved !== undefined && (
            <p className="note ok" role="status">
              {t('ui.settings.guidelines.saved', { version: saved })}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('ui.settings.guidelines.save')}
          </button>
        </form>
      </details>
    </section>
  );
}

/** More tasks from files or datasets (POST …/tasks): all or nothing, every problem listed, like the first import. */
export function AddTasksForm({ projectId, onAdded }: { projectId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation('team');
  const [files, setFiles] = useState<File[]>([]);
  const [added, setAdded] = useState<number | undefined>();
  const { busy, error, onSubmit } = useAction(async () => {
    setAdded(undefined);
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const r = await api<{ added: number }>('POST', `/api/projects/${encodeURIComponent(projectId)}/tasks`, { files: texts });
    setAdded(r.added);
    await onAdded();
  });
  return (
    <section className="card" aria-labelledby="add-tasks">
      <h2 id="add-tasks">{t('ui.settings.addTasks.heading')}</h2>
      <form className="stack" onSubmit={onSubmit}>
        <FilePicker label={t('ui.settings.addTasks.files')} accept=".json,.jsonl" multiple onFiles={setFiles} />
        {files.length > 0 && <p className="muted">{files.map((f) => f.name).join(', ')}</p>}
        {error !== undefined && <TeamErrorNote error={error} />}
        {added !== undefined && (
          <p className="note ok" role="status">
            {t('ui.settings.addTasks.added', { count: added })}
          </p>
        )}
        <button type="submit" disabled={busy || !files.length}>
          {t('ui.settings.addTasks.submit')}
        </button>
      </form>
    </section>
  );
}

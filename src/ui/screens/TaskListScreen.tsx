// The task list: bundled and imported tasks with their status, search and filters, and import of
// task files and datasets by file picker or drag and drop (all or nothing, every problem shown).
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { DIFFICULTIES, LANGUAGES, pickLocale, TASK_ORIGINS, type Locale, type Task } from '../../domain/task.js';
import type { Problem } from '../../formats/taskFile.js';
import { sortEntries } from '../services/catalog.js';
import { importTasks, removeTask } from '../services/workbenchTasks.js';
import { FilePicker } from '../components/FilePicker.js';
import { FilterSelect } from '../components/FilterSelect.js';
import { ProblemList } from '../components/ProblemList.js';
import { answersPath, editTaskPath, followLink, navigate, taskPath } from '../router.js';
import { rememberList } from '../services/listQueue.js';
import { useServices } from '../services/services.js';
import { storageFailureText } from '../services/failureText.js';
import { matchesFilters, NO_FILTERS, type ListFilters as Filters } from '../taskFilters.js';

export function TaskListScreen() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const catalog = useStore(services.catalog);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [imported, setImported] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [keepCanonical, setKeepCanonical] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>();
  const [removal, setRemoval] = useState<{ ok: boolean; text: string } | undefined>();

  const title = (task: Task) => pickLocale(task.title, locale).text;
  const statusOf = (id: string) => catalog.statuses[id] ?? 'new';
  const tags = useMemo(() => [...new Set(catalog.entries.flatMap((e) => e.task.tags))].sort(), [catalog.entries]);
  const entries = sortEntries(catalog.entries, title, locale).filter((e) => matchesFilters(e, filters, statusOf(e.task.id)));
  // "Submit and next" on a task follows this list, as shown.
  const shownIds = JSON.stringify(entries.map((e) => e.task.id));
  useEffect(() => rememberList(JSON.parse(shownIds) as string[]), [shownIds]);

  const importFiles = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    setImported([]);
    try {
      const result = await importTasks(services, files, keepCanonical ? 'add' : 'replace');
      if ('problems' in result) return setProblems(result.problems);
      if ('notSaved' in result)
        return setProblems([{ file: result.fileName, message: { key: 'file.notSaved', params: { file: result.fileName, detail: storageFailureText(t, result.notSaved) } } }]);
      setProblems([]);
      setImported(result.ids);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (taskId: string, name: string) => {
    setConfirmRemove(undefined);
    try {
      await removeTask(services, taskId);
      setRemoval({ ok: true, text: t('list.removed', { title: name }) });
    } catch (e) {
      setRemoval({ ok: false, text: t('list.removeFailed', { title: name, detail: storageFailureText(t, e) }) });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFiles([...e.dataTransfer.files]);
  };

  const set = (k: keyof Filters) => (value: string) => setFilters({ ...filters, [k]: value });

  return (
    <main className="page wide">
      <div className="list-head">
        <h1>{t('list.heading')}</h1>
        <p className="muted">{t('list.summary', { count: catalog.entries.length })}</p>
      </div>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <FilePicker label={t('list.import')} accept=".json,.jsonl,.md,.markdown,application/json,text/markdown" multiple disabled={busy} onFiles={(files) => void importFiles(files)} />
        <span className="muted">{t('list.dropHint')}</span>
        <a className="file-button answers-link" href={answersPath} onClick={followLink}>
          {t('answers.new')}
        </a>
        <label className="inline">
          <input type="checkbox" checked={keepCanonical} onChange={(e) => setKeepCanonical(e.target.checked)} />
          {t('list.keepCanonical')}
        </label>
      </div>
      {problems.length > 0 && <ProblemList heading={t('list.importFailed', { count: problems.length })} problems={problems} />}
      {imported.length > 0 && (
        <p className="note ok" role="status">
          {t('list.imported', { count: imported.length })}
        </p>
      )}
      {removal && (
        <p className={`note ${removal.ok ? 'ok' : 'error'}`} role={removal.ok ? 'status' : 'alert'}>
          {removal.text}
        </p>
      )}
      {catalog.bundledProblems.length > 0 && <ProblemList heading={t('list.bundledProblems')} problems={catalog.bundledProblems} />}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('list.search')}
          <input type="search" value={filters.query} onChange={(e) => set('query')(e.target.value)} />
        </label>
        <FilterSelect label={t('list.solutionsIn')} value={filters.language} onChange={set('language')} options={LANGUAGES.map((l) => [l, t(`language.${l}`)] as const)} />
        <FilterSelect label={t('list.difficulty')} value={filters.difficulty} onChange={set('difficulty')} options={DIFFICULTIES.map((d) => [d, t(`difficulty.${d}`)] as const)} />
        <FilterSelect label={t('list.status')} value={filters.status} onChange={set('status')} options={(['new', 'draft', 'submitted'] as const).map((x) => [x, t(`taskStatus.${x}`)] as const)} />
        <FilterSelect label={t('list.tag')} value={filters.tag} onChange={set('tag')} options={tags.map((x) => [x, x] as const)} />
        <FilterSelect label={t('list.origin')} value={filters.origin} onChange={set('origin')} options={TASK_ORIGINS.map((o) => [o, t(`origin.${o}`)] as const)} />
      </form>

      {entries.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ul className="task-list">
          {entries.map((e) => {
            const status = statusOf(e.task.id);
            const name = pickLocale(e.task.title, locale);
            return (
              <li key={e.task.id} className="task-item">
                <a href={taskPath(e.task.id)} onClick={followLink} lang={name.locale}>
                  {name.text}
                </a>
                <span className="meta">
                  <span className={`badge status-${status}`}>{t(`taskStatus.${status}`)}</span>
                  {[...new Set(e.task.solutions.map((s) => s.language))].map((l) => (
                    <span key={l} className="badge">
                      {t(`language.${l}`)}
                    </span>
                  ))}
                  {e.task.difficulty && <span className="badge">{t(`difficulty.${e.task.difficulty}`)}</span>}
                  <span className="muted">{t('list.solutionCount', { count: e.task.solutions.length })}</span>
                  {e.origin !== 'bundled' && <span className="badge tag">{t(`origin.${e.origin}`)}</span>}
                  {e.task.tags.map((tag) => (
                    <span key={tag} className="badge tag data" translate="no">
                      {tag}
                    </span>
                  ))}
                  <button type="button" className="small ghost" onClick={() => navigate(editTaskPath(e.task.id))} aria-label={t('edit.linkOf', { ns: 'authoring', title: name.text })}>
                    {t('edit.link', { ns: 'authoring' })}
                  </button>
                  {e.origin !== 'bundled' && confirmRemove !== e.task.id && (
                    <button type="button" className="small ghost" onClick={() => setConfirmRemove(e.task.id)} aria-label={t('list.removeOf', { title: name.text })}>
                      {t('list.remove')}
                    </button>
                  )}
                </span>
                {confirmRemove === e.task.id && (
                  <div className="row confirm-remove" role="group" aria-label={t('list.removeOf', { title: name.text })}>
                    <span className="muted">{t(status !== 'new' ? 'list.removeNoteJudged' : e.origin === 'authored' ? 'list.removeNoteAuthored' : 'list.removeNote')}</span>
                    <button type="button" className="small danger" onClick={() => void remove(e.task.id, name.text)}>
                      {t('list.confirmRemove', { title: name.text })}
                    </button>
                    <button type="button" className="small" onClick={() => setConfirmRemove(undefined)}>
                      {t('list.cancel')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

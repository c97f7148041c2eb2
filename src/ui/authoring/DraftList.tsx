// The author's drafts: start a new task, open an existing one as a draft, import task files
// (ids already taken are resolved one by one: rename, replace or skip), export a set of drafts as
// one JSONL file, delete a draft.
import { NoticeBox, type Notice } from '../components/NoticeBox.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { draftStatus, emptyForm, newDraft, type Draft } from '../../domain/draft.js';
import { pickLocale, TASK_ORIGINS, type Locale, type Task } from '../../domain/task.js';
import { planResolutions, type Holder, type IdConflict, type Resolution, type ResolutionProblem } from '../../domain/taskIds.js';
import type { Problem } from '../../formats/taskFile.js';
import { tasksJsonlText, validateForm } from '../../formats/taskDraft.js';
import { formatDate } from '../../i18n/format.js';
import { ProblemList } from '../components/ProblemList.js';
import { draftPath, editTaskPath, followLink, navigate } from '../router.js';
import { useServices } from '../services/services.js';
import { importAsDrafts, startDraftImport } from '../services/draftImport.js';
import { draftStore, listDraftsKept, newDraftId } from '../services/draftStore.js';
import { download } from '../download.js';
import { FilePicker } from '../components/FilePicker.js';
import { IdResolver } from './IdResolver.js';
import { storageFailureText } from '../services/failureText.js';

type PendingImport = { tasks: Task[]; conflicts: IdConflict[]; taken: Map<string, Holder[]>; problems: ResolutionProblem[] };

const stamp = () => new Date().toISOString().slice(0, 10);

export function DraftList() {
  const services = useServices();
  const store = draftStore(services);
  const { t, i18n } = useTranslation('authoring');
  const locale = i18n.language as Locale;
  const catalog = useStore(services.catalog);
  const [drafts, setDrafts] = useState<Draft[] | undefined>();
  const [persistent, setPersistent] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>();
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
  const [pending, setPending] = useState<PendingImport | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [existing, setExisting] = useState('');
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const { drafts: list } = await listDraftsKept(services);
    setDrafts(list);
    setPersistent(await store.persistent());
  }, [store]);
  useEffect(() => void reload(), [reload]);

  const titleOf = (title: Task['title'] | Record<string, string>) => pickLocale(title, locale);
  const rows = useMemo(
    () =>
      (drafts ?? []).map((d) => {
        const v = validateForm(d.form);
        const title = { ...(d.form.title.en.trim() ? { en: d.form.title.en } : {}), ...(d.form.title['es-CL'].trim() ? { 'es-CL': d.form.title['es-CL'] } : {}) };
        return { draft: d, validation: v, title: Object.keys(title).length ? titleOf(title) : undefined, status: draftStatus(d, v.fingerprint) };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [drafts, locale],
  );

  const newTask = async () => {
    const d = newDraft(newDraftId(), emptyForm(), new Date().toISOString());
    await store.save(d);
    navigate(draftPath(d.id));
  };

  const importFiles = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    setNotice(undefined);
    setPending(undefined);
    try {
      const r = await startDraftImport(services, files);
      setFileProblems(r.kind === 'problems' ? r.problems : []);
      if (r.kind === 'conflicts') setPending({ tasks: r.tasks, conflicts: r.conflicts, taken: r.taken, problems: [] });
      else if (r.kind === 'done') await imported(r);
    } catch (e) {
      setNotice({ kind: 'error', text: t('import.notSaved', { detail: storageFailureText(t, e) }) });
    } finally {
      setBusy(false);
    }
  };

  const imported = async ({ written, skipped }: { written: number; skipped: number }) => {
    // The list first, then the notice: "1 task imported" never shows over a list without it.
    await reload();
    setNotice({ kind: 'ok', text: t('import.done', { count: written }), ...(skipped ? { lines: [t('import.skipped', { count: skipped })] } : {}) });
  };

  const resolve = async (choices: Map<number, Resolution>) => {
    if (!pending) return;
    const plan = planResolutions(pending.tasks.map((x) => x.id), pending.conflicts, choices, pending.taken);
    if (!plan.ok) return setPending({ ...pending, problems: plan.problems });
    setPending(undefined);
    try {
      await imported(await importAsDrafts(services, pending.tasks, plan.plan));
    } catch (e) {
      setNotice({ kind: 'error', text: t('import.notSaved', { detail: storageFailureText(t, e) }) });
    }
  };

  const exportSelected = () => {
    const chosen = rows.filter((r) => selected.has(r.draft.id));
    const valid = chosen.flatMap((r) => (r.validation.task ? [r.validation.task] : []));
    const invalid = chosen.filter((r) => !r.validation.task).map((r) => r.title?.text ?? t('editor.untitled'));
    if (!valid.length) return setNotice({ kind: 'error', text: t('export.noneValid'), lines: invalid });
    download(`veredicto-tasks-${stamp()}.jsonl`, tasksJsonlText(valid), 'application/x-ndjson');
    setNotice({ kind: 'ok', text: t('export.done', { count: valid.length }), ...(invalid.length ? { lines: [t('export.skippedInvalid', { count: invalid.length, titles: invalid.join(', ') })] } : {}) });
  };

  const remove = async (d: Draft) => {
    await store.delete(d.id);
    setConfirmDelete(undefined);
    setSelected((s) => new Set([...s].filter((id) => id !== d.id)));
    await reload();
  };

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));
  const entries = [...catalog.entries].sort((a, b) => pickLocale(a.task.title, locale).text.localeCompare(pickLocale(b.task.title, locale).text));

  return (
    <main className="page wide author-list">
      <div className="list-head">
        <h1>{t('list.heading')}</h1>
        <p className="muted">{t('list.summary', { count: drafts?.length ?? 0 })}</p>
      </div>
      <p className="hint">{t('list.intro')}</p>
      {!persistent && (
        <p className="note error" role="alert">
          {t('list.notPersistent')}
        </p>
      )}
      <div className="author-toolbar">
        <button type="button" className="primary" onClick={() => void newTask()}>
          {t('list.new')}
        </button>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (existing) navigate(editTaskPath(existing));
          }}
        >
          <label className="inline">
            {t('list.openExisting')}
            <select value={existing} onChange={(e) => setExisting(e.target.value)}>
              <option value="">{t('list.chooseTask')}</option>
              {TASK_ORIGINS.map((origin) => {
                const list = entries.filter((e) => e.origin === origin);
                return list.length ? (
                  <optgroup key={origin} label={t(`origin.${origin}`)}>
                    {list.map((e) => (
                      <option key={e.task.id} value={e.task.id}>
                        {pickLocale(e.task.title, locale).text} ({e.task.id})
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          </label>
          <button type="submit" disabled={!existing}>
            {t('list.editCopy')}
          </button>
        </form>
        <FilePicker label={t('list.import')} accept=".json,.jsonl,application/json" multiple disabled={busy} onFiles={(files) => void importFiles(files)} />
        <button type="button" disabled={!selected.size} onClick={exportSelected}>
          {t('list.exportSelected', { count: selected.size })}
        </button>
      </div>
      {fileProblems.length > 0 && <ProblemList heading={t('import.failed', { count: fileProblems.length })} problems={fileProblems} />}
      {pending && (
        <IdResolver
          items={pending.conflicts.map((conflict) => ({ conflict, title: pickLocale(pending.tasks[conflict.index]!.title, locale).text }))}
          taken={pending.taken}
          problems={pending.problems}
          confirmLabel={t('import.confirm')}
          onConfirm={(c) => void resolve(c)}
          onCancel={() => setPending(undefined)}
        />
      )}
      {notice && <NoticeBox notice={notice} />}
      {drafts === undefined ? (
        <p aria-busy="true">{t('list.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <table className="compact drafts-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('list.select')}</span>
              </th>
              <th scope="col">{t('list.title')}</th>
              <th scope="col">{t('list.taskId')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.changed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ draft: d, title, status, validation }) => {
              const name = title?.text ?? t('editor.untitled');
              return (
                <tr key={d.id} data-draft={d.id}>
                  <td>
                    <input type="checkbox" checked={selected.has(d.id)} aria-label={t('list.selectOne', { title: name })} onChange={(e) => toggle(d.id, e.target.checked)} />
                  </td>
                  <th scope="row">
                    <a href={draftPath(d.id)} onClick={followLink} {...(title ? { lang: title.locale } : {})}>
                      {name}
                    </a>
                  </th>
                  <td>
                    <code>{d.form.id.trim() || '—'}</code>
                  </td>
                  <td>
                    <span className={`badge draft-status ${status}`} data-status={status}>
                      {t(`draftStatus.${status}`)}
                    </span>
                    {validation.problems.length > 0 && <span className="muted"> {t('list.problems', { count: validation.problems.length })}</span>}
                  </td>
                  <td>{formatDate(locale, new Date(d.updatedAt))}</td>
                  <td>
                    {confirmDelete === d.id ? (
                      <span className="row">
                        <button type="button" className="small danger" onClick={() => void remove(d)}>
                          {t('list.confirmDelete', { title: name })}
                        </button>
                        <button type="button" className="small" onClick={() => setConfirmDelete(undefined)}>
                          {t('conflicts.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="small ghost" onClick={() => setConfirmDelete(d.id)} aria-label={t('list.deleteOne', { title: name })}>
                        {t('list.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}

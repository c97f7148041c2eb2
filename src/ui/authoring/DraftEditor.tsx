// The task editor: every field of the task (in both languages), validated as the author types,
// validated by execution on request, saved locally on every change; saved to the workbench when
// the author says so (valid tasks only) and exported as a task file.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { draftStatus, missingTranslations } from '../../domain/draft.js';
import { readiness } from '../../domain/readiness.js';
import { pickLocale, type Locale, type Task } from '../../domain/task.js';
import { findConflicts, planResolutions, type Holder, type IdConflict, type Resolution, type ResolutionProblem } from '../../domain/taskIds.js';
import { taskFileText } from '../../formats/taskDraft.js';
import { followLink, practicePath, taskPath } from '../router.js';
import { goldHiddenFor } from '../services/practiceAttempts.js';
import { useServices } from '../services/services.js';
import { CandidatesPanel, CheckPanel, MutationPanel } from './ExecutionPanels.js';
import { download } from '../download.js';
import { AuthorSection, FieldContext, touchedBy } from './fields.js';
import { GoldEditor } from './GoldEditor.js';
import { IdResolver } from './IdResolver.js';
import { CandidatesEditor, ReferenceEditor } from './SolutionsEditor.js';
import { StatusPanel } from './StatusPanel.js';
import { BasicsSection, TextsSection } from './TaskFields.js';
import { TestsEditor } from './TestsEditor.js';
import { draftStore, takenIds, type DraftSaver, type SaveState } from '../services/draftStore.js';
import { publishTasks, removeTask } from '../services/workbenchTasks.js';
import type { DraftSession } from '../services/draftSession.js';
import { storageFailureText } from '../services/failureText.js';

type Notice = { kind: 'ok' | 'error'; text: string };
type Pending = { ready: boolean; task: Task; conflicts: IdConflict[]; taken: Map<string, Holder[]>; problems: ResolutionProblem[] };

export function DraftEditor({ session, saver }: { session: DraftSession; saver: DraftSaver }) {
  const services = useServices();
  const { t, i18n } = useTranslation('authoring');
  const locale = i18n.language as Locale;
  const state = useStore(session);
  const { draft, validation } = state;
  const form = draft.form;
  const [notice, setNotice] = useState<Notice | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const missing = useMemo(() => missingTranslations(form), [form]);
  // A field's problems show once the author has left it, or tried to save; a draft opened with
  // work in it shows them all. An empty form does not open covered in "required".
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(() => draft.base !== undefined || draft.updatedAt !== draft.createdAt);
  const shown = useMemo(() => (showAll ? validation.problems : validation.problems.filter((p) => touchedBy(touched, p.path))), [showAll, touched, validation.problems]);
  const fieldInfo = useMemo(() => ({ problems: shown, missing: new Set(missing) }), [shown, missing]);
  const onLeaveField = (e: { target: EventTarget }) => {
    const id = (e.target as HTMLElement).closest?.('[id^="f-"]')?.id;
    if (id && !touched.has(id)) setTouched(new Set([...touched, id]));
  };
  const check = state.check.phase === 'done' ? { fingerprint: state.check.fingerprint, findings: state.check.findings } : undefined;
  const ready = readiness({
    task: validation.task,
    fingerprint: validation.runFingerprint,
    ...(check ? { check } : {}),
    hasReference: form.reference.python !== null || form.reference.javascript !== null,
    hiddenTests: form.tests.filter((x) => x.hidden).length,
  });
  const status = draftStatus(draft, validation.fingerprint);
  // Undefined while it is being found out: the gold answer is not shown until it is known to be allowed.
  const [goldHidden, setGoldHidden] = useState<boolean | undefined>();
  const baseId = draft.base?.taskId;
  const baseOrigin = draft.base?.origin;
  useEffect(() => {
    let live = true;
    void goldHiddenFor(services, baseId && baseOrigin ? { taskId: baseId, origin: baseOrigin } : undefined).then((hidden) => live && setGoldHidden(hidden));
    return () => {
      live = false;
    };
  }, [services, baseId, baseOrigin]);
  const title = pickLocale({ ...(form.title.en.trim() ? { en: form.title.en } : {}), ...(form.title['es-CL'].trim() ? { 'es-CL': form.title['es-CL'] } : {}) }, locale);

  /** Saves to the workbench; with `asReady` also marks it ready. Asks first when the id is taken. */
  const save = async (asReady: boolean) => {
    setNotice(undefined);
    const task = validation.task;
    if (!task) {
      await saver.flush();
      setShowAll(true);
      setNotice({ kind: 'error', text: t('save.invalid', { count: validation.problems.length }) });
      return;
    }
    const { drafts } = await draftStore(services).list();
    const taken = takenIds(services, drafts, draft.id);
    // The task this draft itself saved before is not in the way.
    if (draft.published?.taskId === task.id) {
      const own = (taken.get(task.id) ?? []).filter((h) => h !== 'authored');
      if (own.length) taken.set(task.id, own);
      else taken.delete(task.id);
    }
    const conflicts = findConflicts([task.id], taken);
    if (conflicts.length) {
      setPending({ ready: asReady, task, conflicts, taken, problems: [] });
      return;
    }
    await publish(task, asReady);
  };

  const publish = async (task: Task, asReady: boolean) => {
    const previous = draft.published?.taskId;
    try {
      await publishTasks(services, [task]);
      // Saved under a new id: the task it was saved as before leaves the list (its evaluation stays).
      if (previous && previous !== task.id && services.catalog.find(previous)?.origin === 'authored') await removeTask(services, previous, { fromDraft: true });
    } catch (e) {
      setNotice({ kind: 'error', text: t('save.failed', { detail: storageFailureText(t, e) }) });
      return;
    }
    // After a rename the form already holds the new id; stamp what the form now describes.
    const fingerprint = session.snapshot.validation.fingerprint;
    const at = new Date().toISOString();
    await session.update({ published: { taskId: task.id, at, fingerprint }, ...(asReady ? { ready: { taskId: task.id, at, fingerprint } } : {}) });
    setNotice({ kind: 'ok', text: asReady ? t('save.markedReady', { id: task.id }) : t('save.saved', { id: task.id }) });
  };

  const resolve = async (choices: Map<number, Resolution>) => {
    if (!pending) return;
    const plan = planResolutions([pending.task.id], pending.conflicts, choices, pending.taken);
    if (!plan.ok) return setPending({ ...pending, problems: plan.problems });
    setPending(undefined);
    const step = plan.plan[0];
    if (!step) return setNotice({ kind: 'ok', text: t('save.skipped') });
    if (step.id !== pending.task.id) {
      session.renameTask(step.id);
      const renamed = session.snapshot.validation.task;
      if (!renamed) return setNotice({ kind: 'error', text: t('save.invalid', { count: session.snapshot.validation.problems.length }) });
      await publish(renamed, pending.ready);
      return;
    }
    await publish(pending.task, pending.ready);
  };

  const exportFile = async () => {
    const task = validation.task;
    if (!task) return;
    await saver.flush();
    download(`${task.id}.json`, taskFileText(task), 'application/json');
  };

  const actions = (
    <>
      <p className="status-line">
        <span className={`badge draft-status ${status}`} data-status={status}>
          {t(`draftStatus.${status}`)}
        </span>
      </p>
      <div className="action-buttons">
        <button type="button" onClick={() => void save(false)}>
          {t('actions.save')}
        </button>
        <button type="button" className="primary" disabled={!ready.ready} onClick={() => void save(true)} aria-describedby="ready-hint">
          {t('actions.markReady')}
        </button>
        <button type="button" disabled={!validation.task} onClick={() => void exportFile()} aria-describedby={validation.task ? undefined : 'export-hint'}>
          {t('actions.export')}
        </button>
      </div>
      <p id="ready-hint" className="hint">
        {ready.ready ? t('actions.readyHint') : t('actions.notReadyHint')}
      </p>
      {!validation.task && (
        <p id="export-hint" className="hint">
          {t('actions.exportHint')}
        </p>
      )}
      {draft.published && services.catalog.find(draft.published.taskId) && (
        <p>
          <a href={taskPath(draft.published.taskId)} onClick={followLink}>
            {t('actions.openInWorkbench')}
          </a>
        </p>
      )}
    </>
  );

  return (
    <FieldContext.Provider value={fieldInfo}>
      <main className="page wide author-page" onBlurCapture={onLeaveField}>
        <nav className="crumbs">
          <a href="/author" onClick={followLink}>
            ← {t('list.back')}
          </a>
        </nav>
        <header className="task-head">
          <div>
            <h1>
              {title.text ? (
                <span lang={title.locale}>{title.text}</span>
              ) : (
                <span className="muted">{t('editor.untitled')}</span>
              )}
            </h1>
            <p className="meta">
              <span className="badge">{t('editor.badge')}</span>
              {form.id.trim() && <code>{form.id.trim()}</code>}
              {draft.base && <span className="muted"> · {t('editor.basedOn', { id: draft.base.taskId, origin: t(`origin.${draft.base.origin}`) })}</span>}
            </p>
          </div>
          <div className="task-actions">
            <SaveIndicator saver={saver} />
          </div>
        </header>
        <nav className="toc" aria-label={t('editor.sections')}>
          {(['basics', 'texts', 'tests', 'reference', 'candidates', 'gold', 'check', 'mutants', 'candidate-runs'] as const).map((id) => (
            <a key={id} href={`#${id}`}>
              {t(`toc.${id}`)}
            </a>
          ))}
        </nav>
        {notice && (
          <p className={`note ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
        {pending && (
          <IdResolver
            items={pending.conflicts.map((conflict) => ({ conflict, title: title.text || pending.task.id }))}
            taken={pending.taken}
            problems={pending.problems}
            confirmLabel={pending.ready ? t('actions.markReady') : t('actions.save')}
            onConfirm={(c) => void resolve(c)}
            onCancel={() => setPending(undefined)}
          />
        )}
        <div className="task-columns">
          <div className="task-main">
            <BasicsSection form={form} dispatch={session.dispatch} locale={locale} />
            <TextsSection form={form} dispatch={session.dispatch} locale={locale} />
            <TestsEditor form={form} dispatch={session.dispatch} locale={locale} />
            <ReferenceEditor form={form} dispatch={session.dispatch} locale={locale} />
            <CandidatesEditor form={form} dispatch={session.dispatch} locale={locale} />
            {goldHidden === false ? (
              <GoldEditor form={form} dispatch={session.dispatch} locale={locale} />
            ) : (
              <AuthorSection id="gold" heading={t('gold.heading')}>
                {goldHidden && draft.base && (
                  <p className="note" role="note">
                    {t('gold.hiddenUntilPractised')}{' '}
                    <a href={practicePath(draft.base.taskId)} onClick={followLink}>
                      {t('gold.practiseIt')}
                    </a>
                  </p>
                )}
              </AuthorSection>
            )}
            <CheckPanel session={session} state={state} locale={locale} />
            <MutationPanel session={session} state={state} locale={locale} />
            <CandidatesPanel session={session} state={state} locale={locale} />
          </div>
          <aside className="task-side" aria-label={t('status.heading')}>
            <StatusPanel validation={validation} shown={shown} missing={missing} readiness={ready} actions={actions} />
          </aside>
        </div>
      </main>
    </FieldContext.Provider>
  );
}

/** Where the draft's local save stands (the autosaver's state). */
function SaveIndicator({ saver }: { saver: DraftSaver }) {
  const { t } = useTranslation();
  const state: SaveState = useStore(saver);
  if (typeof state === 'object')
    return (
      <span className="save error" role="alert">
        {t(state.error === 'quota' ? 'save.quota' : 'save.failed')}
      </span>
    );
  return (
    <span className={`save ${state}`} role="status" data-save={state}>
      {t(`save.${state}`)}
    </span>
  );
}

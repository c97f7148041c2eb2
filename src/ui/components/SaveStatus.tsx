// Where the task's work stands: saved, saving, or not saved — with what the trainer can do about it.
// A full disk keeps the work in the tab and offers an export; a save from another tab on the same
// evaluation is never overwritten silently: the trainer chooses which version to keep.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import type { Locale } from '../../domain/task.js';
import { exportEvaluations } from '../services/evaluationFiles.js';
import type { OpenedSession } from '../services/openSession.js';
import { useServices } from '../services/services.js';

export function SaveStatus({ opened }: { opened: OpenedSession }) {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const state = useStore(opened.saver);
  const [busy, setBusy] = useState(false);
  const act = (f: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  const exportNow = act(() => exportEvaluations(services, 'jsonl', i18n.language as Locale));
  if (typeof state !== 'object')
    return (
      <span className={`save ${state}`} role="status">
        {t(`save.${state}`)}
      </span>
    );
  return (
    <div className="save error" role="alert">
      <p>{t(state.error === 'quota' ? 'save.quota' : state.error === 'stale' ? 'save.stale' : 'save.failed')}</p>
      <div className="row">
        {state.error === 'stale' ? (
          <>
            <button type="button" disabled={busy} onClick={act(() => opened.resolveStale('mine'))}>
              {t('save.keepMine')}
            </button>
            <button type="button" disabled={busy} onClick={act(() => opened.resolveStale('theirs'))}>
              {t('save.takeTheirs')}
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={exportNow}>
            {t('save.exportNow')}
          </button>
        )}
      </div>
    </div>
  );
}

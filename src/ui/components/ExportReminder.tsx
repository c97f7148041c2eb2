// A reminder to export when work changed since the last export is more than a week old: the
// browser's storage is one disk and one profile away from being lost.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { listEvaluations } from '../../storage/evaluations.js';
import { getSetting, SETTINGS } from '../../storage/settings.js';
import { exportEvaluations } from '../services/evaluationExport.js';
import { useServices } from '../services/services.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The evaluations changed since the last export, if the oldest of those changes is over a week old. */
export function unexportedOverAWeek(updatedAt: readonly string[], lastExport: string, now: number): number {
  const since = Date.parse(lastExport) || 0;
  const pending = updatedAt.map((u) => Date.parse(u)).filter((u) => u > since);
  return pending.length && Math.min(...pending) < now - WEEK_MS ? pending.length : 0;
}

export function ExportReminder() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void services.db.then(async (db) => {
      if (!db) return;
      const [evaluations, last] = await Promise.all([listEvaluations(db), getSetting(db, SETTINGS.lastExport)]);
      if (live) setCount(unexportedOverAWeek(evaluations.value.map((e) => e.updatedAt), last.value, Date.now()));
    });
    return () => {
      live = false;
    };
  }, [services]);
  if (!count) return null;
  return (
    <div className="note reminder" role="status">
      <span>{t('reminder.text', { count })}</span>{' '}
      <button
        type="button"
        className="small"
        onClick={() => void exportEvaluations(services, 'jsonl', i18n.language as Locale).then(() => setCount(0))}
      >
        {t('save.exportNow')}
      </button>
    </div>
  );
}

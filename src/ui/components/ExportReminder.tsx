// A reminder to export when work changed since the last export is more than a week old: the
// browser's storage is one disk and one profile away from being lost.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { exportEvaluations, unexportedCount } from '../services/evaluationFiles.js';
import { useServices } from '../services/services.js';

export function ExportReminder() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void unexportedCount(services, Date.now()).then((n) => live && setCount(n));
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

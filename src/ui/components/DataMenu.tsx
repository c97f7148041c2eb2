// Getting evaluations out and back in: all evaluations as versioned JSONL (the round-trip format),
// preference pairs JSONL, CSV for spreadsheets, and importing an evaluations file (validated whole
// before anything is written; a newer local copy is never overwritten by an older imported one).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { fromEvaluationsJsonl } from '../../formats/evaluations.js';
import { exportEvaluations, type ExportKind } from '../exporting.js';
import { listEvaluations, putEvaluations } from '../../storage/evaluations.js';
import { useServices } from '../services.js';

type Notice = { kind: 'ok' | 'error'; text: string; lines?: string[] };

export function DataMenu() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [notice, setNotice] = useState<Notice | undefined>();

  const exportAs = async (kind: ExportKind) => {
    const count = await exportEvaluations(services, kind, locale);
    setNotice({ kind: 'ok', text: t('data.exported', { count }) });
  };

  const importFile = async (file: File) => {
    const db = await services.db;
    if (!db) return setNotice({ kind: 'error', text: t('data.noStorage') });
    const parsed = fromEvaluationsJsonl(await file.text());
    if (parsed.problems.length)
      return setNotice({
        kind: 'error',
        text: t('data.importFailed', { file: file.name, count: parsed.problems.length }),
        lines: parsed.problems.map((p) => (p.line > 0 ? `${t('problem.line', { line: p.line })}: ` : '') + t(p.key, { ns: 'judging', ...p.params })),
      });
    await Promise.all([...services.open].map((o) => o.saver.flush()));
    const existing = new Map((await listEvaluations(db)).value.map((e) => [e.taskId, e]));
    const newer = parsed.evaluations.filter((e) => (existing.get(e.taskId)?.updatedAt ?? '') > e.updatedAt);
    const take = parsed.evaluations.filter((e) => !newer.includes(e));
    try {
      await putEvaluations(db, take);
    } catch (e) {
      return setNotice({ kind: 'error', text: t('data.importNotSaved', { detail: e instanceof Error ? e.message : String(e) }) });
    }
    services.catalog.setStatuses(Object.fromEntries(take.map((e) => [e.taskId, e.status])));
    setNotice({ kind: 'ok', text: t('data.imported', { count: take.length }), ...(newer.length ? { lines: [t('data.keptNewer', { count: newer.length })] } : {}) });
  };

  return (
    <div className="data-menu">
      <div className="row" role="group" aria-label={t('data.group')}>
        <button type="button" onClick={() => void exportAs('jsonl')} title={t('data.exportHint')}>
          {t('data.export')}
        </button>
        <button type="button" onClick={() => void exportAs('pairs')} title={t('data.pairsHint')}>
          {t('data.pairs')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')} title={t('data.csvHint')}>
          {t('data.csv')}
        </button>
        <label className="file-button">
          {t('data.import')}
          <input
            type="file"
            accept=".jsonl,.json,application/x-ndjson"
            aria-label={t('data.import')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {notice && (
        <div className={`note ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.lines && (
            <ul>
              {notice.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
          <button type="button" className="small ghost" onClick={() => setNotice(undefined)}>
            {t('actions.close')}
          </button>
        </div>
      )}
    </div>
  );
}

// Getting evaluations out and back in: all evaluations as versioned JSONL (the round-trip format),
// preference pairs JSONL, CSV for spreadsheets, and importing an evaluations file (validated whole
// before anything is written; a newer local copy is never overwritten by an older imported one).
import { NoticeBox, type Notice } from './NoticeBox.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { fromEvaluationsJsonl } from '../../formats/evaluations.js';
import { exportEvaluations, type ExportKind } from '../services/evaluationExport.js';
import { listEvaluations, putEvaluations } from '../../storage/evaluations.js';
import { useServices } from '../services/services.js';
import { FilePicker } from './FilePicker.js';


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
        <FilePicker label={t('data.import')} accept=".jsonl,.json,application/x-ndjson" onFiles={([file]) => void importFile(file!)} />
      </div>
      {notice && (
        <NoticeBox notice={notice}>
          <button type="button" className="small ghost" onClick={() => setNotice(undefined)}>
            {t('actions.close')}
          </button>
        </NoticeBox>
      )}
    </div>
  );
}

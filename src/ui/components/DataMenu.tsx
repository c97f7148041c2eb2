// Getting evaluations out and back in: all evaluations as versioned JSONL (the round-trip format),
// preference pairs JSONL, CSV for spreadsheets, and importing an evaluations file (validated whole
// before anything is written; a newer local copy is never overwritten by an older imported one).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../domain/evaluation.js';
import type { Locale, Task } from '../../domain/task.js';
import { fromEvaluationsJsonl, toCsv, toEvaluationsJsonl, toPreferencePairsJsonl } from '../../formats/evaluations.js';
import { listEvaluations, putEvaluations } from '../../storage/evaluations.js';
import { useServices } from '../services.js';

type Notice = { kind: 'ok' | 'error'; text: string; lines?: string[] };

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the browser has started the download
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function DataMenu() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [notice, setNotice] = useState<Notice | undefined>();

  const gather = async (): Promise<{ evaluations: Evaluation[]; tasks: Map<string, Task> } | undefined> => {
    await Promise.all([...services.savers].map((s) => s.flush()));
    const db = await services.db;
    if (!db) {
      setNotice({ kind: 'error', text: t('data.noStorage') });
      return undefined;
    }
    const { value } = await listEvaluations(db);
    const tasks = new Map(services.catalog.snapshot.entries.map((e) => [e.task.id, e.task]));
    return { evaluations: value.sort((a, b) => a.taskId.localeCompare(b.taskId)), tasks };
  };

  const exportAs = async (kind: 'jsonl' | 'pairs' | 'csv') => {
    const data = await gather();
    if (!data) return;
    const { evaluations, tasks } = data;
    if (kind === 'jsonl') download(`veredicto-evaluations-${stamp()}.jsonl`, toEvaluationsJsonl(evaluations, tasks), 'application/x-ndjson');
    else if (kind === 'pairs') download(`veredicto-preference-pairs-${stamp()}.jsonl`, toPreferencePairsJsonl(evaluations, tasks, locale), 'application/x-ndjson');
    else download(`veredicto-evaluations-${stamp()}.csv`, toCsv(evaluations, tasks, locale), 'text/csv;charset=utf-8');
    setNotice({ kind: 'ok', text: t('data.exported', { count: evaluations.length }) });
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
    await Promise.all([...services.savers].map((s) => s.flush()));
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
        <button type="button" onClick={() => void exportAs('pairs')}>
          {t('data.pairs')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
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

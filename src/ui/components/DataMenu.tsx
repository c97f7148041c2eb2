// Getting evaluations out and back in: all evaluations as versioned JSONL (the round-trip format),
// preference pairs JSONL, CSV for spreadsheets, and importing an evaluations file (validated whole
// before anything is written; a newer local copy is never overwritten by an older imported one).
import { NoticeBox, type Notice } from './NoticeBox.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { fromEvaluationsJsonl } from '../../formats/evaluations.js';
import { render } from '../../i18n/i18n.js';
import { exportEvaluations, importEvaluations, type ExportKind } from '../services/evaluationFiles.js';
import { hasStorage, useServices } from '../services/services.js';
import { FilePicker } from './FilePicker.js';
import { storageFailureText } from '../services/failureText.js';


export function DataMenu() {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [notice, setNotice] = useState<Notice | undefined>();

  const exportAs = async (kind: ExportKind) => {
    const done = await exportEvaluations(services, kind, locale);
    const from = t('data.countEvaluations', { count: done.evaluations });
    // What the file holds, counted as written: "19 pares de preferencia de 3 evaluaciones".
    const text =
      done.kind === 'jsonl' || done.kind === 'sft' || done.kind === 'prompt-completion'
        ? t('data.exported', { count: done.evaluations })
        : t('data.exportedFrom', { what: t(done.kind === 'pairs' ? 'data.countPairs' : 'data.countRows', { count: done.lines }), from });
    setNotice({ kind: 'ok', text });
  };

  const importFile = async (file: File) => {
    if (!(await hasStorage(services))) return setNotice({ kind: 'error', text: t('data.noStorage') });
    const parsed = fromEvaluationsJsonl(await file.text());
    if (parsed.problems.length)
      return setNotice({
        kind: 'error',
        text: t('data.importFailed', { file: file.name, count: parsed.problems.length }),
        lines: parsed.problems.map((p) => (p.line > 0 ? `${t('problem.line', { line: p.line })}: ` : '') + render(t, p, 'judging')),
      });
    let stored: Awaited<ReturnType<typeof importEvaluations>>;
    try {
      stored = await importEvaluations(services, parsed.evaluations);
    } catch (e) {
      return setNotice({ kind: 'error', text: t('data.importNotSaved', { detail: storageFailureText(t, e) }) });
    }
    if (stored === 'noStorage') return setNotice({ kind: 'error', text: t('data.noStorage') });
    setNotice({ kind: 'ok', text: t('data.imported', { count: stored.imported }), ...(stored.keptNewer ? { lines: [t('data.keptNewer', { count: stored.keptNewer })] } : {}) });
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
        <button type="button" onClick={() => void exportAs('csv-semicolon')} title={t('data.csvSemicolonHint')}>
          {t('data.csvSemicolon')}
        </button>
        <details className="data-more">
          <summary>{t('data.sftMenu')}</summary>
          <div className="data-more-list">
            <button type="button" onClick={() => void exportAs('sft')} title={t('data.sftHint')}>
              {t('data.sft')}
            </button>
            <button type="button" onClick={() => void exportAs('prompt-completion')} title={t('data.promptCompletionHint')}>
              {t('data.promptCompletion')}
            </button>
          </div>
        </details>
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

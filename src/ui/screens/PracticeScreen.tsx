// Practice: pick tasks that have a gold answer by topic, difficulty, language or "ones I got
// wrong", then work them exactly as in the workbench; the gold answer shows only after submitting.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { summarize, type PracticeAttempt } from '../../domain/progress.js';
import { DIFFICULTIES, LANGUAGES, pickLocale, type Locale } from '../../domain/task.js';
import { FilterSelect } from '../components/FilterSelect.js';
import { practiceAttempts } from '../services/practiceAttempts.js';
import { startQueue } from '../services/practiceQueue.js';
import { followLink, navigate, practicePath } from '../router.js';
import { useServices } from '../services/services.js';

export function useAttempts(): PracticeAttempt[] | undefined {
  const services = useServices();
  const [attempts, setAttempts] = useState<PracticeAttempt[] | undefined>();
  useEffect(() => {
    let live = true;
    void practiceAttempts(services).then((list) => live && setAttempts(list));
    return () => {
      live = false;
    };
  }, [services]);
  return attempts;
}

export function PracticeScreen() {
  const services = useServices();
  const { t, i18n } = useTranslation(['practice', 'common']);
  const locale = i18n.language as Locale;
  const catalog = useStore(services.catalog);
  const attempts = useAttempts();
  const [tag, setTag] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [language, setLanguage] = useState('');
  const [onlyWrong, setOnlyWrong] = useState(false);

  const withGold = catalog.entries.filter((e) => e.task.gold);
  const wrong = useMemo(() => new Set(summarize(attempts ?? []).wrongTaskIds), [attempts]);
  const lastTau = useMemo(() => {
    const m = new Map<string, PracticeAttempt>();
    for (const a of [...(attempts ?? [])].sort((x, y) => x.at.localeCompare(y.at))) m.set(a.taskId, a);
    return m;
  }, [attempts]);
  const tags = [...new Set(withGold.flatMap((e) => e.task.tags))].sort();
  const chosen = withGold
    .filter(
      (e) =>
        (!tag || e.task.tags.includes(tag)) &&
        (!difficulty || e.task.difficulty === difficulty) &&
        (!language || e.task.solutions.some((s) => s.language === language)) &&
        (!onlyWrong || wrong.has(e.task.id)),
    )
    .sort((a, b) => pickLocale(a.task.title, locale).text.localeCompare(pickLocale(b.task.title, locale).text));

  const start = () => {
    const ids = chosen.map((e) => e.task.id);
    // Tasks not yet practised first, so a session moves on to new material.
    ids.sort((a, b) => Number(lastTau.has(a)) - Number(lastTau.has(b)));
    if (!ids.length) return;
    startQueue(ids);
    navigate(practicePath(ids[0]!));
  };

  return (
    <main className="page wide">
      <div className="list-head">
        <h1>{t('practice.heading')}</h1>
        <a href="/progress" onClick={followLink}>
          {t('progress.link')}
        </a>
      </div>
      <p className="hint">{t('practice.intro')}</p>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), start())}>
        <FilterSelect label={t('list.tag', { ns: 'common' })} value={tag} onChange={setTag} options={tags.map((x) => [x, x] as const)} />
        <FilterSelect label={t('list.difficulty', { ns: 'common' })} value={difficulty} onChange={setDifficulty} options={DIFFICULTIES.map((d) => [d, t(`difficulty.${d}`, { ns: 'common' })] as const)} />
        <FilterSelect label={t('list.solutionsIn', { ns: 'common' })} value={language} onChange={setLanguage} options={LANGUAGES.map((l) => [l, t(`language.${l}`, { ns: 'common' })] as const)} />
        <label className="inline">
          <input type="checkbox" checked={onlyWrong} onChange={(e) => setOnlyWrong(e.target.checked)} />
          {t('practice.onlyWrong')}
        </label>
        <button type="submit" className="primary" disabled={!chosen.length}>
          {t('practice.start', { count: chosen.length })}
        </button>
      </form>
      {chosen.length === 0 ? (
        <p className="muted">{onlyWrong ? t('practice.noneWrong') : t('list.empty', { ns: 'common' })}</p>
      ) : (
        <ul className="task-list">
          {chosen.map((e) => {
            const name = pickLocale(e.task.title, locale);
            const last = lastTau.get(e.task.id);
            return (
              <li key={e.task.id} className="task-item">
                <a href={practicePath(e.task.id)} onClick={followLink} lang={name.locale}>
                  {name.text}
                </a>
                <span className="meta">
                  {e.task.difficulty && <span className="badge">{t(`difficulty.${e.task.difficulty}`, { ns: 'common' })}</span>}
                  {[...new Set(e.task.solutions.map((s) => s.language))].map((l) => (
                    <span key={l} className="badge">
                      {t(`language.${l}`, { ns: 'common' })}
                    </span>
                  ))}
                  {last ? (
                    <span className={`badge ${wrong.has(e.task.id) ? 'status-draft' : 'status-submitted'}`}>
                      {t('practice.last', { bugs: `${last.bugsFound}/${last.bugsTotal}` })}
                    </span>
                  ) : (
                    <span className="badge">{t('practice.notYet')}</span>
                  )}
                  {e.task.tags.map((x) => (
                    <span key={x} className="badge tag">
                      {x}
                    </span>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

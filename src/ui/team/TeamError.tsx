// A failed team-server call shown in the user's locale: the error's own sentence, then each field
// that failed validation (by path) and each problem in an imported file (file, line, field); and
// the one way a team form runs its call (busy while it runs, the error kept for the note).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../components/ProblemList.js';
import { apiKey, issueKey } from './teamText.js';
import { TeamError } from '../services/teamApi.js';

export function TeamErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation('team');
  const e = error instanceof TeamError ? error : new TeamError(0, 'internal');
  const text = t(apiKey(e.code), { ...e.params, count: Number(e.params.count ?? 0) });
  if (e.problems.length) return <ProblemList heading={text} problems={e.problems} />;
  return (
    <div className="note error" role="alert">
      <span>{text}</span>
      {e.issues.length > 0 && (
        <ul>
          {e.issues.map((i, n) => (
            <li key={n}>
              <code>{i.path || '(body)'}</code> {t(issueKey(i.code))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form's submit handler that runs `work` with the form's data, tracking busy and the error. */
export function useAction(work: (form: FormData) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await work(form);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, onSubmit: (e: FormEvent<HTMLFormElement>) => void onSubmit(e) };
}

/** Email and password, as signing in and joining ask for them. */
export function Credentials({ newPassword = false }: { newPassword?: boolean }) {
  const { t } = useTranslation('team');
  return (
    <>
      <label>
        {t('ui.signIn.email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {newPassword ? t('ui.join.password') : t('ui.signIn.password')}
        <input name="password" type="password" autoComplete={newPassword ? 'new-password' : 'current-password'} minLength={newPassword ? 8 : undefined} required />
      </label>
    </>
  );
}

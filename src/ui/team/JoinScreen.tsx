// /join/<token>: an invite link from an admin; the new member chooses email and password and is
// signed in to the project.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { navigate } from '../router.js';
import { useServices } from '../services/services.js';
import { Credentials, TeamErrorNote, useAction } from './TeamError.js';

export function JoinScreen({ token }: { token: string }) {
  const { team } = useServices();
  const { t, i18n } = useTranslation('team');
  const { busy, error, onSubmit } = useAction(async (form) => {
    await team.join(token, String(form.get('email') ?? ''), String(form.get('password') ?? ''), i18n.language as Locale);
    navigate('/team', { replace: true });
  });
  return (
    <main className="page narrow">
      <h1>{t('ui.join.heading')}</h1>
      <form onSubmit={onSubmit} className="card stack">
        <Credentials newPassword />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.join.submit')}
        </button>
        {error !== undefined && <TeamErrorNote error={error} />}
      </form>
    </main>
  );
}

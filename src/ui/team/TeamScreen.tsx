// /team: sign in, then the projects one belongs to (admins: every project, and a form to create
// one from task files or datasets, all or nothing, with its settings and guidelines in both languages).
import { useEffect, useState } from 'react';
import { useStore } from '../hooks/useStore.js';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../components/FilePicker.js';
import { roleKey } from './teamText.js';
import { followLink, navigate, teamProjectPath } from '../router.js';
import { useServices } from '../services/services.js';
import { api } from '../services/teamApi.js';
import type { ProjectSummary } from '../services/team.js';
import { Credentials, TeamErrorNote, useAction } from './TeamError.js';
import { SettingsFields, useSettingsDraft } from './ProjectSettings.js';

export function useTeam() {
  const { team } = useServices();
  return useStore(team);
}

export function TeamScreen() {
  const state = useTeam();
  const { t } = useTranslation('team');
  if (state.status === 'checking') return <main className="page" aria-busy="true" />;
  if (state.status === 'local')
    return (
      <main className="page">
        <p role="note">{t('ui.localOnly')}</p>
      </main>
    );
  if (state.status === 'signedOut') return <SignIn />;
  return <Projects />;
}

export function SignIn() {
  const { team } = useServices();
  const { t } = useTranslation('team');
  const { busy, error, onSubmit } = useAction((form) => team.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? '')));
  return (
    <main className="page narrow team-signin">
      <h1>{t('ui.signIn.heading')}</h1>
      <form onSubmit={onSubmit} className="card stack">
        <Credentials />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.signIn.submit')}
        </button>
        {error !== undefined && <TeamErrorNote error={error} />}
      </form>
    </main>
  );
}

function Projects() {
  const state = useTeam();
  const { team } = useServices();
  const { t } = useTranslation('team');
  const [projects, setProjects] = useState<ProjectSummary[] | undefined>();
  const [error, setError] = useState<unknown>();
  const load = () =>
    api<{ projects: ProjectSummary[] }>('GET', '/api/projects').then(
      (r) => setProjects(r.projects),
      (e) => setError(e),
    );
  useEffect(() => void load(), []);
  const me = state.me!;
  return (
    <main className="page">
      <header className="team-head">
        <h1>{t('ui.projects.heading')}</h1>
        <p className="muted">
          {t('ui.signedInAs', { email: me.email, role: t(roleKey(me.role)) })}{' '}
          <button type="button" className="ghost" onClick={() => void team.signOut()}>
            {t('ui.signOut')}
          </button>
        </p>
      </header>
      {error !== undefined && <TeamErrorNote error={error} />}
      {projects && !projects.length && <p>{t('ui.projects.none')}</p>}
      {projects && projects.length > 0 && (
        <ul className="team-projects">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <a href={teamProjectPath(p.id)} onClick={followLink}>
                {p.name}
              </a>{' '}
              <span className="muted">{t('ui.projects.summary', { tasks: p.tasks ?? 0, submitted: p.submitted ?? 0, overlap: p.overlap })}</span>
              {p.pausedAt && <span className="badge paused"> {t('ui.members.paused')}</span>}
            </li>
          ))}
        </ul>
      )}
      {me.role === 'admin' && <CreateProject onCreated={(id) => navigate(teamProjectPath(id))} />}
    </main>
  );
}

function CreateProject({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation('team');
  const [files, setFiles] = useState<File[]>([]);
  const { draft, setDraft, problems, read } = useSettingsDraft({});
  const { busy, error, onSubmit } = useAction(async (form) => {
    const settings = read();
    if (!settings) return;
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    // A new project stores no empty rubric or "none": the server's defaults apply.
    const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null));
    const r = await api<{ id: string }>('POST', '/api/projects', {
      name: String(form.get('name') ?? ''),
      ...given,
      guidelines: { en: String(form.get('guidelinesEn') ?? ''), 'es-CL': String(form.get('guidelinesEs') ?? '') },
      files: texts,
    });
    onCreated(r.id);
  });
  return (
    <section className="card" aria-labelledby="create-project">
      <h2 id="create-project">{t('ui.create.heading')}</h2>
      <form onSubmit={onSubmit} className="stack" noValidate>
        <label>
          {t('ui.create.name')}
          <input name="name" required maxLength={200} />
        </label>
        <SettingsFields draft={draft} onChange={setDraft} problems={problems} idPrefix="create" />
        <label>
          {t('ui.create.guidelinesEn')}
          <textarea name="guidelinesEn" rows={4} lang="en" />
        </label>
        <label>
          {t('ui.create.guidelinesEs')}
          <textarea name="guidelinesEs" rows={4} lang="es-CL" />
        </label>
        <FilePicker label={t('ui.create.files')} accept=".json,.jsonl" multiple onFiles={setFiles} />
        {files.length > 0 && <p className="muted">{files.map((f) => f.name).join(', ')}</p>}
        {problems.length > 0 && (
          <p className="note error" role="alert">
            {t('ui.settings.invalid')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !files.length}>
          {t('ui.create.submit')}
        </button>
        {error !== undefined && <TeamErrorNote error={error} />}
      </form>
    </section>
  );
}

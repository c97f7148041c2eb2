// /team/<project>: a trainer's queue (get tasks, open or skip a leased one, what was submitted and
// how the server's re-check came out, the reviews of their work, the guidelines), or for admins and
// reviewers the review queue, the project's progress per task (with the distribution of agreement)
// and per trainer (each one opens their tasks), and for admins the settings, pausing the project or
// a trainer, members, invites and exports. A trainer opening a paused queue is told so.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useStore } from '../hooks/useStore.js';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { pickLocale } from '../../domain/task.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import type { TeamQueueView } from '../services/team.js';
import { followLink, teamTaskPath } from '../router.js';
import { useServices } from '../services/services.js';
import { api } from '../services/teamApi.js';
import { TeamErrorNote } from './TeamError.js';
import { roleKey, stateKey } from './teamText.js';
import { TeamGuidelines } from './TeamGuidelines.js';
import { SignIn, useTeam } from './TeamScreen.js';
import { CsvButton, Inbox, ReviewQueue } from './ReviewLists.js';
import { AgreementChart } from './AgreementChart.js';
import { AddTasksForm, GuidelinesForm, ProjectSettingsForm, type Guidelines } from './ProjectSettings.js';
import type { ProjectSettings } from './projectForm.js';
import { TrainerWork } from './TrainerWork.js';
import { useCriterionText } from '../components/RubricScores.js';
import { rubricOf } from '../../domain/rubric.js';

type Submission = { id: string; taskId: string; assignmentId: string; receivedAt: string; recheck: { state: string | null; mismatch: boolean | null } };

export function ProjectScreen({ projectId }: { projectId: string }) {
  const state = useTeam();
  if (state.status === 'checking') return <main className="page" aria-busy="true" />;
  if (state.status !== 'signedIn') return <SignIn />;
  return state.me!.role === 'trainer' ? <Queue projectId={projectId} /> : <Lead projectId={projectId} admin={state.me!.role === 'admin'} />;
}

function Queue({ projectId }: { projectId: string }) {
  const { team } = useServices();
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [queue, setQueue] = useState<TeamQueueView | undefined>();
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [error, setError] = useState<unknown>();
  const [count, setCount] = useState(5);
  const [skipping, setSkipping] = useState<string | undefined>();
  const outbox = useStore(team.outbox);
  const refresh = useCallback(
    async (checkout = 0) => {
      setError(undefined);
      try {
        setQueue(await team.queue(projectId, checkout));
        const r = await api<{ submissions: Submission[] }>('GET', `/api/projects/${projectId}/submissions`).catch(() => undefined);
        if (r) setSubmissions(r.submissions);
      } catch (e) {
        setError(e);
      }
    },
    [team, projectId],
  );
  useEffect(() => void refresh(), [refresh]);
  const accepted = outbox.items.filter((i) => i.state === 'accepted').length;
  useEffect(() => void refresh(), [accepted, refresh]);

  const skip = async (e: FormEvent<HTMLFormElement>, assignmentId: string) => {
    e.preventDefault();
    try {
      await team.skip(projectId, assignmentId, String(new FormData(e.currentTarget).get('reason') ?? ''));
      setSkipping(undefined);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const pendingFor = (assignmentId: string) => outbox.items.filter((i) => i.assignmentId === assignmentId).at(-1);
  const active = queue?.assignments.filter((a) => a.state === 'active') ?? [];
  const done = queue?.assignments.filter((a) => a.state !== 'active') ?? [];
  return (
    <main className="page wide">
      <nav className="crumbs">
        <a href="/team" onClick={followLink}>
          ← {t('ui.projects.heading')}
        </a>
      </nav>
      <h1>{queue?.name ?? ''}</h1>
      {queue?.pause && <PauseNote pause={queue.pause} />}
      {error !== undefined && <TeamErrorNote error={error} />}
      <div className="task-columns">
        <div className="task-main">
          <section className="card" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{t('ui.queue.heading')}</h2>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void refresh(count);
              }}
            >
              <label>
                {t('ui.queue.count')} <input type="number" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value) || 1)} />
              </label>
              <button type="submit" className="primary">
                {t('ui.queue.checkout')}
              </button>
            </form>
            {queue?.timeLimitMinutes && <p className="muted">{t('ui.queue.timeLimit', { minutes: queue.timeLimitMinutes })}</p>}
            {!active.length && <p>{t('ui.queue.empty')}</p>}
            <ul className="team-queue">
              {active.map((a) => {
                const pending = pendingFor(a.id);
                return (
                  <li key={a.id} className="card" data-assignment={a.id}>
                    <a href={teamTaskPath(projectId, a.id)} onClick={followLink}>
                      {pickLocale(a.task.title, locale).text}
                    </a>{' '}
                    <span className="muted">{t('ui.queue.lease', { date: formatDate(locale, new Date(a.leaseExpiresAt)) })}</span>
                    {pending && <span className={`badge outbox-${pending.state}`}> {t(`ui.outbox.${pending.state}`)}</span>}
                    {!pending && (
                      <button type="button" className="ghost" onClick={() => setSkipping(skipping === a.id ? undefined : a.id)}>
                        {t('ui.queue.skip')}
                      </button>
                    )}
                    {skipping === a.id && (
                      <form onSubmit={(e) => void skip(e, a.id)} className="row">
                        <label>
                          {t('ui.queue.reason')} <input name="reason" required maxLength={2000} />
                        </label>
                        <button type="submit">{t('ui.queue.skipConfirm')}</button>
                      </form>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="card" aria-labelledby="done-heading">
            <h2 id="done-heading">{t('ui.queue.done')}</h2>
            <ul className="team-done">
              {done.map((a) => {
                const s = submissions.filter((x) => x.assignmentId === a.id).at(-1);
                const pending = pendingFor(a.id);
                const recheck = !s ? undefined : s.recheck.state !== 'done' ? 'pending' : s.recheck.mismatch ? 'mismatch' : 'match';
                return (
                  <li key={a.id} data-assignment={a.id} data-recheck={recheck ?? ''}>
                    {pickLocale(a.task.title, locale).text} <span className="muted">{t(stateKey(a.state))}</span>
                    {pending && <span className={`badge outbox-${pending.state}`}> {t(`ui.outbox.${pending.state}`)}</span>}
                    {recheck && <span className={`badge recheck-${recheck}`}> {t(`ui.recheck.${recheck}`)}</span>}
                  </li>
                );
              })}
            </ul>
          </section>
          <Inbox projectId={projectId} refreshKey={accepted} />
        </div>
        <aside className="task-side">{queue && <TeamGuidelines projectId={projectId} guidelines={queue.guidelines} />}</aside>
      </div>
    </main>
  );
}

/** Why this trainer gets no new tasks: the project is paused, or they are (gold rule or a lead). */
function PauseNote({ pause }: { pause: NonNullable<TeamQueueView['pause']> }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const text =
    pause.kind === 'project'
      ? t('ui.queue.pausedProject')
      : pause.kind === 'lead'
        ? t('ui.queue.pausedLead')
        : t('ui.queue.pausedGold', { score: formatNumber(locale, pause.score ?? 0, 2), threshold: formatNumber(locale, pause.threshold ?? 0, 2) });
  return (
    <p className="note paused" role="status" data-paused={pause.kind}>
      {text}
    </p>
  );
}

type Progress = {
  overlap: number;
  tasks: { taskId: string; title: { en?: string; 'es-CL'?: string }; active: number; submitted: number; skipped: number; mismatches: number; kendallW: number | null; alphaRubric: Record<string, number | null> }[];
  trainers: { userId: string; email: string; active: number; submitted: number; skipped: number; activeMs: number; mismatches: number; accepted: number; rejected: number; acceptRate: number | null; goldTasks: number; goldScore: number | null; peerAgreement: number | null; medianActiveMinutes: number | null }[];
};
type Member = { userId: string; email: string; role: string; pausedAt: string | null };
type ProjectInfo = ProjectSettings & { name: string; pausedAt: string | null };

function Lead({ projectId, admin }: { projectId: string; admin: boolean }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [progress, setProgress] = useState<Progress | undefined>();
  const [members, setMembers] = useState<Member[]>([]);
  const [project, setProject] = useState<ProjectInfo | undefined>();
  const [guidelines, setGuidelines] = useState<Guidelines | undefined>();
  const [drill, setDrill] = useState<string | undefined>();
  const criterionText = useCriterionText(locale);
  const [error, setError] = useState<unknown>();
  const [invite, setInvite] = useState<string | undefined>();
  const load = useCallback(async () => {
    try {
      const [p, project, m] = await Promise.all([
        api<Progress>('GET', `/api/projects/${projectId}/progress`),
        api<{ project: ProjectInfo; guidelines: Guidelines }>('GET', `/api/projects/${projectId}`),
        api<{ members: Member[] }>('GET', `/api/projects/${projectId}/members`),
      ]);
      setProgress(p);
      setProject(project.project);
      setGuidelines(project.guidelines);
      setMembers(m.members);
    } catch (e) {
      setError(e);
    }
  }, [projectId]);
  useEffect(() => void load(), [load]);
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      await load();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <main className="page wide">
      <nav className="crumbs">
        <a href="/team" onClick={followLink}>
          ← {t('ui.projects.heading')}
        </a>
      </nav>
      <h1>{project?.name ?? ''}</h1>
      {error !== undefined && <TeamErrorNote error={error} />}
      {project?.pausedAt && (
        <p className="note paused" role="status" data-paused="project">
          {t('ui.pause.since', { date: formatDate(locale, new Date(project.pausedAt)) })}
        </p>
      )}
      {admin && project && (
        <p className="row">
          <button type="button" onClick={() => void act(() => api('PATCH', `/api/projects/${projectId}`, { paused: !project.pausedAt }))}>
            {project.pausedAt ? t('ui.pause.resumeProject') : t('ui.pause.project')}
          </button>
        </p>
      )}
      <p className="row">
        {(['jsonl', 'pairs', 'csv'] as const).map((f) => (
          <a key={f} href={`/api/projects/${projectId}/export?format=${f}&locale=${locale}`} download>
            {t(`ui.export.${f}`)}
          </a>
        ))}
      </p>
      <ReviewQueue projectId={projectId} />
      {progress && (
        <>
          <section className="card" aria-labelledby="by-task">
            <h2 id="by-task">{t('ui.progress.byTask', { overlap: progress.overlap })}</h2>
            <ProgressTable
              file="tasks"
              columns={['task', 'active', 'submitted', 'skipped', 'mismatches', 'agreement', 'alpha']}
              rows={progress.tasks.map((r) => ({
                key: r.taskId,
                data: { 'data-task': r.taskId },
                cells: [
                  pickLocale(r.title as never, locale).text || r.taskId,
                  r.active,
                  r.submitted,
                  r.skipped,
                  r.mismatches,
                  r.kendallW === null ? '—' : formatNumber(locale, r.kendallW, 2),
                  Object.entries(r.alphaRubric)
                    .map(([c, a]) => `${c} ${a === null ? '—' : formatNumber(locale, a, 2)}`)
                    .join(' · ') || '—',
                ],
              }))}
            />
          </section>
          <AgreementChart
            tasks={progress.tasks}
            criterionName={(id) => {
              const c = rubricOf({ rubric: project?.rubric ?? undefined }).find((x) => x.id === id);
              return c ? criterionText(c).name.text : id;
            }}
          />
          <section className="card" aria-labelledby="by-trainer">
            <h2 id="by-trainer">{t('ui.progress.byTrainer')}</h2>
            <ProgressTable
              file="trainers"
              columns={['trainer', 'active', 'submitted', 'skipped', 'minutes', 'median', 'mismatches', 'accepted', 'rejected', 'acceptRate', 'gold', 'peers']}
              rows={progress.trainers.map((r) => ({
                key: r.userId,
                data: { 'data-trainer': r.email },
                open: { label: t('ui.trainer.open', { email: r.email }), onOpen: () => setDrill(drill === r.userId ? undefined : r.userId) },
                cells: [
                  r.email,
                  r.active,
                  r.submitted,
                  r.skipped,
                  formatNumber(locale, r.activeMs / 60_000, 1),
                  r.medianActiveMinutes === null ? '—' : formatNumber(locale, r.medianActiveMinutes, 1),
                  r.mismatches,
                  r.accepted,
                  r.rejected,
                  r.acceptRate === null ? '—' : `${formatNumber(locale, r.acceptRate * 100, 0)} %`,
                  r.goldScore === null ? '—' : `${formatNumber(locale, r.goldScore, 2)} (${r.goldTasks})`,
                  r.peerAgreement === null ? '—' : formatNumber(locale, r.peerAgreement, 2),
                ],
              }))}
            />
            {drill && <TrainerWork projectId={projectId} userId={drill} onClose={() => setDrill(undefined)} />}
          </section>
        </>
      )}
      {admin && project && <ProjectSettingsForm projectId={projectId} project={project} onSaved={load} />}
      {admin && guidelines && <GuidelinesForm projectId={projectId} guidelines={guidelines} onSaved={load} />}
      {admin && <AddTasksForm projectId={projectId} onAdded={load} />}
      <section className="card" aria-labelledby="members">
        <h2 id="members">{t('ui.members.heading')}</h2>
        <ul>
          {members.map((m) => (
            <li key={m.userId}>
              {m.email} <span className="muted">{t(roleKey(m.role))}</span>{' '}
              {m.pausedAt && <span className="badge paused">{t('ui.members.paused')}</span>}{' '}
              {admin && m.role === 'trainer' && (
                <button type="button" className="ghost" data-member-pause={m.email} onClick={() => void act(() => api('POST', `/api/projects/${projectId}/members/${m.userId}/${m.pausedAt ? 'resume' : 'pause'}`))}>
                  {m.pausedAt ? t('ui.members.resume') : t('ui.members.pause')}
                </button>
              )}{' '}
              {admin && (
                <button type="button" className="ghost" onClick={() => void act(() => api('DELETE', `/api/projects/${projectId}/members/${m.userId}`))}>
                  {t('ui.members.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {admin && (
          <>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                const email = String(new FormData(e.currentTarget).get('email') ?? '');
                void act(() => api('POST', `/api/projects/${projectId}/members`, { email }));
              }}
            >
              <label>
                {t('ui.members.email')} <input name="email" type="email" required />
              </label>
              <button type="submit">{t('ui.members.add')}</button>
            </form>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                const role = String(new FormData(e.currentTarget).get('role') ?? 'trainer');
                void act(async () => setInvite(`${location.origin}${(await api<{ path: string }>('POST', `/api/projects/${projectId}/invites`, { role })).path}`));
              }}
            >
              <label>
                {t('ui.invite.role')}{' '}
                <select name="role" defaultValue="trainer">
                  {['trainer', 'reviewer', 'admin'].map((r) => (
                    <option key={r} value={r}>
                      {t(roleKey(r))}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">{t('ui.invite.create')}</button>
            </form>
            {invite && (
              <p className="note ok" role="status">
                {t('ui.invite.link')} <code data-invite>{invite}</code>
              </p>
            )}
          </>
        )}
      </section>
    </main>
  );
}

function ProgressTable({ columns, rows, file }: { columns: readonly ('task' | 'active' | 'submitted' | 'skipped' | 'mismatches' | 'trainer' | 'minutes' | 'agreement' | 'alpha' | 'accepted' | 'rejected' | 'acceptRate' | 'median' | 'gold' | 'peers')[]; rows: { key: string; data: Record<string, string>; cells: (string | number)[]; open?: { label: string; onOpen: () => void } }[]; file: string }) {
  const { t } = useTranslation('team');
  return (
    <>
      <CsvButton file={file} header={columns.map((c) => t(`ui.progress.${c}`))} rows={rows.map((r) => r.cells)} />
      <table className="team-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{t(`ui.progress.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} {...r.data}>
              {r.cells.map((c, i) => (
                <td key={i}>
                  {i === 0 && r.open ? (
                    <button type="button" className="link" aria-label={r.open.label} onClick={r.open.onOpen}>
                      {c}
                    </button>
                  ) : (
                    c
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

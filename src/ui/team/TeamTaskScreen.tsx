// /team/<project>/<lease>: a leased task, worked exactly like a local one (TaskScreen in team
// mode), from the queue kept in IndexedDB so it opens offline too.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskScreen } from '../screens/TaskScreen.js';
import { followLink, teamProjectPath } from '../router.js';
import { useServices } from '../services/services.js';
import type { TeamRef } from '../services/team.js';

export function TeamTaskScreen({ projectId, assignmentId }: { projectId: string; assignmentId: string }) {
  const { team } = useServices();
  const { t } = useTranslation('team');
  const [ref, setRef] = useState<TeamRef | null | undefined>();
  useEffect(() => {
    void team.lease(projectId, assignmentId).then((r) => setRef(r ? { projectId, assignmentId, task: r.lease.task, guidelineVersion: r.queue.guidelines.version } : null));
  }, [team, projectId, assignmentId]);
  if (ref === undefined) return <main className="page" aria-busy="true" />;
  if (ref === null)
    return (
      <main className="page">
        <p role="alert">{t('ui.queue.unknownLease')}</p>
        <a href={teamProjectPath(projectId)} onClick={followLink}>
          {t('ui.queue.back')}
        </a>
      </main>
    );
  return <TaskScreen taskId={ref.task.id} mode="team" team={ref} />;
}

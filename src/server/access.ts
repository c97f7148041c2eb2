// Who may touch which project: admins every project, reviewers and trainers only the projects they
// are members of. A project, or an id inside one, that the caller may not see is 404, never 403:
// another project's ids say nothing about whether they exist.
import type { Kysely } from 'kysely';
import type { DB, Project, Role } from '../db/schema.js';
import { ApiError, notFound } from './errors.js';
import type { SessionUser } from './sessions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** The project if `user` can see it; 404 otherwise; 403 if seen but not with one of `roles`. */
export async function projectFor(db: Kysely<DB>, user: SessionUser, projectId: string, roles: readonly Role[]): Promise<Project> {
  if (!isUuid(projectId)) throw notFound();
  let q = db.selectFrom('projects').selectAll('projects').where('projects.id', '=', projectId);
  if (user.role !== 'admin')
    q = q.where((eb) => eb.exists(eb.selectFrom('memberships').select('user_id').whereRef('memberships.project_id', '=', 'projects.id').where('memberships.user_id', '=', user.id)));
  const project = await q.executeTakeFirst();
  if (!project) throw notFound();
  if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden');
  return project;
}

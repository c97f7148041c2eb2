// What the API answers when a request cannot be served: `{ error: { code, params?, issues? } }`.
// Codes are stable keys the SPA translates (locales/*/server.json); never a raw English message.
// A database that cannot be reached is 503, so a client keeps its work and retries.

/** One field that failed validation: its path as the SPA shows it (`items[0].evaluation.taskId`). */
export type FieldIssue = { path: string; code: string };
/** A problem in an imported file, as src/formats reports it (file, line, field, translatable message). */
export type FileProblem = { file: string; line?: number; field?: string; message: { key: string; params?: Record<string, string | number> } };
export type ErrorBody = { error: { code: string; params?: Record<string, string | number>; issues?: FieldIssue[]; problems?: FileProblem[] } };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: FieldIssue[],
    readonly problems?: FileProblem[],
  ) {
    super(code);
  }

  body(): ErrorBody {
    return { error: { code: this.code, ...(this.params ? { params: this.params } : {}), ...(this.issues ? { issues: this.issues } : {}), ...(this.problems ? { problems: this.problems } : {}) } };
  }
}

export const notFound = () => new ApiError(404, 'notFound');
export const forbidden = () => new ApiError(403, 'forbidden');
export const unauthenticated = () => new ApiError(401, 'signInRequired');
export const invalid = (issues: FieldIssue[]) => new ApiError(400, 'invalid', undefined, issues);

// libpq/PostgreSQL SQLSTATE classes 08 (connection) and 57P (shutdown), and Node's socket errors.
const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

/** Whether an error means the database cannot be reached now (as opposed to a bad query). */
export function isDatabaseDown(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 4) return false;
  const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (DOWN_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed|driver has already been destroyed/i.test(message)) return true;
  if (e instanceof AggregateError && e.errors.some((x) => isDatabaseDown(x, depth + 1))) return true;
  return isDatabaseDown(cause, depth + 1);
}

/** `/a/0/b` (JSON pointer, as Fastify reports) or ['a', 0, 'b'] → `a[0].b`. */
export function fieldPath(path: string | readonly PropertyKey[]): string {
  const parts = typeof path === 'string' ? path.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replaceAll('~1', '/').replaceAll('~0', '~'))) : path;
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string') out += out ? `.${p}` : p;
  }
  return out;
}

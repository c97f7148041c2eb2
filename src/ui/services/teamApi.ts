// The SPA's calls to the team server on its own origin: JSON, the same-origin header the server
// requires on state changes, the session cookie sent by the browser. Every failure becomes a
// TeamError with a code the `team` namespace translates (`api.<code>`), a dropped connection too.
export type FieldIssue = { path: string; code: string };
export type FileProblem = { file: string; line?: number; field?: string; message: { key: string; params?: Record<string, string | number> } };

export class TeamError extends Error {
  override name = 'TeamError';
  constructor(
    /** 0: no answer (offline, server down). */
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
    readonly problems: FileProblem[] = [],
  ) {
    super(code);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'x-veredicto': '1', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new TeamError(0, 'network');
  }
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const e = (json as { error?: { code?: string; params?: Record<string, string | number>; issues?: FieldIssue[]; problems?: FileProblem[] } } | undefined)?.error;
  throw new TeamError(res.status, typeof e?.code === 'string' ? e.code : res.status >= 500 ? 'internal' : 'notFound', e?.params ?? {}, e?.issues ?? [], e?.problems ?? []);
}

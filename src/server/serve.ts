// Starting and stopping a team server process: the database (PostgreSQL or embedded PGlite,
// migrated), the Fastify app on a port, and a re-check worker in the same process unless asked not
// to (several processes may each run one; `veredicto worker` runs one alone).
import type { FastifyInstance } from 'fastify';
import { connect, defaultDataDir, type Database } from '../db/connect.js';
import type { Sandbox } from '../sandbox/client.js';
import { buildServer } from './app.js';
import { RecheckWorker } from './recheck.js';

export type ServeOptions = {
  port: number;
  host?: string;
  /** postgres://… ; absent: PGlite in `dataDir`. */
  url?: string;
  dataDir?: string;
  appDir?: string;
  /** Run a re-check worker in this process (default true). */
  worker?: boolean;
  sandbox?: () => Sandbox;
  secureCookies?: boolean;
  poolSize?: number;
  logger?: boolean;
};

export type RunningServer = { app: FastifyInstance; database: Database; worker?: RecheckWorker; url: string; close(): Promise<void> };

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const database = await connect({ ...(o.url ? { url: o.url } : { dataDir: o.dataDir ?? defaultDataDir() }), ...(o.poolSize ? { poolSize: o.poolSize } : {}) });
  const worker = o.worker !== false && o.sandbox ? new RecheckWorker(database.db, { sandbox: o.sandbox, onError: (e) => app.log.warn({ err: e }, 're-check') }) : undefined;
  const app = await buildServer({
    db: database.db,
    kind: database.kind,
    secureCookies: o.secureCookies ?? false,
    ...(o.appDir ? { appDir: o.appDir } : {}),
    ...(worker ? { onSubmitted: () => worker.nudge() } : {}),
    logger: o.logger ?? false,
  });
  const address = await app.listen({ port: o.port, host: o.host ?? '0.0.0.0' });
  worker?.start();
  let closing: Promise<void> | undefined;
  return {
    app,
    database,
    ...(worker ? { worker } : {}),
    url: address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost'),
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await worker?.stop();
        await database.close();
      })()),
  };
}

// What every route plugin of the team server is given: the database and the server's settings.
// Its own module so the routes and the app that registers them do not import each other.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/connect.js';
import type { DB } from '../db/schema.js';

export type ServerContext = {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Cookies marked Secure: behind HTTPS (VEREDICTO_SECURE_COOKIES=1 or `--secure-cookies`). */
  secureCookies: boolean;
  /** Called after an upload stored something new (wakes this process's re-check worker). */
  onSubmitted?: () => void;
  /** The built workbench (dist/) to serve at /; absent: the API only. */
  appDir?: string;
  logger?: boolean;
};

// Keys of the `team` namespace built from values the server sends (roles, states, error codes):
// each value is checked against the English locale's own keys, so an unknown one falls back to a
// known sentence instead of showing a raw key (src/i18n/keys.d.ts types every literal key).
import type team from '../../../locales/en/team.json';

type Team = typeof team;
const has = <K extends string>(keys: Record<K, unknown>, k: string): k is K => Object.hasOwn(keys, k);

export type ApiKey = `api.${Exclude<keyof Team['api'], `${string}_${'one' | 'other'}`> | 'importFailed'}`;
export type RoleKey = `ui.role.${keyof Team['ui']['role']}`;
export type StateKey = `ui.state.${keyof Team['ui']['state']}`;
export type IssueKey = `ui.issue.${keyof Team['ui']['issue']}`;
export type ProgressKey = `ui.progress.${keyof Team['ui']['progress']}`;

const KEYS = {
  api: ['notFound', 'forbidden', 'signInRequired', 'invalid', 'importFailed', 'tooManyAttempts', 'badCredentials', 'crossSite', 'inviteInvalid', 'inviteOtherEmail', 'emailTaken', 'userNotFound', 'notMember', 'notActive', 'notPending', 'paused', 'projectPaused', 'pausedByLead', 'databaseDown', 'tooLarge', 'notJson', 'badJson', 'internal', 'network'],
  role: ['admin', 'reviewer', 'trainer'],
  state: ['active', 'submitted', 'skipped', 'expired'],
  issue: ['invalid', 'too_small', 'too_big', 'invalid_type', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'custom'],
} as const;
const set = (list: readonly string[]) => Object.fromEntries(list.map((k) => [k, true])) as Record<string, true>;
const API = set(KEYS.api);
const ROLE = set(KEYS.role);
const STATE = set(KEYS.state);
const ISSUE = set(KEYS.issue);

export const apiKey = (code: string): ApiKey => (has(API, code) ? (`api.${code}` as ApiKey) : 'api.internal');
export const roleKey = (role: string): RoleKey => (has(ROLE, role) ? (`ui.role.${role}` as RoleKey) : 'ui.role.trainer');
export const stateKey = (state: string): StateKey => (has(STATE, state) ? (`ui.state.${state}` as StateKey) : 'ui.state.active');
export const issueKey = (code: string): IssueKey => (has(ISSUE, code) ? (`ui.issue.${code}` as IssueKey) : 'ui.issue.invalid');

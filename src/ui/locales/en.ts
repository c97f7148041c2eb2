// Every namespace of the en locale, one chunk: the page loads the language it shows, and the
// other one only when the user switches (resources.ts). Static imports, so a missing file fails the build.
import type { ResourceLanguage } from 'i18next';
import authoring from '../../../locales/en/authoring.json' with { type: 'json' };
import cli from '../../../locales/en/cli.json' with { type: 'json' };
import common from '../../../locales/en/common.json' with { type: 'json' };
import editor from '../../../locales/en/editor.json' with { type: 'json' };
import errors from '../../../locales/en/errors.json' with { type: 'json' };
import judgement from '../../../locales/en/judgement.json' with { type: 'json' };
import judging from '../../../locales/en/judging.json' with { type: 'json' };
import practice from '../../../locales/en/practice.json' with { type: 'json' };
import team from '../../../locales/en/team.json' with { type: 'json' };

export const resources: ResourceLanguage = { authoring, cli, common, editor, errors, judgement, judging, practice, team };

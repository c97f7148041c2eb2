// Every namespace of the es-CL locale, one chunk: the page loads the language it shows, and the
// other one only when the user switches (resources.ts). Static imports, so a missing file fails the build.
import type { ResourceLanguage } from 'i18next';
import authoring from '../../../locales/es-CL/authoring.json' with { type: 'json' };
import cli from '../../../locales/es-CL/cli.json' with { type: 'json' };
import common from '../../../locales/es-CL/common.json' with { type: 'json' };
import editor from '../../../locales/es-CL/editor.json' with { type: 'json' };
import errors from '../../../locales/es-CL/errors.json' with { type: 'json' };
import judgement from '../../../locales/es-CL/judgement.json' with { type: 'json' };
import judging from '../../../locales/es-CL/judging.json' with { type: 'json' };
import practice from '../../../locales/es-CL/practice.json' with { type: 'json' };
import team from '../../../locales/es-CL/team.json' with { type: 'json' };

export const resources: ResourceLanguage = { authoring, cli, common, editor, errors, judgement, judging, practice, team };

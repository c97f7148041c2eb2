// The translations the browser bundles: every namespace of both locales, imported statically so
// the page works offline and a missing file fails the build.
import type { Resource } from 'i18next';
import enCli from '../../locales/en/cli.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enEditor from '../../locales/en/editor.json' with { type: 'json' };
import enErrors from '../../locales/en/errors.json' with { type: 'json' };
import enJudgement from '../../locales/en/judgement.json' with { type: 'json' };
import enJudging from '../../locales/en/judging.json' with { type: 'json' };
import esCli from '../../locales/es-CL/cli.json' with { type: 'json' };
import esCommon from '../../locales/es-CL/common.json' with { type: 'json' };
import esEditor from '../../locales/es-CL/editor.json' with { type: 'json' };
import esErrors from '../../locales/es-CL/errors.json' with { type: 'json' };
import esJudgement from '../../locales/es-CL/judgement.json' with { type: 'json' };
import enPractice from '../../locales/en/practice.json' with { type: 'json' };
import esPractice from '../../locales/es-CL/practice.json' with { type: 'json' };
import esJudging from '../../locales/es-CL/judging.json' with { type: 'json' };
import enAuthoring from '../../locales/en/authoring.json' with { type: 'json' };
import esAuthoring from '../../locales/es-CL/authoring.json' with { type: 'json' };
import enTeam from '../../locales/en/team.json' with { type: 'json' };
import esTeam from '../../locales/es-CL/team.json' with { type: 'json' };

export const RESOURCES: Resource = {
  en: { cli: enCli, common: enCommon, editor: enEditor, errors: enErrors, judgement: enJudgement, judging: enJudging, practice: enPractice, authoring: enAuthoring, team: enTeam },
  'es-CL': { cli: esCli, common: esCommon, editor: esEditor, errors: esErrors, judgement: esJudgement, judging: esJudging, practice: esPractice, authoring: esAuthoring, team: esTeam },
};

// The translations the browser bundles: every namespace of both locales, imported statically so
// the page works offline and a missing file fails the build.
import type { Resource } from 'i18next';
import enCli from '../../locales/en/cli.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enErrors from '../../locales/en/errors.json' with { type: 'json' };
import esCli from '../../locales/es-CL/cli.json' with { type: 'json' };
import esCommon from '../../locales/es-CL/common.json' with { type: 'json' };
import esErrors from '../../locales/es-CL/errors.json' with { type: 'json' };

export const RESOURCES: Resource = {
  en: { common: enCommon, errors: enErrors, cli: enCli },
  'es-CL': { common: esCommon, errors: esErrors, cli: esCli },
};

// The English locale is the type of every translation key: `t('a.missing.key')` does not type-check,
// and neither does a key in the wrong namespace. Keys built at run time go through typed helpers
// (src/i18n/messages.ts); a new string is added to locales/en first, then to locales/es-CL
// (test/locales.test.ts checks that both have the same keys).
import type authoring from '../../locales/en/authoring.json';
import type cli from '../../locales/en/cli.json';
import type common from '../../locales/en/common.json';
import type editor from '../../locales/en/editor.json';
import type errors from '../../locales/en/errors.json';
import type judgement from '../../locales/en/judgement.json';
import type judging from '../../locales/en/judging.json';
import type practice from '../../locales/en/practice.json';
import type team from '../../locales/en/team.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      authoring: typeof authoring;
      cli: typeof cli;
      common: typeof common;
      editor: typeof editor;
      errors: typeof errors;
      judgement: typeof judgement;
      judging: typeof judging;
      practice: typeof practice;
      team: typeof team;
    };
  }
}

// One filter of a list (task list, practice): a labelled select whose first choice is "Any", the
// empty string.
import { useTranslation } from 'react-i18next';

export function FilterSelect({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: readonly (readonly [value: string, text: string])[] }) {
  const { t } = useTranslation('common');
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('list.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

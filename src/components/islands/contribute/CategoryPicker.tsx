import { useContext } from 'react';
import { Fields, Message, useDescribed } from './fields';
import { inputId } from './keys';
import { t } from '../../../lib/text/messages';

/** Categories as tick boxes grouped under their top-level category. */
export default function CategoryPicker({
  tops,
  childrenOf,
  values,
  onChange,
}: {
  tops: { id: string; name: string }[];
  childrenOf: (id: string) => { id: string; name: string }[];
  values: string[];
  onChange: (v: string[]) => void;
}) {
  const d = useDescribed('categories', 'y');
  const { touch } = useContext(Fields);
  const first = inputId('categories');
  let n = 0;
  const box = (id: string, label: string) => {
    const boxId = n++ === 0 ? first : `${first}-${id}`;
    return (
      <div className="cf-choice" key={id}>
        <input
          type="checkbox"
          id={boxId}
          name="categories"
          value={id}
          checked={values.includes(id)}
          onChange={(e) => {
            onChange(e.currentTarget.checked ? [...values, id] : values.filter((v) => v !== id));
            touch('categories');
          }}
        />
        <label htmlFor={boxId}>{label}</label>
      </div>
    );
  };
  return (
    <div className={d.hasError ? 'cf-group cf-group--error' : 'cf-group'}>
      <fieldset className="cf-fieldset" aria-describedby={d['aria-describedby']}>
        <legend className="cf-legend">{t('contribute.categories')}</legend>
        <div id={`${first}-hint`} className="hint">
          {t('contribute.categories.hint')}
        </div>
        <Message fieldKey="categories" />
        <div className="cf-categories">
          {tops.map((top) => (
            <fieldset key={top.id} className="cf-fieldset cf-category-group">
              <legend className="cf-legend--small">{top.name}</legend>
              {childrenOf(top.id).map((c) => box(c.id, c.name))}
              {box(top.id, t('contribute.categories.other', { name: top.name }))}
            </fieldset>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

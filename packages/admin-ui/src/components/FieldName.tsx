import { Fragment } from 'react';

/**
 * A catalog field name (`config.purposesNarrowed`) as code that may wrap only after a dot: a narrow
 * column breaks it between its parts, never inside one. The text is unchanged (copying it gives the
 * name), because <wbr> adds a break opportunity and no character.
 */
export function FieldName({ name }: { name: string }) {
  const parts = name.split('.');
  return (
    <code className="field-name">
      {parts.map((part, index) => (
        // The parts of one name never reorder, so their position is a stable key.
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {index < parts.length - 1 ? `${part}.` : part}
        </Fragment>
      ))}
    </code>
  );
}

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { InlineError } from '../ui/states.tsx';

/** A modal's text inputs as Discord sends them: in action rows, or in labels (newer components). */
type TextInput = {
  custom_id: string;
  label?: string;
  style?: number;
  min_length?: number;
  max_length?: number;
  required?: boolean;
  value?: string;
  placeholder?: string;
};
type Row = {
  type: number;
  components?: TextInput[];
  component?: TextInput;
  label?: string;
  description?: string;
};
export type ModalData = { custom_id: string; title: string; components: Row[] };

function inputsOf(data: ModalData): Array<TextInput & { description?: string }> {
  return data.components.flatMap((row) => {
    if (row.type === 18 && row.component)
      return [
        {
          ...row.component,
          label: row.label ?? row.component.label ?? '',
          ...(row.description ? { description: row.description } : {}),
        },
      ];
    return row.components ?? [];
  });
}

/**
 * A form the bot opened (Discord's modal), as a native dialog: it traps focus, Escape cancels,
 * and focus returns to where it was. Submitting sends the values as the acting person.
 */
export function ModalDialog({
  data,
  onSubmit,
  onClose,
  pending,
  error,
}: {
  data: ModalData;
  onSubmit: (fields: Record<string, string>) => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputs = inputsOf(data);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(inputs.map((i) => [i.custom_id, i.value ?? ''])),
  );
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  return (
    <dialog ref={dialog} className="modal" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <h2 id={titleId}>{data.title}</h2>
        {inputs.map((input) => {
          const id = `${titleId}-${input.custom_id}`;
          const common = {
            id,
            name: input.custom_id,
            required: input.required ?? true,
            value: values[input.custom_id] ?? '',
            placeholder: input.placeholder,
            ...(input.min_length !== undefined ? { minLength: input.min_length } : {}),
            ...(input.max_length !== undefined ? { maxLength: input.max_length } : {}),
            onChange: (e: { target: { value: string } }) =>
              setValues((v) => ({ ...v, [input.custom_id]: e.target.value })),
          };
          return (
            <div key={input.custom_id} className="field">
              <label className="field-label" htmlFor={id}>
                {input.label}
              </label>
              {input.style === 2 ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
              {input.description ? <p className="field-help">{input.description}</p> : null}
            </div>
          );
        })}
        <InlineError error={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {t('dashboard.sandbox.submit')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('dashboard.common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

import { useState } from 'preact/hooks';
import { CommandAnswer } from '../api';
import { commandBody, FactStep, FieldDef, fieldsOf, formProblems, FormValues, initialValues } from '../fact-form-model';
import { useCommand } from '../hooks';
import { ErrorBox } from './ui';

function Field({ id, field, value, set }: { id: string; field: FieldDef; value: string | boolean; set: (v: string | boolean) => void }) {
  const input = (e: Event) => set((e.target as HTMLInputElement).value);
  const label = <label for={id}>{field.label}{field.required ? ' *' : ''} {field.hint && <small class="muted">{field.hint}</small>}</label>;
  switch (field.kind) {
    case 'checkbox':
      return <label class="inline" for={id}><input id={id} type="checkbox" checked={value === true} onChange={(e) => set((e.target as HTMLInputElement).checked)} /> {field.label}</label>;
    case 'select':
      return <>{label}<select id={id} value={String(value)} onChange={input}>{field.options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></>;
    case 'textarea':
      return <>{label}<textarea id={id} rows={2} value={String(value)} onInput={input} /></>;
    default: {
      const type = ({ text: 'text', url: 'url', date: 'date', datetime: 'datetime-local', money: 'text' } as Record<string, string>)[field.kind];
      const attrs = { id, type, inputMode: field.kind === 'money' ? 'decimal' : undefined, value: String(value), onInput: input } as Record<string, unknown>;
      return <>{label}<input {...attrs} /></>;
    }
  }
}

/**
 * One command as a form drawn from its definition (fact-form-model.ts): folded behind a button
 * until asked for; what is missing is named before sending, the API's refusal in words after.
 */
export function StepForm({ dealId, step, idPrefix, onDone, primary }: {
  dealId: string; step: FactStep; idPrefix: string; onDone: (answer: CommandAnswer, step: FactStep) => void; primary?: boolean;
}) {
  const fields = fieldsOf(step);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  // Once a send was tried, what is still missing is said as it is typed.
  const [tried, setTried] = useState(false);
  const problems = tried ? formProblems(fields, values) : [];
  const { busy, error, send } = useCommand();
  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (formProblems(fields, values).length) return;
    const answer = await send(`/deals/${encodeURIComponent(dealId)}/${step.path}`, commandBody(step, values));
    if (!answer) return;
    setOpen(false);
    setTried(false);
    setValues(initialValues(fields));
    onDone(answer, step);
  };
  if (!open) {
    return (
      <button type="button" class={primary ? undefined : 'secondary'} aria-expanded="false" data-testid={`open-${step.command}`} onClick={() => setOpen(true)}>
        {step.title}…
      </button>
    );
  }
  return (
    <form class="step-form" onSubmit={submit} aria-label={step.title} data-testid={`form-${step.command}`}>
      <h3>{step.title}</h3>
      {fields.map((f) => (
        <Field key={f.name} id={`${idPrefix}-${f.name}`} field={f} value={values[f.name]} set={(v) => setValues({ ...values, [f.name]: v })} />
      ))}
      {problems.length > 0 && <p class="error" role="alert">{problems.join(' ')}</p>}
      <ErrorBox error={error} />
      <div class="form-actions">
        <button type="submit" disabled={busy}>{step.submit}</button> <button type="button" class="link" onClick={() => setOpen(false)}>cancel</button>
      </div>
    </form>
  );
}

import {
  ATTRIBUTE_TYPES, controlId, AttributeType, emptyAttribute, emptyFactType, EVIDENCE_KINDS, FactTypeDraft, removed, replaced,
} from '../pipeline-editor-model';

/** The custom buyer facts of the draft: name, label, typed attributes and the evidence kinds each accepts. */
export function FactTypeEditor({ factTypes, onChange }: { factTypes: readonly FactTypeDraft[]; onChange: (next: readonly FactTypeDraft[]) => void }) {
  return (
    <div>
      {factTypes.length === 0 && <p class="muted">No custom fact type: criteria name built-in facts only.</p>}
      <ol class="editor-list">
        {factTypes.map((f, i) => {
          const name = `fact type ${i + 1}`;
          const set = (patch: Partial<FactTypeDraft>) => onChange(replaced(factTypes, i, { ...f, ...patch }));
          return (
            <li key={`fact-${i}`} class="fact-type" data-testid="fact-type">
              <div class="fields">
                <label>Name ({name})<input value={f.name} placeholder="security-questionnaire-signed" onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} /></label>
                <label>Label ({name})<input value={f.label} onInput={(e) => set({ label: (e.target as HTMLInputElement).value })} /></label>
              </div>
              <fieldset class="inline-choices">
                <legend>Evidence kinds accepted ({name})</legend>
                {EVIDENCE_KINDS.map((kind) => (
                  <label key={kind}><input type="checkbox" checked={f.evidenceKinds.includes(kind)} onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    set({ evidenceKinds: EVIDENCE_KINDS.filter((k) => (k === kind ? on : f.evidenceKinds.includes(k))) });
                  }} /> {kind}</label>
                ))}
              </fieldset>
              <h4>Attributes of {f.name || name}</h4>
              <ol class="editor-list">
                {f.attributes.map((a, j) => {
                  const attr = `${name}, attribute ${j + 1}`;
                  const setA = (patch: Partial<typeof a>) => set({ attributes: replaced(f.attributes, j, { ...a, ...patch }) });
                  return (
                    <li key={`attr-${j}`} class="fields" data-testid="attribute">
                      <label>Attribute name ({attr})<input value={a.name} onInput={(e) => setA({ name: (e.target as HTMLInputElement).value })} /></label>
                      <div class="field"><label for={controlId(`Type ${attr}`)}>Type ({attr})</label>
                        <select id={controlId(`Type ${attr}`)} value={a.type} onChange={(e) => setA({ type: (e.target as HTMLSelectElement).value as AttributeType })}>
                          {ATTRIBUTE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                        </select>
                      </div>
                      {a.type === 'enum' && (
                        <label>Values, comma-separated ({attr})<input value={a.values} onInput={(e) => setA({ values: (e.target as HTMLInputElement).value })} /></label>
                      )}
                      <label><input type="checkbox" checked={a.required} onChange={(e) => setA({ required: (e.target as HTMLInputElement).checked })} /> Required ({attr})</label>
                      <button type="button" class="secondary" onClick={() => set({ attributes: removed(f.attributes, j) })}>Remove {attr}</button>
                    </li>
                  );
                })}
              </ol>
              <div class="change-actions">
                <button type="button" class="secondary" onClick={() => set({ attributes: [...f.attributes, emptyAttribute()] })}>Add an attribute to {name}</button>
                <button type="button" class="secondary" onClick={() => onChange(removed(factTypes, i))}>Remove {name}</button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...factTypes, emptyFactType()])}>Add a fact type</button>
    </div>
  );
}

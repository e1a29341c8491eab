import { useState } from 'preact/hooks';
import { ErrorBox, Section } from '../components/ui';
import { useCommand } from '../hooks';
import { Me } from '../me';
import { EMPTY_DEAL, EMPTY_LINE, LineRow, NewDealForm, newDealBody, newDealProblems } from '../new-deal-model';
import { href } from '../router';

/** Opens a deal (`POST /deals`) owned by the signed-in user, then goes to its page. */
export function NewDealPage({ me }: { me: Me }) {
  const [form, setForm] = useState<NewDealForm>(EMPTY_DEAL);
  // Once a send was tried, what is still missing is said as it is typed.
  const [tried, setTried] = useState(false);
  const problems = tried ? newDealProblems(form) : [];
  const { busy, error, send } = useCommand();
  const set = (change: Partial<NewDealForm>) => setForm({ ...form, ...change });
  const setLine = (i: number, change: Partial<LineRow>) => set({ lines: form.lines.map((l, j) => (j === i ? { ...l, ...change } : l)) });
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (newDealProblems(form).length) return;
    const answer = await send('/deals', newDealBody(form));
    if (answer?.dealId) location.hash = href('deal', answer.dealId);
  };
  return (
    <div>
      <header class="page-head"><h1>New deal</h1></header>
      <Section title={`Owner: ${me.name} (${me.userId})`}>
        <form class="step-form new-deal" onSubmit={submit} aria-label="New deal">
          <label for="deal-name">Name *</label>
          <input id="deal-name" value={form.name} onInput={(e) => set({ name: value(e) })} />
          <label for="deal-account">Account *</label>
          <input id="deal-account" value={form.account} onInput={(e) => set({ account: value(e) })} />
          <label for="deal-industry">Industry <small class="muted">(optional)</small></label>
          <input id="deal-industry" value={form.industry} onInput={(e) => set({ industry: value(e) })} />
          <label for="deal-amount">Amount *</label>
          <input id="deal-amount" inputMode="decimal" placeholder="60000.00" value={form.amount} onInput={(e) => set({ amount: value(e) })} />
          <label for="deal-currency">Currency *</label>
          <input id="deal-currency" size={4} maxLength={3} value={form.currency} onInput={(e) => set({ currency: value(e).toUpperCase() })} />
          <fieldset class="lines">
            <legend>Products <small class="muted">(optional; their amounts add up to the amount)</small></legend>
            {form.lines.map((l, i) => (
              <div class="share-row" key={i} data-testid="line-row">
                <label for={`line-${i}-product`}>Product {i + 1}</label>
                <input id={`line-${i}-product`} value={l.productCode} size={10} onInput={(e) => setLine(i, { productCode: value(e) })} />
                <label for={`line-${i}-amount`}>Amount</label>
                <input id={`line-${i}-amount`} inputMode="decimal" value={l.amount} size={10} onInput={(e) => setLine(i, { amount: value(e) })} />
                <label for={`line-${i}-quantity`}>Quantity</label>
                <input id={`line-${i}-quantity`} inputMode="numeric" value={l.quantity} size={4} onInput={(e) => setLine(i, { quantity: value(e) })} />
                <button type="button" class="link" aria-label={`Remove product ${i + 1}`} onClick={() => set({ lines: form.lines.filter((_, j) => j !== i) })}>remove</button>
              </div>
            ))}
            <button type="button" class="link" onClick={() => set({ lines: [...form.lines, EMPTY_LINE] })}>+ product</button>
          </fieldset>
          {problems.length > 0 && <p class="error" role="alert">{problems.join(' ')}</p>}
          <ErrorBox error={error} />
          <div class="form-actions"><button type="submit" disabled={busy}>Create deal</button></div>
        </form>
      </Section>
    </div>
  );
}

import { CommandAnswer } from '../api';
import { DealPosition, lifecycleSteps } from '../deal-actions-model';
import { FactStep } from '../fact-form-model';
import { Me } from '../me';
import { CommandNotice } from './command-notice';
import { StepForm } from './fact-form';
import { Section } from './ui';

/** What was done last on the page: applied, or proposed and waiting for approval. */
export interface Done { readonly answer: CommandAnswer; readonly what: string }

/** Advance, override, close, reverse, hand-off, implementation start, go-live: what the deal and the user's roles allow now. */
export function DealActions({ dealId, deal, me, done, onDone }: {
  dealId: string; deal: DealPosition; me: Me; done?: Done; onDone: (answer: CommandAnswer, step: FactStep) => void;
}) {
  const steps = lifecycleSteps(me.roles, deal);
  if (!steps.length && !done) return null;
  return (
    <Section title="Next steps">
      {done && <CommandNotice answer={done.answer} what={done.what} />}
      {steps.length === 0 ? <p class="muted">Nothing more to do on this deal.</p> : (
        <div class="step-list" data-testid="deal-actions">
          {steps.map((s, i) => <StepForm key={`${deal.stageId}/${s.command}`} dealId={dealId} step={s} idPrefix={`action-${s.command}`} onDone={onDone} primary={i === 0} />)}
        </div>
      )}
    </Section>
  );
}

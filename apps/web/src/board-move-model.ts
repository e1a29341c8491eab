/** Moving a card on the board: where a drop may take a deal, in words when it may not. */

export interface MoveState {
  readonly busy: boolean;
  readonly error?: Error;
}

interface Stage { readonly stageId: string; readonly stageName: string }

/** The stage after `stageId` among the board's columns (open stages in pipeline order). */
export const nextStage = (stages: readonly Stage[], stageId: string): Stage | undefined => {
  const i = stages.findIndex((s) => s.stageId === stageId);
  return i >= 0 ? stages[i + 1] : undefined;
};

/**
 * What a drop of a deal on a column asks for: an advance to the next stage, nothing (dropped
 * where it is), or why not in words. Whether its exit criteria are met is the API's to say.
 */
export function moveTarget(stages: readonly Stage[], card: { readonly stageId: string } | undefined, toStageId: string): { toStageId: string } | { stay: true } | { problem: string } {
  if (!card) return { problem: 'This deal is no longer on the board.' };
  if (card.stageId === toStageId) return { stay: true };
  const next = nextStage(stages, card.stageId);
  const here = stages.find((s) => s.stageId === card.stageId)?.stageName ?? card.stageId;
  if (!next) return { problem: `From ${here} the deal closes won or lost on its page.` };
  if (next.stageId !== toStageId) {
    return { problem: `A deal moves one stage at a time: from ${here} only to ${next.stageName}. A manager may override on the deal's page.` };
  }
  return { toStageId };
}

import { isKernelError } from '@zhizhi/kernel/errors';
import { type DrawResult, runDraw } from './draw';
import { type DrawPlanInput, drawInputsDigest } from './input';
import { seedCommitment } from './prng';

/** What the platform publishes: the commitments before the draw, the result digest after it. */
export interface PublishedDraw {
  planId: string;
  seedCommitment: string;
  inputsDigest: string;
  resultDigest: string;
}

export type DrawVerificationCode =
  | 'seed_invalid'
  | 'seed_mismatch'
  | 'plan_mismatch'
  | 'input_invalid'
  | 'inputs_mismatch'
  | 'result_mismatch';

export interface DrawVerificationReason {
  code: DrawVerificationCode;
  message: string;
}

export interface DrawVerification {
  ok: boolean;
  reasons: DrawVerificationReason[];
  /** The recomputed result, when the seed and input allowed running the draw. */
  result: DrawResult | null;
}

/**
 * Verifies a published draw from the revealed seed and the plan input: the seed matches the
 * commitment, the input matches the inputs digest, and recomputing gives the published result
 * digest. Never throws for bad data; every failed check is a reason.
 */
export function verifyDraw(args: {
  published: PublishedDraw;
  seed: string;
  input: DrawPlanInput;
}): DrawVerification {
  const { published, seed, input } = args;
  const reasons: DrawVerificationReason[] = [];
  const add = (code: DrawVerificationCode, message: string) => reasons.push({ code, message });

  let seedOk = false;
  try {
    seedOk = seedCommitment(seed) === published.seedCommitment.toLowerCase();
    if (!seedOk) add('seed_mismatch', 'The seed does not match the published seed commitment.');
  } catch (error) {
    if (!isKernelError(error)) throw error;
    add('seed_invalid', error.message);
  }
  if (input?.planId !== published.planId) add('plan_mismatch', 'The input is for another plan.');

  let inputOk = false;
  try {
    inputOk = drawInputsDigest(input) === published.inputsDigest.toLowerCase();
    if (!inputOk) add('inputs_mismatch', 'The input does not match the published inputs digest.');
  } catch (error) {
    if (!isKernelError(error)) throw error;
    add('input_invalid', error.message);
  }

  let result: DrawResult | null = null;
  if (seedOk && inputOk) {
    result = runDraw({ ...input, seed });
    if (result.digest !== published.resultDigest.toLowerCase()) {
      add('result_mismatch', 'Recomputing the draw gives a different result digest.');
    }
  }
  return { ok: reasons.length === 0, reasons, result };
}

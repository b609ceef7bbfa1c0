import type { Kernel } from '@zhizhi/kernel';
import { createCreditService, type CreditOptions } from './credit/credit-service';
import './events';
import { liveRegulationIndicators, registerRegulationIndicators } from './indicators';
import { helpCaseType, inspectionCaseType, referralCaseType, repairCaseType } from './inspection/case-types';
import { registerFollowUps } from './inspection/follow-ups';
import { createInspectionService } from './inspection/inspection-service';
import { createPlanService } from './inspection/plan-service';
import { createRoster } from './inspection/roster';
import './permissions';
import { type AddressMatcher, createSubjectRegistry } from './registry/subject-service';
import { createShopService } from './shops/shop-service';

export interface RegulationOptions extends CreditOptions {
  /** The district the indicators total up to (e.g. 330213000000); indicators are registered when set. */
  districtCode?: string;
  /** Matches registered addresses to the standard address library (places). */
  matchAddress?: AddressMatcher;
  /** Salt for hashing reviewers of shops (码上评价); set per deployment. */
  reviewSalt?: string;
  /** Visits a draw opens in its own transaction; the rest follow in jobs of this many (default 200). */
  drawOpenBatch?: number;
}

/** The regulation module: market subjects, credit, 双随机 inspections, 众安码 shop codes. */
export function createRegulation(kernel: Kernel, options: RegulationOptions = {}) {
  const credit = createCreditService(kernel, options);
  const subjects = createSubjectRegistry(kernel, {
    matchAddress: options.matchAddress,
    onChanged: (tx, id) => credit.rerateSubject(tx, id, 'subject').then(() => undefined),
  });
  const roster = createRoster(kernel);
  const plans = createPlanService(kernel, { roster, openBatch: options.drawOpenBatch });
  const inspections = createInspectionService(kernel, { roster, plans, credit });
  const shops = createShopService(kernel, {
    roster,
    inspections,
    credit,
    reviewSalt: options.reviewSalt ?? 'zhizhi-shop-review',
  });
  registerFollowUps(kernel, credit);
  const districtCode = options.districtCode ?? '330213000000';

  return {
    subjects,
    credit,
    roster,
    plans,
    inspections,
    shops,
    /** Installs case types, the default rule sets and the indicators (after the kernel has migrated). */
    async start() {
      for (const type of [inspectionCaseType(), referralCaseType(), repairCaseType(), helpCaseType()])
        await kernel.cases.defineCaseType(kernel.db, type);
      await credit.installDefaults();
      if (options.districtCode) await registerRegulationIndicators(kernel, kernel.db, options.districtCode);
    },
    indicators: (from: Date, to: Date) => liveRegulationIndicators(kernel, from, to, districtCode),
  };
}

export type Regulation = ReturnType<typeof createRegulation>;

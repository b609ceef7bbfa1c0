/** Events of the regulation module (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A subject's class under a rule set changed (not on its first rating). */
    'regulation.rating.changed': {
      subjectId: string;
      uscc: string;
      ruleSetCode: string;
      fromClass: string | null;
      toClass: string;
      score: number;
    };
    /** A draw was made; its result is public, its seed follows. */
    'regulation.draw.made': { planId: string; number: string; visits: number; shortfalls: number };
    /** An inspection's result was published (双随机一公开). */
    'regulation.inspection.published': {
      inspectionId: string;
      subjectId: string;
      result: string;
      planId: string | null;
    };
    /** An early warning went to the supervising department. */
    'regulation.warning.raised': {
      warningId: string;
      subjectId: string;
      departmentCode: string;
      kind: string;
    };
  }
}

export {};

/** A clock alert: who should hear about which case. */
export interface CaseClockAlert {
  caseId: string;
  number: string;
  typeCode: string;
  clock: string;
  dueAt: string;
  divisionCode: string;
  departmentId: string | null;
  assigneeId: string | null;
}

/** Events the case engine publishes (declared on the kernel's EventMap). */
declare module '../events/event-bus' {
  interface EventMap {
    /** A case was opened. */
    'cases.case.opened': {
      caseId: string;
      number: string;
      typeCode: string;
      divisionCode: string;
      departmentId: string | null;
      parentId: string | null;
      parentRole: string | null;
    };
    /** A case took a transition; `closed` when it reached a final state. */
    'cases.case.transitioned': {
      caseId: string;
      number: string;
      typeCode: string;
      transition: string;
      from: string;
      to: string;
      closed: boolean;
      divisionCode: string;
      departmentId: string | null;
      parentId: string | null;
    };
    /** A supervision note (督办) was written on a case. */
    'cases.case.supervised': { caseId: string; number: string; typeCode: string };
    /** A `publish` effect of a case type's transition. */
    'cases.case.signal': { signal: string; caseId: string; number: string; typeCode: string; state: string };
    /** A running clock passed its warning share (once per clock run). */
    'cases.clock.warning': CaseClockAlert;
    /** A running clock passed its promised deadline (once per clock run): escalate. */
    'cases.clock.overdue': CaseClockAlert;
  }
}

/** Events of the places module (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A departmental import finished matching. */
    'places.import.finished': {
      importId: string;
      total: number;
      matched: number;
      review: number;
      failed: number;
    };
    /** A review was decided; on accept, `addressId` is the entry the records now point to. */
    'places.review.decided': { caseId: string; decision: 'accept' | 'reject'; addressId: string | null };
  }
}

export {};

import { NotFoundError } from '../errors';

/**
 * The shared-data port: how a module reads another department's data through the sharing
 * gateway without importing the data module. The data module provides it when it starts; a
 * caller (services pre-fill, 一证通办) asks for rows of a catalogued resource under the approval
 * (grant) its department holds for one service matter. Every lookup, answered or refused, is
 * metered by the provider in the same access log as the HTTP gateway.
 */
export interface SharedDataLookup {
  /** The department that holds the grant (for services: the one-window centre). */
  consumerDepartmentId: string;
  /** The resource's catalogue code, e.g. `330213/scjgj/102001-001`. */
  resourceCode: string;
  /** The service matter the access serves; the grant must be for this matter. */
  matterCode: string;
  /** Who is served (stored in the access log): an application number, never a person's name. */
  accessor: string;
  /** Key item = value conditions (e.g. `{ id_number: '…' }`); each item must be filterable under the grant. */
  filter: Record<string, string>;
  /** The items wanted; each must be approved in the grant. */
  items: string[];
}

/** Where a value came from, as an applicant and an auditor see it. */
export interface SharedDataSource {
  resourceCode: string;
  resourceName: string;
  providerDepartmentId: string;
  providerDepartmentName: string;
  /** The grant the access went through, and the request case that approved it (e.g. `GX20260001`). */
  grantId: string;
  approvalNumber: string | null;
  matterCode: string;
  /** When the provider answered. */
  at: string;
}

export interface SharedDataAnswer {
  source: SharedDataSource;
  /** Approved items only, masked per the grant's frozen modes. */
  rows: Record<string, string | number | boolean | null>[];
  /** Item → masking mode applied (`clear` when the value is the original). */
  modes: Record<string, string>;
}

export interface SharedDataProvider {
  lookup(input: SharedDataLookup): Promise<SharedDataAnswer>;
}

/** The port the kernel carries; a module provides it, others look up through it. */
export function createSharedDataPort() {
  let provider: SharedDataProvider | null = null;
  return {
    provide(next: SharedDataProvider) {
      provider = next;
    },
    get available(): boolean {
      return provider !== null;
    },
    /** Throws `shared_data.unavailable` (404) when no module provides shared data on this install. */
    lookup(input: SharedDataLookup): Promise<SharedDataAnswer> {
      if (!provider)
        return Promise.reject(
          new NotFoundError(
            'shared_data.unavailable',
            'No data-sharing gateway is installed on this platform.',
          ),
        );
      return provider.lookup(input);
    },
  };
}

export type SharedDataPort = ReturnType<typeof createSharedDataPort>;

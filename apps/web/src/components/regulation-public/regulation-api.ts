import { unwrap } from '@zhizhi/api-client';
import { api } from '../../api/api';
import { portalApi } from '../gov-services/portal-api';
import type { StoredFile } from './types';

/**
 * Which session a write goes out with. The server prefers the staff cookie over the applicant one,
 * and each session has its own CSRF token: staff signed in → the staff client, otherwise the portal's.
 */
export type Client = typeof api;
export const clientFor = (staffSignedIn: boolean): Client => (staffSignedIn ? api : portalApi);

// ── Inspector (staff) ─────────────────────────────────────────────────────
export const loadMyVisits = () => unwrap(api.GET('/api/regulation/inspections/mine'));

export const loadVisit = (id: string) =>
  unwrap(api.GET('/api/regulation/inspections/{id}', { params: { path: { id } } }));

export interface RecordInput {
  expectedVersion: number;
  result: 'pass' | 'fail';
  checklist: Record<string, string>;
  findings?: string;
  photos?: string[];
  location: { lng: number; lat: number };
  signatures: string[];
  rectificationDays?: number;
}

export const recordVisit = (id: string, body: RecordInput) =>
  unwrap(
    api.POST('/api/regulation/inspections/{id}/record', {
      params: { path: { id } },
      body: body as unknown as Record<string, unknown>,
    }),
  );

export const reinspectVisit = (
  id: string,
  body: { expectedVersion: number; passed: boolean; findings: string; photos?: string[] },
) =>
  unwrap(
    api.POST('/api/regulation/inspections/{id}/reinspect', {
      params: { path: { id } },
      body: body as unknown as Record<string, unknown>,
    }),
  );

export const publishVisit = (id: string, expectedVersion: number) =>
  unwrap(
    api.POST('/api/regulation/inspections/{id}/publish', {
      params: { path: { id } },
      body: { expectedVersion },
    }),
  );

export const loadInspectors = () => unwrap(api.GET('/api/regulation/inspectors')).then((b) => b.items);

export const loadItems = () => unwrap(api.GET('/api/regulation/items')).then((b) => b.items);

export const startOnSpot = (body: { subjectId: string; itemCodes: string[]; partnerId: string }) =>
  unwrap(api.POST('/api/regulation/inspections', { body }));

// ── Files ─────────────────────────────────────────────────────────────────
/** Uploads a file as the raw request body (the server sniffs its type) with the given session. */
export function uploadFile(client: Client, file: Blob, name: string): Promise<StoredFile> {
  return unwrap(
    client.POST('/api/files', {
      body: file as never,
      bodySerializer: (body: unknown) => body as never,
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
    }),
  );
}

// ── Shop code page (public) ───────────────────────────────────────────────
export const loadShop = (token: string) =>
  unwrap(api.GET('/api/public/shops/{token}', { params: { path: { token } } }));

export const reviewShop = (client: Client, token: string, stars: number, comment?: string) =>
  unwrap(
    client.POST('/api/public/shops/{token}/reviews', {
      params: { path: { token } },
      body: { stars, ...(comment ? { comment } : {}) },
    }),
  );

export const askForHelp = (client: Client, token: string, question: string) =>
  unwrap(client.POST('/api/public/shops/{token}/help', { params: { path: { token } }, body: { question } }));

export const replyRectification = (
  client: Client,
  token: string,
  id: string,
  body: { expectedVersion: number; reply: string; photos?: string[] },
) =>
  unwrap(
    client.POST('/api/public/shops/{token}/inspections/{id}/reply', {
      params: { path: { token, id } },
      body: body as unknown as Record<string, unknown>,
    }),
  );

// ── Public results and draws ──────────────────────────────────────────────
export const loadResults = (query: { q?: string; limit?: number; offset?: number }) =>
  unwrap(api.GET('/api/public/regulation/results', { params: { query } })).then((b) => b.items);

export const loadDraws = () => unwrap(api.GET('/api/public/regulation/draws')).then((b) => b.items);

export const proofPath = (id: string) => `/api/public/regulation/draws/${encodeURIComponent(id)}/proof`;

export const loadProof = (id: string) =>
  unwrap(api.GET('/api/public/regulation/draws/{id}/proof', { params: { path: { id } } }));

// ── Portal: the enterprise's own credit ───────────────────────────────────
export const loadOwnCredit = () => unwrap(portalApi.GET('/api/applicant/regulation'));

export const applyForRepair = (body: { recordId: string; reason: string; evidence?: string[] }) =>
  unwrap(portalApi.POST('/api/applicant/regulation/repairs', { body }));

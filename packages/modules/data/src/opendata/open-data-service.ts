import type { Kernel } from '@zhizhi/kernel';
import { ConflictError, InputError } from '@zhizhi/kernel/errors';
import { count, eq } from 'drizzle-orm';
import { dataRow } from '../collection/schema';
import { createOpenApplications } from './applications';
import { createOpenDevelopers } from './developers';
import { CONTENT_TYPES, DOWNLOAD_FORMATS, type DownloadFormat, downloadStream } from './downloads';
import { createOpenApi } from './open-api';
import { createOpenPortal } from './portal';
import { findPublicResource, urlCode } from './resources';
import { deliveredItems, rowBatches } from './rows';
import { createOpenStats } from './stats';
import { meter } from './usage';

/**
 * The open-data portal (数据开放): public browsing and downloads, developers with keys, the rows
 * API, applications for restricted-open resources decided on the case engine, published usage.
 */
export function createOpenDataService(kernel: Kernel) {
  const portal = createOpenPortal(kernel);
  const developers = createOpenDevelopers(kernel);
  const applications = createOpenApplications(kernel);
  const api = createOpenApi(kernel, applications);
  const { stats } = createOpenStats(kernel);

  /**
   * A whole open resource as CSV, JSON or XLSX (streamed), counted as one download. Restricted-open
   * resources are not downloadable: their rows go only through the API under an approval.
   */
  async function download(code: string, format: string) {
    if (!(DOWNLOAD_FORMATS as readonly string[]).includes(format))
      throw new InputError('data.open.format_unknown', 'Downloads are csv, json or xlsx.', {
        errors: [{ path: '/format', message: 'csv | json | xlsx' }],
      });
    const { resource, items } = await findPublicResource(kernel.db, code);
    if (resource.openingType !== 'open')
      throw new ConflictError(
        'data.open.download_restricted',
        'This resource is restricted-open: its data is available through the API after approval.',
      );
    const [rows] = await kernel.db
      .select({ n: count() })
      .from(dataRow)
      .where(eq(dataRow.resourceId, resource.id));
    const kind = format as DownloadFormat;
    await meter(kernel.db, kernel.clock.now(), {
      resourceId: resource.id,
      kind: `download_${kind}`,
      rows: Number(rows?.n ?? 0),
    });
    // Open resources hold L1 items only (catalog rule); masking anyway keeps anything graded higher out.
    const delivered = deliveredItems(items);
    return {
      contentType: CONTENT_TYPES[kind],
      fileName: `${urlCode(resource.code)}.${kind}`,
      displayName: `${resource.name}.${kind}`,
      stream: downloadStream(kind, resource, delivered, rowBatches(kernel.db, resource.id)),
    };
  }

  return {
    /** Installs the application case type (idempotent). */
    install: () => applications.install(),
    browse: portal.browse,
    detail: portal.detail,
    download,
    register: developers.register,
    authenticate: developers.authenticate,
    rotateKey: developers.rotateKey,
    apply: applications.apply,
    myApplications: applications.listMine,
    applicationsForReview: applications.listForReview,
    decide: applications.decide,
    rows: api.rows,
    stats,
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;

import type { Kernel } from '@zhizhi/kernel';
import { createDoorplateService } from './doorplates/doorplate-service';
import { createImportService, PLACES_IMPORT_JOB } from './imports/import-service';
import { createPlaceGeo } from './library/geo';
import { createPlaceQueries } from './library/queries';
import { createLibraryStore } from './library/store';
import { addressReviewType } from './review/case-type';
import { createReviewService } from './review/review-service';
import type { AreaSeed, PlaceSeed } from './types';
import './events';
import './permissions';

export interface PlacesOptions {
  /** Development zones of the region (parsed as `devzone`). */
  devzones?: readonly string[];
  /** Department that decides review cases (地名管理; default `mzj`, the civil affairs bureau). */
  reviewDepartmentCode?: string;
}

/** The places module: standard address library, parser, matcher, geocoding, imports, review, doorplates. */
export function createPlaces(kernel: Kernel, options: PlacesOptions = {}) {
  const store = createLibraryStore(kernel, { devzones: options.devzones });
  const geo = createPlaceGeo(kernel);
  const queries = createPlaceQueries(kernel, store, geo);
  const reviews = createReviewService(kernel, store, { departmentCode: options.reviewDepartmentCode });
  const imports = createImportService(kernel, store, reviews.opener);
  const doorplates = createDoorplateService(kernel, store);

  kernel.jobs.register(PLACES_IMPORT_JOB, async (payload, { tx }) => {
    await imports.runChunk(tx, (payload as { importId: string }).importId);
  });

  return {
    ...queries,
    imports,
    reviews,
    doorplates,
    /** The in-memory parser and matcher state (rebuilt when the library changes). */
    engine: () => store.current(),
    /** Loads a region pack's library and areas (idempotent). */
    async seed(places: readonly PlaceSeed[], areas: readonly AreaSeed[]) {
      const result = await kernel.transaction((tx) => store.seed(tx, places, areas));
      geo.invalidate();
      return result;
    },
    /** Installs the review case type (after the kernel has migrated). */
    async start() {
      await kernel.cases.defineCaseType(kernel.db, addressReviewType);
    },
  };
}

export type Places = ReturnType<typeof createPlaces>;

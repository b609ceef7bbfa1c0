export { createDataCollection, type DataCollection } from './data-collection';
export type { LoadOptions, LoadSpec, Loads } from './load-service';
export { createRowPreparer, diffRows, resolveMapping } from './load-rows';
export { csvRecords, decodeText, type TabularSource, uploadSource } from './read-file';
export { httpLabel, postgresLabel } from './read-remote';
export { dataLoad, dataRow, dataSubscription } from './schema';
export type { Subscriptions } from './subscriptions';

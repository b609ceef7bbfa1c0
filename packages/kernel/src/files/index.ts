export {
  createFileStore,
  DEFAULT_MAX_BYTES,
  IMAGE_TYPES,
  type FileStore,
  type StoreFileInput,
} from './file-store';
export { sniffType } from './sniff-type';
export { filesFile } from './schema';

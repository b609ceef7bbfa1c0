export { dataLoad, dataRow } from './schema';

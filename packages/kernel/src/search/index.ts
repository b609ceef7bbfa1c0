export { tokenize, MAX_TOKEN_CHARS } from './tokenize';
export {
  toSearchText,
  toSearchVector,
  toWeightedVector,
  type SearchWeight,
  type WeightedText,
} from './search-vector';
export { searchQuery, rankExpression, MAX_QUERY_CHARS } from './search-query';

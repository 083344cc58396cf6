/** The workbook layer: grids in, readings, findings and write plans out. Pure. */
export * from './grid';
export * from './spec';
export * from './columns';
export { applyFallbacks, checkHeaderSynonyms, defaultHeaderMatcher, headerKey, headerMatcher, type HeaderMatcher, type HeaderRole, type HeaderSynonyms } from './headers';
export * from './errors';
export * from './layout';
export * from './codes';
export * from './metadata';
export * from './read';
export * from './compare';
export * from './template';
export * from './answers';

export * from './events';
export * from './supervision';

export * from './catalog';
export * from './quality';
export * from './collection';

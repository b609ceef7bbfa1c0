export * from './catalog';
export * from './quality';

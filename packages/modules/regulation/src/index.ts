export * from './credit';
export * from './draw';
export * from './subjects';

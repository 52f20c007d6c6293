export * from './types';
export * from './time';
export * from './read';
export * from './plan';

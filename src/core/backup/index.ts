export * from './format';
export { parseBackup, checkBackupSize } from './parse';
export { planItems, planSize, type ItemPlan, type ImportMode } from './merge';
export { readSection } from './sections';

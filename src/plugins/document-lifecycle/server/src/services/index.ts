import documents from './documents';
import indexNumbers from './index-numbers';
import lifecycle from './lifecycle';
import tickRuns from './tick-runs';
import validityPeriods from './validity-periods';

export default { lifecycle, documents, 'index-numbers': indexNumbers, 'validity-periods': validityPeriods, 'tick-runs': tickRuns };

export type LifecycleService = ReturnType<typeof lifecycle>;
export type IndexNumberService = ReturnType<typeof indexNumbers>;
export type ValidityPeriodsService = ReturnType<typeof validityPeriods>;
export type DocumentsService = ReturnType<typeof documents>;
export type { Actor, LifecycleEvent, TransitionInput } from './lifecycle';

import indexNumbers from './index-numbers';
import lifecycle from './lifecycle';

export default { lifecycle, 'index-numbers': indexNumbers };

export type LifecycleService = ReturnType<typeof lifecycle>;
export type IndexNumberService = ReturnType<typeof indexNumbers>;
export type { Actor, LifecycleEvent, TransitionInput } from './lifecycle';

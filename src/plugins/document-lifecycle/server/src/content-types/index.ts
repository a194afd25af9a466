import lifecycleEvent from './lifecycle-event/schema.json';

export default {
  'lifecycle-event': { schema: lifecycleEvent },
};

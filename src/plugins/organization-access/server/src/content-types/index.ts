import membership from './membership/schema.json';

export default {
  membership: { schema: membership },
};

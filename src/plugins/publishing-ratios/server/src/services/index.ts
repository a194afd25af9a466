import ratios from './ratios';

export type RatiosService = ReturnType<typeof ratios>;

export default { ratios };

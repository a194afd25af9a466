import ratios from './ratios';

export default { ratios };

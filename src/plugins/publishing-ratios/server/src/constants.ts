export const PLUGIN_ID = 'publishing-ratios';

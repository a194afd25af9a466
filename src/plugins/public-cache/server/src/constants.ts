export const PLUGIN_ID = 'public-cache';

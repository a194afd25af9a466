// The admin panel's bundler reads the plugin's TypeScript sources directly.
export { default } from './admin/src';

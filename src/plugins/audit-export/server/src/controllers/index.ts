import exportsController from './exports';

export default { exports: exportsController };

import exporter from './exporter';

export type ExporterService = ReturnType<typeof exporter>;

export default { exporter };

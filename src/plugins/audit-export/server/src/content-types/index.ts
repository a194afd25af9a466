import exportRecord from './export-record/schema.json';

export default {
  'export-record': { schema: exportRecord },
};

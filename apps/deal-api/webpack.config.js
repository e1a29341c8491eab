// The API's build (Nest's webpack defaults): main.js, and beside it the projections worker,
// projections-worker.js, an entry of its own that start-worker.ts starts as a worker thread.
const { join } = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'projections-worker': join(__dirname, 'src', 'projections', 'worker', 'projections.worker.ts'),
  },
  output: { ...options.output, filename: join('apps', 'deal-api', '[name].js') },
});

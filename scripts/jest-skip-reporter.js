// Prints every skipped test with its title (which states why) after the summary, so a suite
// skipped for a missing server says so in the test command's output.
const path = require('node:path');

class SkipReporter {
  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
          skipped.push(`  ${path.relative(process.cwd(), file.testFilePath)}: ${test.fullName}`);
        }
      }
    }
    if (skipped.length > 0) process.stderr.write(`Skipped (${skipped.length}):\n${skipped.join('\n')}\n`);
  }
}

module.exports = SkipReporter;

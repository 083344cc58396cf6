// Jest reporter: after a run, the slowest test files with their times, so the suite's
// cost stays visible and the next speed-up starts from the top of this list.
class SlowestSuites {
  constructor(_globalConfig, options = {}) {
    this.count = options.count ?? 10;
  }

  onRunComplete(_contexts, results) {
    const suites = results.testResults
      .map((r) => ({ file: r.testFilePath.replace(`${process.cwd()}/`, ''), ms: r.perfStats.end - r.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, this.count);
    if (suites.length === 0) return;
    const total = results.testResults.reduce((n, r) => n + (r.perfStats.end - r.perfStats.start), 0);
    const lines = suites.map((s) => `  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.file}`);
    process.stderr.write(`\nSlowest test files (of ${results.testResults.length}, ${(total / 1000).toFixed(0)} s of suite time):\n${lines.join('\n')}\n`);
  }
}

module.exports = SlowestSuites;

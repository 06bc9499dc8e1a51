/**
 * The arrows of src/ (docs/architecture.md): cli → scan → features → inventory → model.
 * `npm run lint` runs this (npx depcruise src); a violation fails `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle means two modules can no longer change or be tested apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-imports-no-src',
      comment: 'src/model is the contract: types and constants that everything else imports, so it imports nothing else from src.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'model-has-no-io',
      comment: 'src/model holds no I/O: no node built-in modules, no packages.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'The command line is the top: it wires the rest together and nothing depends on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-cli-imports-scan',
      comment: 'The scan pipeline (src/scan) runs the stages; the stages do not call back into it. cafscan merge (src/merge) is a pipeline beside it and shares its gate and empty-scan reasoning.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|scan|merge)/' },
      to: { path: '^src/scan/' },
    },
    {
      name: 'reporters-read-results-only',
      comment: 'Reporters turn results into files; they neither collect, read inputs nor evaluate.',
      severity: 'error',
      from: { path: '^src/reporters/' },
      to: { path: '^src/(engine|collect|sources|findings|suppressions|baseline|config)/' },
    },
    {
      name: 'engine-gets-its-catalog',
      comment: 'The engine evaluates the policy bundle its caller passes; it loads no catalog and knows nothing of findings, reports or sources.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(controls|findings|suppressions|baseline|scores|reporters|collect|sources|config|frameworks)/' },
    },
    {
      name: 'inventory-is-below-the-stages',
      comment: 'The inventory (and its redaction) is what sources produce and every stage reads: it depends on no stage.',
      severity: 'error',
      from: { path: '^src/inventory/' },
      to: { path: '^src/(engine|findings|suppressions|baseline|scores|reporters|collect|sources|graph|config|frameworks|controls)/' },
    },
    {
      name: 'findings-and-suppressions-apart',
      comment: 'Suppressions mark findings; both meet in src/model, not in each other.',
      severity: 'error',
      from: { path: '^src/(findings|suppressions)/' },
      to: { path: '^src/(findings|suppressions)/' },
    },
    {
      name: 'sources-and-collectors-produce-inventory',
      comment: 'Inputs (files, live collection) end at the inventory: they do not evaluate or report.',
      severity: 'error',
      from: { path: '^src/(collect|sources)/' },
      to: { path: '^src/(engine|findings|suppressions|baseline|scores|reporters|graph|frameworks)/' },
    },
    {
      name: 'no-dev-dependencies-at-runtime',
      comment: 'An installed cafscan has only its dependencies; type-only imports of @types packages vanish at build.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type cycle or a contract type importing a feature folder is an arrow too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

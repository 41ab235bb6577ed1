// Writes the package's two entry points at the top of dist/ (SPEC 2: dist/cli.js, dist/index.js),
// forwarding to the compiled sources under dist/src/.
import { writeFileSync, chmodSync } from 'node:fs';
// extract catches Ctrl-C before the rest of the program loads (src/signals.ts): an interrupt during start-up
// still ends with run.json saying so
writeFileSync(
  'dist/cli.js',
  "#!/usr/bin/env node\n" +
    "import { catchSignals } from './src/signals.js';\n" +
    "if (process.argv[2] === 'extract') catchSignals();\n" +
    "const { main } = await import('./src/cli.js');\n" +
    "main(process.argv.slice(2));\n",
);
chmodSync('dist/cli.js', 0o755);
writeFileSync('dist/index.js', "export * from './src/index.js';\n");
writeFileSync('dist/index.d.ts', "export * from './src/index.js';\n");

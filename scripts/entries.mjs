// Writes the package's two entry points at the top of dist/ (SPEC 2: dist/cli.js, dist/index.js),
// forwarding to the compiled sources under dist/src/.
import { writeFileSync, chmodSync } from 'node:fs';
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport { main } from './src/cli.js';\nmain(process.argv.slice(2));\n");
chmodSync('dist/cli.js', 0o755);
writeFileSync('dist/index.js', "export * from './src/index.js';\n");
writeFileSync('dist/index.d.ts', "export * from './src/index.js';\n");

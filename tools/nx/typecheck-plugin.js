// Infers a `typecheck` target for every project: `tsc --noEmit` over each of its tsconfig.*.json
// (lib/app and spec). Jest compiles with swc, which strips types without checking them, so this
// target is what keeps `strict: true` honest.
const { dirname, join } = require('node:path');
const { readdirSync } = require('node:fs');

module.exports = {
  name: 'zhengwu-typecheck',
  createNodesV2: [
    '**/project.json',
    (projectFiles, _options, context) =>
      projectFiles.map((file) => {
        const root = dirname(file);
        const configs = readdirSync(join(context.workspaceRoot, root))
          .filter((f) => /^tsconfig\..+\.json$/.test(f))
          .sort();
        if (configs.length === 0) return [file, {}];
        return [
          file,
          {
            projects: {
              [root]: {
                targets: {
                  typecheck: {
                    command: configs.map((c) => `tsc --noEmit -p ${c}`).join(' && '),
                    options: { cwd: root },
                    cache: true,
                    inputs: ['default', '^default', { externalDependencies: ['typescript'] }],
                    outputs: [],
                  },
                },
              },
            },
          },
        ];
      }),
  ],
};

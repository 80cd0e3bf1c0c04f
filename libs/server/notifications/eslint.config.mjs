import baseConfig from "../../../eslint.config.mjs";

// The schema (libs/server/schema) includes this library's entity and migration, and the test
// harness builds its database from the schema, so this library's integration specs importing the
// harness close a cycle that exists for tests only: server-notifications (specs) → server-testing
// → server-schema → server-notifications. project.json drops the test-only edge to server-testing
// from the project graph (so no other project sees a cycle); here spec files may close it (the rule
// names a cycle by one of its edges: schema → notifications). Every other boundary rule holds.
// The lasting fix is to move NOTIFICATION_ENTITIES/MIGRATIONS to a project of their own.
const RULE = "@nx/enforce-module-boundaries";
const specBoundaries = baseConfig.findLast((config) => config.files?.includes("**/*.spec.ts") && config.rules?.[RULE])?.rules[RULE];
if (!specBoundaries) {
  throw new Error(`No ${RULE} configuration for spec files in the root ESLint configuration`);
}
const [level, options] = specBoundaries;

export default [
  ...baseConfig,
  {
    files: ["**/*.spec.ts"],
    rules: {
      [RULE]: [level, { ...options, ignoredCircularDependencies: [["server-schema", "server-notifications"]] }],
    },
  },
];

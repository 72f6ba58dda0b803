// Where the policy in force came from. Its own module: the event schema names the sources without
// bundling the policy schema into every page that reads events.
export const policySources = ['managed', 'default', 'last-valid'] as const;
export type PolicySource = (typeof policySources)[number];

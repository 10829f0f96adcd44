// Inputs that have crashed or stalled other YAML tools, shared by the engine and server tests.

/** "Billion laughs": each level aliases the one before it ten times. */
export function aliasBomb(levels = 10): string {
  let text = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: bomb, region: us-east-1}\n';
  text += 'l0: &l0 ["10.0.0.0/8", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
  text += `vpc:\n  extraCIDRs: *l0\n  publicAccessCIDRs: *l${levels - 1}\n`;
  return text;
}

/** A long chain of mappings, each merging the previous one (eemeli/yaml issue 537's shape). */
export function mergeKeyChain(count = 3000): string {
  let text = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: merges, region: us-east-1}\n';
  text += 'defaults: &d0\n  instanceType: m5.large\n  labels: {team: a}\n';
  for (let i = 1; i < count; i++) text += `n${i}: &d${i}\n  <<: *d${i - 1}\n  desiredCapacity: ${i}\n`;
  text += `vpc:\n  <<: *d${count - 1}\n  cidr: 10.1.2.0/16\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n`;
  return text;
}

export function truncatedManifest(): string {
  return 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: "10.100.0.1\n  ports: [{port: 80';
}

export function binaryJunk(bytes = 64 * 1024): string {
  let seed = 42;
  const out: number[] = [];
  for (let i = 0; i < bytes; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out.push(seed & 0xff);
  }
  return Buffer.from(out).toString('latin1');
}

/** About `megabytes` of realistic multi-document manifests. */
export function hugeManifest(megabytes = 10): string {
  const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.100.0.10\n  ports:\n  - port: 80\n---\n';
  return doc.repeat(Math.ceil((megabytes * 1024 * 1024) / doc.length));
}

export function deepNesting(depth = 50_000): string {
  return 'a: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
}

// CloudFormation's short-form intrinsic functions (`!Ref`, `!Cidr`, …). Declaring them keeps the
// parser quiet about "unresolved tags"; each node keeps its tag, so later stages can tell an
// intrinsic from a literal. A tag may sit on a scalar, a sequence or a mapping.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import type { Tags } from 'yaml';

export const CFN_SHORT_TAGS = [
  'Ref', 'Sub', 'GetAtt', 'Cidr', 'Select', 'GetAZs', 'Join', 'If', 'FindInMap', 'ImportValue',
  'Split', 'Base64', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Transform', 'Length', 'ToJsonString',
] as const;

export const cfnCustomTags: Tags = CFN_SHORT_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (source: string) => source },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const },
]);

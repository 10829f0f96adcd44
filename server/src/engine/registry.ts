// Every rule eks-lens has, in the order their findings are explained in the docs.
// Adding a rule: write server/src/rules/<code>.ts, its tests beside it, docs/rules/<code>.md,
// and list it here.
import type { Rule } from './rule';
import cidrHostBits from '../rules/cidr-host-bits';
import cidrSyntax from '../rules/cidr-syntax';
import ipSyntax from '../rules/ip-syntax';
import notChecked from '../rules/not-checked';
import yamlSyntax from '../rules/yaml-syntax';

export const allRules: readonly Rule[] = [yamlSyntax, notChecked, cidrSyntax, cidrHostBits, ipSyntax];

export function ruleByCode(code: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.code === code);
}

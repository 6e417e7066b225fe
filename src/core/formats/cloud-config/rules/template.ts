/**
 * User-data is often a template rendered before boot (Terraform, Go templates, Jinja, sed,
 * Python %-formatting). A value holding such syntax is unknown until rendered, so checks skip
 * it rather than report the placeholder.
 */
const TEMPLATE = /\{\{|\{%|\$\{|<%|<[A-Za-z_][\w.-]*>|%\(\w+\)[sd]|%[A-Za-z_]\w*%|@[A-Za-z_]\w*@/;

export const isTemplated = (s: string): boolean => TEMPLATE.test(s);

/** The variables coreos-cloudinit replaces with the machine's addresses before it reads the config. */
export const SUBSTITUTIONS = ['$private_ipv4', '$public_ipv4', '$private_ipv6', '$public_ipv6'] as const;

export const isSubstitution = (s: string): boolean => (SUBSTITUTIONS as readonly string[]).includes(s);

/** `$NAME` that is not a substitution: left for some other tool to fill in. */
export const isShellVariable = (s: string): boolean => /^\$[A-Za-z_]\w*$/.test(s) && !isSubstitution(s);

/** The value as it reads after coreos-cloudinit's substitution, with example IPv4 addresses. */
export const substituteIPv4 = (s: string): string => s.replace(/\$(private|public)_ipv4\b/g, '192.0.2.1');

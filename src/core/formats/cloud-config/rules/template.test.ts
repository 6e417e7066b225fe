import { describe, expect, it } from 'vitest';
import { isShellVariable, isSubstitution, isTemplated, substituteIPv4 } from './template';

describe('template syntax', () => {
  it('spots the placeholders of common template tools', () => {
    for (const s of ['{{ .IP }}', '{{ip}}', '${var.ip}', '{% if x %}', '<%= ip %>', 'https://discovery.etcd.io/<token>', '%(ip)s', '%IP%', '@IP@']) {
      expect(isTemplated(s), s).toBe(true);
    }
  });

  it('leaves plain values and coreos-cloudinit substitutions alone', () => {
    for (const s of ['http://$private_ipv4:2379', 'a<b', '50%', 'user@host', '$6$salt$hash']) expect(isTemplated(s), s).toBe(false);
  });

  it('tells substitution variables from other variables', () => {
    expect(isSubstitution('$public_ipv4')).toBe(true);
    expect(isShellVariable('$public_ipv4')).toBe(false);
    expect(isShellVariable('$ETCD_IP')).toBe(true);
    expect(substituteIPv4('ip-$private_ipv4')).toBe('ip-192.0.2.1');
  });
});
